import { t, wireLanguageToggle } from './i18n.js';
import { currentUser, showUser, wireSignOut } from './session.js';
import { fillTriState, postJson, showFieldErrors, triState } from './forms.js';

// A station's intake: a vehicle arrives, the plate is typed (or scanned into the field), and the page says at once
// whether it is listed and why, its repairs, and whether a re-test may be taken now; then the station's own work:
// a repair station records the repair, an inspection station submits the test, judged by the server.
const lookup = document.getElementById('lookup');
const repairForm = document.getElementById('repair');
const testForm = document.getElementById('test');
const result = document.getElementById('v-result');
let user;
let vehicle; // { plate, colour }

function text(tag, value, key) {
  const element = document.createElement(tag);
  if (key) element.dataset.i18n = key;
  element.textContent = key ? t(key) : value;
  return element;
}

async function show() {
  const response = await fetch(`/api/stations/intake/${encodeURIComponent(vehicle.plate)}?colour=${vehicle.colour}`);
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    document.getElementById('vehicle').hidden = true;
    document.getElementById('plate-error').textContent = Object.values(answer.errors ?? {}).flat().join(' ') || answer.detail || response.statusText;
    return;
  }
  document.getElementById('plate-error').textContent = '';
  document.getElementById('vehicle').hidden = false;
  const badge = document.getElementById('v-plate');
  badge.textContent = answer.plate;
  badge.className = `plate ${vehicle.colour}`;
  const listed = document.getElementById('v-listed');
  listed.dataset.i18n = answer.listed ? 'listedYes' : 'listedNo';
  listed.textContent = t(listed.dataset.i18n);
  listed.className = answer.listed ? 'outcome-failed' : '';
  document.getElementById('vehicle').dataset.listed = String(answer.listed);
  const rows = answer.cases.map((c) => {
    const tr = document.createElement('tr');
    tr.dataset.caseId = c.caseId;
    const retest = c.retestAllowed ? text('td', '', 'retestAllowed') : text('td', t('retestRefused', { why: c.retestRefusedBecause }));
    retest.className = c.retestAllowed ? 'retest-allowed' : 'retest-refused';
    tr.append(text('td', '', `reason.${c.reason}`), text('td', '', `state.${c.state}`), text('td', new Date(c.deadline).toLocaleDateString()), retest);
    return tr;
  });
  document.getElementById('v-cases').replaceChildren(...rows);
  const repairs = answer.repairs.map((r) => text('li', `${new Date(r.repairedAt).toLocaleString()} · ${r.station} · ${r.items.join('、')}`));
  document.getElementById('v-repairs').replaceChildren(...(repairs.length ? repairs : [text('li', '', 'noRepairs')]));
}

lookup.addEventListener('submit', async (event) => {
  event.preventDefault();
  const plate = lookup.plate.value.trim();
  if (!plate) {
    document.getElementById('plate-error').textContent = t('required');
    return;
  }
  vehicle = { plate, colour: lookup.colour.value };
  result.textContent = '';
  await show();
});

repairForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const items = repairForm.items.value.split(/[,，、]/).map((i) => i.trim()).filter(Boolean);
  const { ok, answer } = await postJson('/api/repairs', {
    plate: vehicle.plate, plateColour: vehicle.colour, station: repairForm.station.value, items, repairedAt: new Date().toISOString(),
    notes: repairForm.notes.value || null,
  });
  showFieldErrors('r', ['station', 'items', 'notes'], answer, { fallback: 'station' });
  if (ok) {
    result.className = 'ok-notice';
    result.textContent = t('repairRecorded');
    await show();
  }
});

const optional = (form, name) => (form[name].value === '' ? null : Number(form[name].value));


testForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const { ok, answer } = await postJson('/api/inspections', {
    plate: vehicle.plate, plateColour: vehicle.colour, station: testForm.station.value, method: testForm.method.value,
    values: {
      smokeK: optional(testForm, 'smokeK'), noxPpm: optional(testForm, 'noxPpm'), ringelmannLevel: optional(testForm, 'ringelmannLevel'),
      obdCommunicationOk: triState(testForm.obdCommunicationOk), obdMilOn: triState(testForm.obdMilOn),
      obdFaultCodes: optional(testForm, 'obdFaultCodes'), obdReadiness: triState(testForm.obdReadiness),
    },
    testedAt: new Date().toISOString(),
  });
  showFieldErrors('t', ['station', 'method', 'smokeK', 'noxPpm', 'ringelmannLevel', 'obdCommunicationOk', 'obdMilOn', 'obdFaultCodes', 'obdReadiness'], answer,
    { fallback: 'station' });
  if (ok) {
    const parts = [t(answer.passed ? 'testPassed' : 'testFailed'), ...answer.failures];
    if (answer.delistedCases.length) parts.push(t('delisted'));
    for (const refusal of answer.retestRefused) parts.push(refusal.reason);
    result.textContent = parts.join('；');
    result.className = answer.passed ? 'ok-notice' : 'notice';
    result.dataset.passed = String(answer.passed);
    await show();
  }
});

async function start() {
  fillTriState(testForm);
  user = await currentUser();
  showUser(user);
  repairForm.hidden = user.role !== 'repair-station';
  testForm.hidden = user.role !== 'inspection-station';
  repairForm.station.value = user.displayName;
  testForm.station.value = user.displayName;
}

wireLanguageToggle(() => { fillTriState(testForm); if (vehicle) show(); });
wireSignOut();
start();
