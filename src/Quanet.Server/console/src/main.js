// The console's entry: sign in with an API key, then the map, plans, NOC and defence views. The page holds no
// data of its own: everything comes from the API with the key.
import 'leaflet/dist/leaflet.css';
import './style.css';
import { getJson, session } from './api.js';
import { openDefence, wireDefence } from './defence.js';
import { $ } from './dom.js';
import { initMap, mapHandle, refreshPlans, wireMap } from './map.js';
import { openNoc, wireNoc } from './noc.js';
import { openPlans, wirePlans } from './plans.js';
import { can, setRoles } from './roles.js';

const views = { map: openMap, plan: openPlans, noc: openNoc, defence: openDefence };

async function openMap() {
  await initMap();
}

async function show(view) {
  for (const name of Object.keys(views)) {
    $(`view-${name}`).hidden = name !== view;
  }
  for (const button of document.querySelectorAll('nav button')) {
    button.setAttribute('aria-pressed', String(button.dataset.view === view));
  }
  await views[view]();
}

function signedOut(message) {
  session.key = null;
  setRoles([]);
  $('login').hidden = false;
  $('nav').hidden = true;
  $('who').hidden = true;
  for (const name of Object.keys(views)) {
    $(`view-${name}`).hidden = true;
  }
  $('login-error').textContent = message || '';
  $('api-key').focus();
}

async function signedIn() {
  const me = await getJson('/api/v1/whoami');
  setRoles(me.roles);
  $('who-name').textContent = me.name;
  $('who-roles').textContent = (me.roles || []).join(', ');
  $('login').hidden = true;
  $('nav').hidden = false;
  $('who').hidden = false;
  $('plan-form').hidden = !can('planner');
  await show('map');
  refreshPlans();
}

async function login(e) {
  e.preventDefault();
  const key = $('api-key').value.trim();
  if (!key) {
    $('login-error').textContent = 'Paste an API key first.';
    return;
  }
  session.key = key;
  $('api-key').value = '';
  try {
    await signedIn();
  } catch (error) {
    signedOut(error.status === 401 ? 'That key was not accepted.' : error.message);
  }
}

function start() {
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', () => signedOut('Signed out.'));
  for (const button of document.querySelectorAll('nav button')) {
    button.addEventListener('click', () => show(button.dataset.view));
  }
  wireMap();
  wirePlans();
  wireNoc();
  wireDefence();
  window.quanetConsole = { map: mapHandle };
  if (session.key) {
    signedIn().catch((error) => signedOut(error.status === 401 ? 'The stored key was not accepted.' : error.message));
  } else {
    signedOut();
  }
}

start();
