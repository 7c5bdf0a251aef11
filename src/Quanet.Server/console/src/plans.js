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
  fill($('job-figures'), [...definitions([
    ['Stage', progress.stage ?? '–'],
    ['Elapsed', progress.elapsedSeconds !== undefined ? `${number(progress.elapsedSeconds, 1)} s` : '–'],
    ['Incumbent', number(progress.incumbent)],
    ['Bound', number(progress.bound)],
    ['Gap', typeof gap === 'number' ? `${number(gap * 100, 2)} %` : '–'],
  ]).childNodes]);
}

/** The solver comparison of a `compare` job: summary.comparison, one PlanSolverRow per solver. */
function comparisonTable(rows) {
  const percent = (v) => (typeof v === 'number' ? `${number(v * 100, 2)} %` : '–');
  return table('Solver comparison', ['Solver', 'Objective', 'Sites', 'Cost', 'Feasible', 'Optimal', 'Gap to best bound', 'Time (s)', 'Skipped'],
    rows.map((r) => [r.solver, number(r.objective), number(r.sites), number(r.cost), r.feasible ? 'yes' : 'no', r.optimal ? 'yes' : 'no',
      percent(r.gapToBestBound), number(r.seconds, 1), r.skipped || '']));
}

/** The figures of a finished job (PlanSummary). */
function summaryFigures(s) {
  const covered = s.population > 0 ? ` (${number((s.coveredPopulation / s.population) * 100, 1)} %)` : '';
  return definitions([
    ['Solver', s.solver],
    ['Objective', number(s.objective)],
    ['Optimal', s.optimal ? 'yes' : 'no'],
    ['Gap', typeof s.gap === 'number' ? `${number(s.gap * 100, 2)} %` : '–'],
    ['Sites', number(s.sites)],
    ['Cost', number(s.cost)],
    ['Population', number(s.population)],
    ['Covered', `${number(s.coveredPopulation)}${covered}`],
    ['Solve time', `${number(s.solveSeconds, 1)} s`],
    ...(s.backhaulLinks != null ? [['Backhaul', `${number(s.backhaulLinks)} links, ${number(s.backhaulLengthKm, 1)} km`]] : []),
    ...(s.securityModes ? [['Link protection', Object.entries(s.securityModes).map(([m, n]) => `${m} ${n}`).join(', ')]] : []),
  ]);
}

function showJob(job) {
  current = job;
  const terminal = ['succeeded', 'failed', 'cancelled'].includes(job.status);
  $('job-status').textContent = `Plan ${job.id}: ${job.status}${job.interrupted ? ' (interrupted: best result so far kept)' : ''}${job.error ? ` — ${job.error}` : ''}`;
  showProgress(job.progress);
  $('job-cancel').hidden = terminal || !document.body.classList.contains('role-planner');
  $('job-show').hidden = !(job.artifacts || []).includes('plan.geojson');
  const summary = job.summary;
  if (summary) {
    fill($('job-compare'), el('h4', {}, 'Summary'), summaryFigures(summary),
      Array.isArray(summary.comparison) && summary.comparison.length ? comparisonTable(summary.comparison) : null);
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
