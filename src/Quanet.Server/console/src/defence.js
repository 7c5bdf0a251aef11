// The defence view: interconnect defence incidents, and isolations awaiting approval (Approve / Reject for
// operators and admins).
import { getJson, postJson } from './api.js';
import { $, el, fill, table, when } from './dom.js';
import { can } from './roles.js';

const percent = (v) => (typeof v === 'number' ? `${Math.round(v * 100)} %` : '–');

/** Defence incidents (GET /api/v1/defence/incidents and /isolations): one row each, actions for operators. */
function incidentTable(caption, items, actions) {
  if (!items.length) {
    return el('p', {}, `No ${caption.toLowerCase()}.`);
  }
  return table(caption, ['Incident', 'Interconnect', 'Severity', 'Confidence', 'Response', 'Isolation', 'Actors', 'Detections', 'First seen', 'Last seen', ...(actions ? [''] : [])],
    items.map((i) => [
      i.id, i.interconnect || '–', i.severity, percent(i.confidence), i.response, i.isolation,
      (i.actors || []).join(', ') || '–',
      (i.detections || []).map((d) => `${d.ruleId} (${d.severity})`).join(', ') || '–',
      when(i.firstSeen), when(i.lastSeen), ...(actions ? [actions(i)] : []),
    ]));
}

async function decide(id, verb) {
  let message;
  try {
    await postJson(`/api/v1/defence/isolations/${encodeURIComponent(id)}/${verb}`);
    message = `Isolation ${id} ${verb === 'approve' ? 'approved' : 'rejected'}`;
  } catch (error) {
    message = error.message;
  }
  await openDefence();
  $('defence-status').textContent = message;
}

export async function openDefence() {
  const status = $('defence-status');
  const errors = [];
  try {
    const { isolations } = await getJson('/api/v1/defence/isolations?state=pending');
    fill($('defence-isolations'), incidentTable('Isolations awaiting approval', isolations, can('operator')
      ? (i) => el('span', { class: 'actions' },
        el('button', { type: 'button', onclick: () => decide(i.id, 'approve') }, `Approve isolation ${i.id}`),
        el('button', { type: 'button', onclick: () => decide(i.id, 'reject') }, `Reject isolation ${i.id}`))
      : null));
  } catch (error) {
    errors.push(error.message);
    fill($('defence-isolations'));
  }
  try {
    const { incidents } = await getJson('/api/v1/defence/incidents');
    fill($('defence-incidents'), incidentTable('Defence incidents', incidents));
  } catch (error) {
    errors.push(error.message);
    fill($('defence-incidents'));
  }
  status.textContent = errors.length ? errors.join('; ') : `Updated ${new Date().toLocaleTimeString('en-GB')}`;
}

export function wireDefence() {
  $('defence-refresh').addEventListener('click', openDefence);
}
