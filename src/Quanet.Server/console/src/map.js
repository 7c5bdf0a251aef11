// The map view: country outlines from the server (no tiles: the console works offline), the plan's layers with a
// checkbox each, details of what was clicked, and a keyboard-usable list of the sites.
import L from 'leaflet';
import { getJson } from './api.js';
import { $, definitions, el, fill, number } from './dom.js';
import { buildPlanLayers, layerNames, modeColours } from './layers.js';

const state = { map: null, renderers: null, layers: {}, sites: [], visible: new Set(layerNames.map(([k]) => k)), selected: null };

/** Creates the map (once) and loads the country outlines. */
export async function initMap() {
  if (state.map) {
    state.map.invalidateSize();
    return;
  }
  const map = L.map('map', { zoomControl: true, attributionControl: true, preferCanvas: true, minZoom: 3, maxZoom: 14, keyboard: true });
  map.attributionControl.addAttribution('Outlines: Natural Earth · Places: GeoNames (CC-BY 4.0)');
  map.setView([51, 10], 5);
  state.map = map;
  state.renderers = { canvas: L.canvas({ padding: 0.5 }), svg: L.svg({ padding: 0.5 }) };
  renderToggles();
  try {
    const countries = await getJson('/api/v1/basemap/countries');
    state.layers.countries = L.geoJSON(countries, {
      renderer: state.renderers.canvas, interactive: false,
      style: { color: '#7d8799', weight: 1, fillColor: '#fbfaf6', fillOpacity: 1 },
    });
    applyVisibility();
    state.layers.countries.bringToBack();
    // no animation: a zoom animation still running would swallow the plan's own fit (Leaflet drops a view
    // change asked for during one)
    if (!state.sites.length) {
      map.fitBounds(state.layers.countries.getBounds(), { animate: false });
    }
    performance.mark('quanet:basemap');
  } catch (error) {
    status(`Country outlines: ${error.message}`);
  }
}

function status(text) {
  $('plan-status').textContent = text;
}

function renderToggles() {
  const fieldset = $('layers');
  fill(fieldset, el('legend', {}, 'Layers'), layerNames.map(([key, label]) => {
    const id = `layer-${key}`;
    return el('div', { class: 'check' },
      el('input', { type: 'checkbox', id, checked: state.visible.has(key), onchange: (e) => toggle(key, e.target.checked) }),
      el('label', { for: id }, label));
  }));
  fill($('legend'),
    el('span', { class: 'key covered' }, 'covered place'), el('span', { class: 'key uncovered' }, 'uncovered place'),
    Object.entries(modeColours).map(([mode, colour]) => el('span', { class: `key link ${mode}`, 'data-colour': colour }, mode)));
}

function toggle(key, on) {
  if (on) {
    state.visible.add(key);
  } else {
    state.visible.delete(key);
  }
  applyVisibility();
}

// z-order: outlines, region, coverage, demand, links, nodes
const order = ['countries', 'region', 'coverage', 'demand', 'backhaul', 'security', 'trusted', 'pops', 'sites'];

function applyVisibility() {
  for (const key of order) {
    const layer = state.layers[key];
    if (!layer) {
      continue;
    }
    if (state.visible.has(key)) {
      if (!state.map.hasLayer(layer)) {
        layer.addTo(state.map);
      }
    } else if (state.map.hasLayer(layer)) {
      state.map.removeLayer(layer);
    }
  }
  for (const key of order) {
    const layer = state.layers[key];
    if (layer && state.map.hasLayer(layer) && layer.bringToFront) {
      layer.bringToFront();
    }
  }
  for (const [key] of layerNames) {
    const box = $(`layer-${key}`);
    if (box) {
      box.disabled = !state.layers[key];
    }
  }
}

/** Shows a plan from its artifact documents ({ plan, backhaul, security }, each parsed GeoJSON or undefined). */
export function showPlan(documents, label) {
  for (const key of Object.keys(state.layers)) {
    if (key !== 'countries') {
      state.map.removeLayer(state.layers[key]);
      delete state.layers[key];
    }
  }
  const { layers, sites } = buildPlanLayers(documents, state.renderers, select);
  Object.assign(state.layers, layers);
  state.sites = sites;
  applyVisibility();
  const list = $('site-list');
  fill(list, sites.map((s, i) => el('option', { value: String(i) }, `${s.properties.id} · ${number(s.properties.population_covered)} people`)));
  const summary = documents.plan && documents.plan.plan;
  status(summary
    ? `${label}: ${summary.region}, ${number(summary.sites)} sites covering ${number(summary.covered_population)} of ${number(summary.total_population)} people (${summary.solver})`
    : `${label}: loaded`);
  const bounds = (layers.region || layers.coverage || layers.backhaul);
  if (bounds && bounds.getBounds().isValid()) {
    state.map.fitBounds(bounds.getBounds(), { padding: [12, 12], animate: false });
  }
  performance.mark('quanet:plan');
  fill($('details'), el('h2', { id: 'details-title' }, 'Details'), el('p', { class: 'help' }, 'Click a site or a place on the map, or pick a site from the list.'));
}

function select(item) {
  state.selected = item;
  const p = item.properties;
  const details = $('details');
  const title = el('h2', { id: 'details-title' }, 'Details');
  if (item.kind === 'site') {
    const plan = item.plan || {};
    const radius = p.radius_m ?? (item.coverage && item.coverage.radius_m);
    fill(details, title, el('h3', {}, `Site ${p.id}`), p.name && p.name !== p.id ? el('p', {}, p.name) : null, definitions([
      ['Population covered', number(p.population_covered)],
      ['Coverage radius', `${number(radius / 1000, 2)} km`],
      ['Antenna height', `${number(p.height_m)} m`],
      ['Band', plan.band_mhz ? `${number(plan.band_mhz)} MHz` : '–'],
      ['Propagation model', plan.model || '–'],
      ['Max path loss (link budget)', plan.max_path_loss_db !== undefined ? `${number(plan.max_path_loss_db, 1)} dB` : '–'],
      ['Cost', number(p.cost)],
      ['Kind', p.flag],
      ['Position', `${item.latlng[0].toFixed(5)}, ${item.latlng[1].toFixed(5)}`],
    ]));
    const index = state.sites.indexOf(item);
    if (index >= 0) {
      $('site-list').value = String(index);
    }
  } else if (item.kind === 'demand') {
    fill(details, title, el('h3', {}, `Place ${p.name || p.id}`), definitions([
      ['Population', number(p.population)],
      ['Covered', p.covered ? `yes, by site ${p.site}` : 'no'],
      ['Id', p.id],
    ]));
  } else if (item.kind === 'backhaul' || item.kind === 'link') {
    fill(details, title, el('h3', {}, `Link ${p.from} – ${p.to}`), definitions([
      ['Length', `${number(p.length_km, 2)} km`],
      ['Mode', p.mode || '–'],
      ['Trusted nodes', p.trusted_nodes ?? '–'],
      ['Key rate', p.key_rate_bps !== undefined ? `${number(p.key_rate_bps)} bit/s` : '–'],
      ['Cost', p.cost !== undefined ? number(p.cost) : '–'],
      ['Existing fibre', p.existing === undefined ? '–' : (p.existing ? 'yes' : 'no')],
    ]));
  } else {
    fill(details, title, el('h3', {}, item.kind === 'pop' ? `Point of presence ${p.id}` : `Trusted node ${p.index} on ${p.link}`));
  }
}

/** Selects the site at index i of the list: centres the map on it and shows its details. */
function selectSite(i) {
  const site = state.sites[i];
  if (site) {
    state.map.panTo(site.latlng);
    select(site);
  }
}

async function loadServerPlan(id) {
  if (!id) {
    return;
  }
  status(`Loading plan ${id}…`);
  const base = `/api/v1/plans/${encodeURIComponent(id)}`;
  try {
    const job = await getJson(base);
    const artifacts = new Set(job.artifacts || []);
    const load = (name) => (artifacts.has(name) ? getJson(`${base}/${name}`) : Promise.resolve(undefined));
    const [plan, backhaul, security] = await Promise.all([load('plan.geojson'), load('backhaul.geojson'), load('security.geojson')]);
    if (!plan) {
      status(`Plan ${id} has no plan.geojson (status ${job.status})`);
      return;
    }
    showPlan({ plan, backhaul, security }, `Plan ${id}`);
  } catch (error) {
    status(error.message);
  }
}

/** Lists the server's finished plans in the plan picker. */
export async function refreshPlans(selectId) {
  const select = $('plan-select');
  try {
    const { plans } = await getJson('/api/v1/plans');
    const done = plans.filter((p) => p.status === 'succeeded' || (p.artifacts || []).includes('plan.geojson'));
    fill(select, el('option', { value: '' }, done.length ? '(choose a plan)' : '(no finished plans)'),
      done.map((p) => el('option', { value: p.id }, `${p.id} · ${p.status} · ${p.submittedAt || ''}`)));
    if (selectId) {
      select.value = selectId;
      await loadServerPlan(selectId);
    }
  } catch (error) {
    fill(select, el('option', { value: '' }, '(plans unavailable)'));
    status(error.message);
  }
}

export async function showServerPlan(id) {
  await refreshPlans(id);
}

async function readFiles(files) {
  const documents = {};
  for (const file of files) {
    const parsed = JSON.parse(await file.text());
    const features = parsed.features || [];
    const first = features[0] && features[0].properties ? features[0].properties : {};
    if (parsed.plan || features.some((f) => f.properties && f.properties.kind === 'site')) {
      documents.plan = parsed;
    } else if (first.layer === 'security' || first.layer === 'trusted-node') {
      documents.security = parsed;
    } else if (first.kind === 'backhaul') {
      documents.backhaul = parsed;
    } else {
      throw new Error(`${file.name}: not a plan, backhaul or security GeoJSON layer`);
    }
  }
  return documents;
}

/** Wires the map view's controls. */
export function wireMap() {
  $('plan-select').addEventListener('change', (e) => loadServerPlan(e.target.value));
  $('plan-refresh').addEventListener('click', () => refreshPlans());
  $('site-list').addEventListener('change', (e) => selectSite(Number(e.target.value)));
  $('plan-files').addEventListener('change', async (e) => {
    try {
      const documents = await readFiles([...e.target.files]);
      showPlan(documents, [...e.target.files].map((f) => f.name).join(', '));
    } catch (error) {
      status(error.message);
    }
  });
}

/** For the browser tests and the bench: the Leaflet map. */
export function mapHandle() {
  return state.map;
}
