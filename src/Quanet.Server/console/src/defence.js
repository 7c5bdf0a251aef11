// The defence view: interconnect defence incidents, and isolations awaiting approval (Approve / Reject for
// operators and admins).
import { getJson, postJson } from './api.js';
import { $, el, fill, pick, table, when } from './dom.js';
import { can } from './roles.js';

const listOf = (body, key) => (Array.isArray(body) ? body : (body[key] || body.items || []));

function cell(value) {
  if (value === null || value === undefined) {
    return '–';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

/** A table of documents whose shape the console does not assume: the id first, then the scalar fields. */
function documents(caption, items, actions) {
  if (!items.length) {
    return el('p', {}, `No ${caption.toLowerCase()}.`);
  }
  const keys = [...new Set(items.flatMap((i) => Object.keys(i)))].filter((k) => k !== 'id').slice(0, 7);
  return table(caption, ['Id', ...keys, ...(actions ? [''] : [])], items.map((i) => [
    cell(pick(i, 'id')), ...keys.map((k) => (/(At|Micros|_at|_micros)$/.test(k) ? when(i[k]) : cell(i[k]))), ...(actions ? [actions(i)] : []),
  ]));
}

async function decide(id, verb) {
  try {
    await postJson(`/api/v1/defence/isolations/${encodeURIComponent(id)}/${verb}`);
    $('defence-status').textContent = `Isolation ${id} ${verb === 'approve' ? 'approved' : 'rejected'}`;
  } catch (error) {
    $('defence-status').textContent = error.message;
  }
  await openDefence();
}

export async function openDefence() {
  const status = $('defence-status');
  const errors = [];
  try {
    const isolations = listOf(await getJson('/api/v1/defence/isolations?state=pending'), 'isolations');
    fill($('defence-isolations'), documents('Isolations awaiting approval', isolations, can('operator')
      ? (i) => el('span', { class: 'actions' },
        el('button', { type: 'button', onclick: () => decide(pick(i, 'id'), 'approve') }, `Approve isolation ${pick(i, 'id')}`),
        el('button', { type: 'button', onclick: () => decide(pick(i, 'id'), 'reject') }, `Reject isolation ${pick(i, 'id')}`))
      : null));
  } catch (error) {
    errors.push(error.message);
    fill($('defence-isolations'));
  }
  try {
    const incidents = listOf(await getJson('/api/v1/defence/incidents'), 'incidents');
    fill($('defence-incidents'), documents('Defence incidents', incidents));
  } catch (error) {
    errors.push(error.message);
    fill($('defence-incidents'));
  }
  status.textContent = errors.length ? errors.join('; ') : `Updated ${new Date().toLocaleTimeString('en-GB')}`;
}

export function wireDefence() {
  $('defence-refresh').addEventListener('click', openDefence);
}
