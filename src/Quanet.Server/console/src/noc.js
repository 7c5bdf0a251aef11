// The NOC view: open incidents (GET /api/v1/incidents?state=open) with their root cause, evidence alarms and the
// decided runbook (decision.runbook); operators (and admins) see Approve and Roll back, other roles see the
// recommendation only. The fields are those of Quanet.Operations' Incident, IncidentAlarm and RunbookRun in camelCase.
import { getJson, postJson } from './api.js';
import { $, definitions, el, fill, number, table, when } from './dom.js';
import { kpiTable, openKpi, startKpiRefresh } from './kpi.js';
import { can } from './roles.js';

let selected = null;

const runbookOf = (incident) => (incident.decision && incident.decision.runbook) || null;

async function act(id, verb) {
  const status = $('noc-status');
  try {
    const run = await postJson(`/api/v1/incidents/${encodeURIComponent(id)}/runbook/${verb}`);
    const outcome = verb === 'approve' && run ? `: run ${run.id} of ${run.runbook} on ${run.target}, ${run.outcome}` : '';
    status.textContent = `Runbook ${verb === 'approve' ? 'approved' : 'rolled back'} for incident ${id}${outcome}`;
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
    const decision = incident.decision || {};
    const runbook = runbookOf(incident);
    const alarms = incident.alarms || [];
    const evidence = incident.evidence || [];
    const runs = incident.runbookRuns || [];
    const kpis = incident.kpiEvidence || [];
    fill(detail,
      el('h3', {}, `Incident ${id}: ${incident.type}`),
      definitions([
        ['Root cause', incident.rootCause],
        ['Summary', incident.summary],
        ['Opened', when(incident.openedMicros)],
        ['Score', number(incident.score, 2)],
        ['Recommended runbook', runbook ?? 'none'],
        ['Field visit', decision.fieldVisit ? `yes, ${decision.location ?? ''}` : 'no'],
        ['Why', decision.reason ?? '–'],
        ['Runbook runs', runs.length ? runs.join(', ') : 'none'],
      ]),
      evidence.length ? el('ul', { class: 'evidence', 'aria-label': 'Evidence' }, evidence.map((e) => el('li', {}, e))) : null,
      alarms.length === 0 ? null : table('Evidence alarms', ['Alarm', 'Condition', 'Source', 'Interface', 'Raised', 'Cleared', 'Why it belongs'], alarms.map((a) => [
        String(a.alarmId), a.condition, a.source, a.interface || '–', when(a.raisedMicros), a.cleared ? 'yes' : 'no', a.explanation,
      ])),
      kpis.length ? kpiTable('KPI evidence', kpis) : el('p', { class: 'help' }, 'No KPI anomalies in the incident window.'),
      can('operator') && runbook ? el('div', { class: 'actions' },
        el('button', { type: 'button', id: 'runbook-approve', onclick: () => act(id, 'approve') }, `Approve runbook ${runbook}`),
        el('button', { type: 'button', id: 'runbook-rollback', onclick: () => act(id, 'rollback') }, 'Roll back')) : null,
      !can('operator') && runbook ? el('p', { class: 'help' }, 'Approving a runbook needs the operator role.') : null);
  } catch (error) {
    fill(detail, el('p', { class: 'error' }, error.message));
  }
}

/** Loads the open incidents and the KPI anomalies, and keeps the anomalies refreshing. */
export async function openNoc() {
  startKpiRefresh();
  await Promise.all([openIncidents(), openKpi()]);
}

async function openIncidents() {
  const status = $('noc-status');
  try {
    const { incidents } = await getJson('/api/v1/incidents?state=open');
    status.textContent = `${incidents.length} open incident${incidents.length === 1 ? '' : 's'} (${new Date().toLocaleTimeString('en-GB')})`;
    fill($('noc-list'), table('Open incidents', ['Incident', 'Type', 'Root cause', 'Alarms', 'Runbook'], incidents.map((i) => [
      el('button', { type: 'button', class: 'link', onclick: () => show(i.id) }, `Incident ${i.id}`),
      i.type, i.rootCause, String((i.alarms || []).length), runbookOf(i) ?? '–',
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
