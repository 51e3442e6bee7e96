import { t, wireLanguageToggle } from './i18n.js';
import { currentUser, showUser, wireSignOut } from './session.js';
import { barChart } from './charts.js';

// The bureau's dashboard: what the system saw and did over a span of days, as charts first (people would rather
// look than read), with the plan's targets as meters.
const form = document.getElementById('span');
let data = null;

const percent = (v) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)} %`);
const shortDay = (day) => day.slice(5);

function meter(id, value, target) {
  const bar = document.getElementById(id);
  bar.style.width = `${Math.min(100, (value ?? 0) * 100)}%`;
  bar.className = target !== undefined && (value ?? 0) < target ? 'below' : 'met';
}

function render() {
  if (!data) return;
  const labels = data.days.map((d) => shortDay(d.day));
  document.getElementById('k-open').textContent = data.cases.open;
  document.getElementById('k-overdue').textContent = data.cases.overdue;
  document.getElementById('k-closed').textContent = data.cases.closed;
  document.getElementById('k-median').textContent = data.cases.medianDaysToDelist ?? '—';
  document.getElementById('k-roadside').textContent = `${percent(data.plan.roadsideShare)} (${data.plan.roadsideChecks} / ${data.plan.heavyVehiclesSeen})`;
  document.getElementById('k-diesel').textContent = `${percent(data.plan.dieselCheckedShare)} (${data.plan.dieselChecked} / ${data.plan.dieselRegistered})`;
  meter('m-roadside', data.plan.roadsideShare, data.plan.roadsideTarget);
  meter('m-diesel', data.plan.dieselCheckedShare);
  barChart(document.getElementById('chart-readings'), labels,
    [{ label: t('readings'), colour: '#7aa7d9', values: data.days.map((d) => d.readings) }],
    { label: t('overLimitRate'), colour: '#c62828', values: data.days.map((d) => d.overLimitRate) });
  barChart(document.getElementById('chart-blacklist'), labels, [
    { label: t('listedCount'), colour: '#c62828', values: data.days.map((d) => d.listed) },
    { label: t('delistedCount'), colour: '#2e7d32', values: data.days.map((d) => d.delisted) },
  ]);
  barChart(document.getElementById('chart-captures'), labels, [
    { label: t('capturesCount'), colour: '#616161', values: data.days.map((d) => d.captures) },
    { label: t('confirmedCount'), colour: '#1d2733', values: data.days.map((d) => d.capturesConfirmed) },
  ]);
  const rows = data.sites.map((s) => {
    const tr = document.createElement('tr');
    tr.dataset.site = s.site;
    const rate = document.createElement('td');
    const bar = document.createElement('div');
    bar.className = 'rate-bar';
    bar.style.width = `${Math.min(100, (s.overLimitRate ?? 0) * 100 * 4)}%`;
    rate.append(document.createTextNode(percent(s.overLimitRate)), bar);
    const name = document.createElement('td');
    name.textContent = s.site;
    const count = document.createElement('td');
    count.textContent = s.readings;
    tr.append(name, count, rate);
    return tr;
  });
  document.getElementById('sites').replaceChildren(...rows);
}

async function load() {
  const query = new URLSearchParams();
  if (form.from.value) query.set('from', form.from.value);
  if (form.to.value) query.set('to', form.to.value);
  const response = await fetch(`/api/bureau/dashboard?${query}`);
  const answer = await response.json();
  for (const field of ['from', 'to']) document.getElementById(`${field}-error`).textContent = (answer.errors?.[field] ?? []).join(' ');
  if (!response.ok) return;
  data = answer;
  form.from.value = data.from;
  form.to.value = data.to;
  document.querySelector('main').dataset.loaded = 'true';
  render();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});

async function start() {
  showUser(await currentUser());
  await load();
}

wireLanguageToggle(render);
wireSignOut();
start();
