// KPI anomaly notices in the NOC view (GET /api/v1/kpi/anomalies, newest first) and an incident's KPI evidence
// (incident.kpiEvidence). Both show the series, the value's time, the score and the value against what the detector
// expected. The list refreshes itself every 15 s while the NOC view is shown and the tab is visible.
import { getJson } from './api.js';
import { $, el, fill, number, table, when } from './dom.js';

const REFRESH_MS = 15000;
let timer = null;

const at = (n) => when(n.windowEnd * 1e6);
const expected = (n) => (n.expected === null || n.expected === undefined ? '–' : number(n.expected, 2));

/** A table of KPI notices (list rows or incident evidence). */
export function kpiTable(caption, notices) {
  return table(caption, ['Series', 'Time', 'Score', 'Value', 'Expected'], notices.map((n) => [
    n.series, at(n), number(n.score, 2), number(n.value, 2), expected(n),
  ]));
}

/** Loads the newest 100 KPI notices into the NOC view. */
export async function openKpi() {
  const status = $('kpi-status');
  try {
    const { anomalies } = await getJson('/api/v1/kpi/anomalies?limit=100');
    fill($('kpi-list'), anomalies.length ? kpiTable('KPI anomalies', anomalies) : el('p', {}, 'No KPI anomalies.'));
    status.textContent = `${anomalies.length} KPI anomal${anomalies.length === 1 ? 'y' : 'ies'}, newest first (${new Date().toLocaleTimeString('en-GB')})`;
  } catch (error) {
    status.textContent = error.message;
  }
}

/** Refreshes the list every 15 s while the NOC view is visible; stops when it is hidden or the key is gone. */
export function startKpiRefresh() {
  if (timer !== null) {
    return;
  }
  timer = setInterval(() => {
    if ($('view-noc').hidden) {
      clearInterval(timer);
      timer = null;
    } else if (document.visibilityState === 'visible') {
      openKpi();
    }
  }, REFRESH_MS);
}
