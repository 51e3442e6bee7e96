import { t, wireLanguageToggle } from './i18n.js';
import { barChart } from './charts.js';

// The month's report for the city's air-pollution office: one printable page (the browser saves it as PDF) from the
// same figures as the dashboard.
const monthInput = document.getElementById('month');
let data = null;

const percent = (v) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)} %`);
const sum = (key) => data.days.reduce((total, d) => total + d[key], 0);

function render() {
  if (!data) return;
  document.getElementById('title').textContent = t('reportTitle', { month: monthInput.value });
  const readings = sum('readings'), over = sum('overLimit');
  document.getElementById('summary').textContent = t('reportSummary', {
    readings, over, rate: percent(readings ? over / readings : null), captures: sum('captures'), confirmed: sum('capturesConfirmed'),
    listed: sum('listed'), delisted: sum('delisted'), open: data.cases.open, overdue: data.cases.overdue, median: data.cases.medianDaysToDelist ?? '—',
    checks: data.plan.roadsideChecks, seen: data.plan.heavyVehiclesSeen, share: percent(data.plan.roadsideShare), diesel: percent(data.plan.dieselCheckedShare),
  });
  const labels = data.days.map((d) => d.day.slice(8));
  barChart(document.getElementById('chart-readings'), labels,
    [{ label: t('readings'), colour: '#7aa7d9', values: data.days.map((d) => d.readings) }],
    { label: t('overLimitRate'), colour: '#c62828', values: data.days.map((d) => d.overLimitRate) });
  barChart(document.getElementById('chart-blacklist'), labels, [
    { label: t('listedCount'), colour: '#c62828', values: data.days.map((d) => d.listed) },
    { label: t('delistedCount'), colour: '#2e7d32', values: data.days.map((d) => d.delisted) },
  ]);
  document.getElementById('sites').replaceChildren(...data.sites.map((s) => {
    const tr = document.createElement('tr');
    for (const text of [s.site, s.readings, percent(s.overLimitRate)]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    return tr;
  }));
  document.body.dataset.ready = 'true';
}

async function load() {
  const [year, month] = monthInput.value.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const from = `${monthInput.value}-01`, to = `${monthInput.value}-${String(last).padStart(2, '0')}`;
  const response = await fetch(`/api/bureau/dashboard?from=${from}&to=${to}`);
  if (response.status === 401) location.assign(`/?next=${encodeURIComponent(location.pathname + location.search)}`);
  data = await response.json();
  render();
}

const asked = new URLSearchParams(location.search).get('month');
// This month in Hebi (the dashboard's days are Beijing days), whatever the viewer's clock says.
const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
monthInput.value = /^\d{4}-\d{2}$/.test(asked ?? '') ? asked : thisMonth;
monthInput.addEventListener('change', () => {
  history.replaceState(null, '', `?month=${monthInput.value}`);
  load();
});
document.getElementById('print').addEventListener('click', () => window.print());
wireLanguageToggle(render);
load();
