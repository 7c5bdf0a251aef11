// The plans view: the plan form (POST /api/v1/plans), live progress from /api/v1/plans/{id}/events read with
// fetch and a stream reader, the solver comparison table, and the recent jobs.
import { getJson, postJson, readEvents } from './api.js';
import { $, definitions, el, fill, number, table, when } from './dom.js';
import { showServerPlan } from './map.js';

const fallbackSolvers = ['cpsat', 'heuristic', 'anneal', 'qubo', 'qaoa'];
let current = null;

function integer(id) {
  const v = $(id).value.trim();
  return v === '' ? undefined : Number(v);
}

/** The form as a PlanSubmission (the names of the `quanet plan` options); empty fields are left out. */
export function submission() {
  const body = {};
  const country = $('pf-country').value;
  const admin1 = $('pf-admin1').value.trim();
  if (country) {
    body.region = country;
  }
  if (admin1) {
    body.admin1 = admin1;
  }
  const sites = integer('pf-sites');
  const budget = integer('pf-budget');
  const time = integer('pf-time');
  if (sites !== undefined) {
    body.sites = sites;
  }
  if (budget !== undefined) {
    body.budget = budget;
  }
  if ($('pf-solver').value) {
    body.solver = $('pf-solver').value;
  }
  if (time !== undefined) {
    body.timeLimitSeconds = time;
  }
  if ($('pf-backhaul').checked || $('pf-security').checked) {
    const pops = integer('pf-pops');
    body.backhaul = pops === undefined ? {} : { pops };
  }
  if ($('pf-security').checked) {
    body.security = true;
  }
  return body;
}

function showProgress(progress) {
  if (!progress) {
    return;
  }
  const gap = progress.gap;
  const bar = $('job-progress');
  if (typeof gap === 'number' && Number.isFinite(gap)) {
    bar.value = Math.max(0, Math.min(1, 1 - gap));
  } else {
    bar.removeAttribute('value');
  }
  fill($('job-figures'), definitions([
    ['Stage', progress.stage ?? '–'],
    ['Elapsed', progress.elapsedSeconds !== undefined ? `${number(progress.elapsedSeconds, 1)} s` : '–'],
    ['Incumbent', number(progress.incumbent)],
    ['Bound', number(progress.bound)],
    ['Gap', typeof gap === 'number' ? `${number(gap * 100, 2)} %` : '–'],
  ]).childNodes);
}

function comparisonRows(summary) {
  if (!summary) {
    return null;
  }
  for (const key of ['comparison', 'solvers', 'rows']) {
    if (Array.isArray(summary[key]) && summary[key].length && typeof summary[key][0] === 'object') {
      return summary[key];
    }
  }
  return null;
}

function showJob(job) {
  current = job;
  const terminal = ['succeeded', 'failed', 'cancelled'].includes(job.status);
  $('job-status').textContent = `Plan ${job.id}: ${job.status}${job.interrupted ? ' (interrupted: best result so far kept)' : ''}${job.error ? ` — ${job.error}` : ''}`;
  showProgress(job.progress);
  $('job-cancel').hidden = terminal || !document.body.classList.contains('role-planner');
  $('job-show').hidden = !(job.artifacts || []).includes('plan.geojson');
  const rows = comparisonRows(job.summary);
  if (rows) {
    const heads = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    fill($('job-compare'), table('Solver comparison', heads, rows.map((r) => heads.map((h) => (typeof r[h] === 'boolean' ? (r[h] ? 'yes' : 'no') : number(r[h]))))));
  } else if (job.summary) {
    fill($('job-compare'), el('h4', {}, 'Summary'), definitions(Object.entries(job.summary)
      .filter(([, v]) => typeof v !== 'object').map(([k, v]) => [k, number(v)])));
  } else {
    fill($('job-compare'));
  }
}

async function follow(id) {
  try {
    await readEvents(`/api/v1/plans/${encodeURIComponent(id)}/events`, (name, data) => {
      const value = JSON.parse(data);
      if (name === 'progress') {
        showProgress(value);
      } else if (name === 'status') {
        showJob(value);
      }
    });
    showJob(await getJson(`/api/v1/plans/${encodeURIComponent(id)}`));
  } catch (error) {
    $('job-status').textContent = error.message;
  }
  await listJobs();
}

async function submit(e) {
  e.preventDefault();
  $('pf-error').textContent = '';
  $('pf-submit').disabled = true;
  try {
    const accepted = await postJson('/api/v1/plans', submission());
    $('job-status').textContent = `Plan ${accepted.id}: ${accepted.status}`;
    current = { id: accepted.id };
    follow(accepted.id);
  } catch (error) {
    $('pf-error').textContent = error.message;
  } finally {
    $('pf-submit').disabled = false;
  }
}

/** Lists the recent plan jobs. */
export async function listJobs() {
  try {
    const { plans } = await getJson('/api/v1/plans');
    fill($('job-list'), plans.length ? table('Plan jobs', ['Id', 'Status', 'Owner', 'Submitted', 'Finished', ''], plans.slice(0, 20).map((p) => [
      p.id, p.status, p.owner || '–', when(p.submittedAt), when(p.finishedAt),
      el('button', { type: 'button', onclick: () => { showJob(p); if (!['succeeded', 'failed', 'cancelled'].includes(p.status)) { follow(p.id); } } }, `Open ${p.id}`),
    ])) : el('p', {}, 'No plans yet.'));
  } catch (error) {
    fill($('job-list'), el('p', { class: 'error' }, error.message));
  }
}

async function loadSolvers() {
  let names = fallbackSolvers;
  try {
    const catalogue = await getJson('/api/v1/solvers');
    const list = Array.isArray(catalogue) ? catalogue : (catalogue.solvers || []);
    const placement = list.filter((s) => (s.family || 'placement') === 'placement' && s.available !== false).map((s) => s.name);
    if (placement.length) {
      names = placement;
    }
  } catch {
    // the catalogue is optional: the form offers the known placement solvers
  }
  fill($('pf-solver'), el('option', { value: '' }, 'default'), names.map((n) => el('option', { value: n }, n)), el('option', { value: 'compare' }, 'compare (all solvers)'));
}

/** Wires the plan form. */
export function wirePlans() {
  $('plan-form').addEventListener('submit', submit);
  $('job-cancel').addEventListener('click', async () => {
    if (current) {
      try {
        await postJson(`/api/v1/plans/${encodeURIComponent(current.id)}/cancel`);
      } catch (error) {
        $('job-status').textContent = error.message;
      }
    }
  });
  $('job-show').addEventListener('click', async () => {
    if (current) {
      document.querySelector('nav button[data-view="map"]').click();
      await showServerPlan(current.id);
    }
  });
}

/** Called when the view opens. */
export async function openPlans() {
  await Promise.all([loadSolvers(), listJobs()]);
}
