// The NOC view: open incidents with their root cause, evidence alarms and recommended runbook; operators (and
// admins) see Approve and Roll back, other roles see the recommendation only.
import { getJson, postJson } from './api.js';
import { $, definitions, el, fill, number, pick, table, when } from './dom.js';
import { can } from './roles.js';

let selected = null;

function runbookOf(incident) {
  const decision = pick(incident, 'decision') || {};
  return pick(incident, 'recommendedRunbook') || pick(incident, 'runbook') || pick(decision, 'runbook') || null;
}

async function act(id, verb) {
  const status = $('noc-status');
  try {
    const run = await postJson(`/api/v1/incidents/${encodeURIComponent(id)}/runbook/${verb}`);
    status.textContent = `Runbook ${verb === 'approve' ? 'approved' : 'rolled back'} for incident ${id}${run && pick(run, 'status') ? `: ${pick(run, 'status')}` : ''}`;
  } catch (error) {
    status.textContent = error.message;
  }
  await show(id);
}

async function show(id) {
  selected = id;
  const detail = $('noc-detail');
  try {
    const incident = await getJson(`/api/v1/incidents/${encodeURIComponent(id)}`);
    const decision = pick(incident, 'decision') || {};
    const runbook = runbookOf(incident);
    const alarms = pick(incident, 'alarms') || pick(incident, 'evidenceAlarms') || [];
    const evidence = pick(incident, 'evidence') || [];
    const runs = pick(incident, 'runbookRuns') || [];
    fill(detail,
      el('h3', {}, `Incident ${id}: ${pick(incident, 'type') ?? ''}`),
      definitions([
        ['Root cause', pick(incident, 'rootCause') ?? '–'],
        ['Summary', pick(incident, 'summary') ?? '–'],
        ['Opened', when(pick(incident, 'openedMicros') ?? pick(incident, 'openedAt'))],
        ['Score', number(pick(incident, 'score'), 2)],
        ['Recommended runbook', runbook ?? 'none'],
        ['Field visit', pick(decision, 'fieldVisit') ? `yes, ${pick(decision, 'location') ?? ''}` : 'no'],
        ['Why', pick(decision, 'reason') ?? '–'],
        ['Runbook runs', runs.length ? runs.map((r) => (typeof r === 'object' ? pick(r, 'id') : r)).join(', ') : 'none'],
      ]),
      evidence.length ? el('ul', { class: 'evidence', 'aria-label': 'Evidence' }, evidence.map((e) => el('li', {}, typeof e === 'string' ? e : JSON.stringify(e)))) : null,
      table('Evidence alarms', ['Alarm', 'Condition', 'Source', 'Interface', 'Raised', 'Cleared', 'Why it belongs'], alarms.map((a) => [
        String(pick(a, 'alarmId') ?? pick(a, 'id') ?? ''), pick(a, 'condition') ?? '', pick(a, 'source') ?? '', pick(a, 'interface') || '–',
        when(pick(a, 'raisedMicros') ?? pick(a, 'raisedAt')), pick(a, 'cleared') ? 'yes' : 'no', pick(a, 'explanation') ?? '',
      ])),
      can('operator') && runbook ? el('div', { class: 'actions' },
        el('button', { type: 'button', id: 'runbook-approve', onclick: () => act(id, 'approve') }, `Approve runbook ${runbook}`),
        el('button', { type: 'button', id: 'runbook-rollback', onclick: () => act(id, 'rollback') }, 'Roll back')) : null,
      !can('operator') && runbook ? el('p', { class: 'help' }, 'Approving a runbook needs the operator role.') : null);
  } catch (error) {
    fill(detail, el('p', { class: 'error' }, error.message));
  }
}

/** Loads the open incidents. */
export async function openNoc() {
  const status = $('noc-status');
  try {
    const body = await getJson('/api/v1/incidents?state=open');
    const incidents = Array.isArray(body) ? body : (body.incidents || []);
    status.textContent = `${incidents.length} open incident${incidents.length === 1 ? '' : 's'} (${new Date().toLocaleTimeString('en-GB')})`;
    fill($('noc-list'), table('Open incidents', ['Incident', 'Type', 'Root cause', 'Alarms', 'Runbook'], incidents.map((i) => [
      el('button', { type: 'button', class: 'link', onclick: () => show(pick(i, 'id')) }, `Incident ${pick(i, 'id')}`),
      String(pick(i, 'type') ?? ''), pick(i, 'rootCause') ?? '', String((pick(i, 'alarms') || []).length), runbookOf(i) ?? '–',
    ])));
    if (selected !== null) {
      await show(selected);
    }
  } catch (error) {
    status.textContent = error.message;
  }
}

export function wireNoc() {
  $('noc-refresh').addEventListener('click', openNoc);
}
