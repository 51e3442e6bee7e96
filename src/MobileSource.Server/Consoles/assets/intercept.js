import { t } from './i18n.js';

// The interception form: what the officer measured at the roadside and decided. The server judges pass or fail and
// answers field by field; each message goes next to its field.
const dialog = document.getElementById('intercept');
const form = document.getElementById('intercept-form');
const fields = ['checkpoint', 'smokeK', 'obdCommunicationOk', 'obdMilOn', 'obdFaultCodes', 'obdReadiness', 'decision', 'fineYuan', 'note'];
let current = null;

function fillChoices() {
  for (const select of form.querySelectorAll('select.tri')) {
    const value = select.value;
    select.replaceChildren(...[['', 'unknown'], ['true', 'yes'], ['false', 'no']].map(([v, key]) => new Option(t(key), v)));
    select.value = value;
  }
}

function clearErrors() {
  for (const field of fields) {
    document.getElementById(`f-${field}-error`).textContent = '';
  }
}

const number = (name) => (form[name].value === '' ? null : Number(form[name].value));
const choice = (name) => (form[name].value === '' ? null : form[name].value === 'true');

export function openInterception(alert, onRecorded) {
  current = { alert, onRecorded };
  form.reset();
  fillChoices();
  clearErrors();
  form.checkpoint.value = alert.where ?? '';
  document.getElementById('intercept-plate').textContent = alert.plate;
  dialog.showModal();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  const { alert, onRecorded } = current;
  const body = {
    plate: alert.plateNumber, plateColour: alert.plateColour, alertId: alert.id, checkpoint: form.checkpoint.value,
    smokeK: number('smokeK'), obdCommunicationOk: choice('obdCommunicationOk'), obdMilOn: choice('obdMilOn'),
    obdFaultCodes: number('obdFaultCodes'), obdReadiness: choice('obdReadiness'),
    decision: form.querySelector('input[name=decision]:checked')?.value ?? null, fineYuan: number('fineYuan'),
    note: form.note.value || null,
  };
  const save = document.getElementById('intercept-save');
  save.disabled = true; // a second click must not record the interception twice
  const response = await fetch('/api/roadside-checks', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  }).finally(() => { save.disabled = false; });
  const answer = await response.json().catch(() => ({}));
  if (response.status === 201) {
    dialog.close();
    onRecorded(answer);
    return;
  }
  for (const [field, messages] of Object.entries(answer.errors ?? { note: [answer.detail ?? response.statusText] })) {
    const target = document.getElementById(`f-${fields.includes(field) ? field : 'note'}-error`);
    target.textContent = messages.join(' ');
  }
});

document.getElementById('intercept-cancel').addEventListener('click', () => dialog.close());

export function retranslateInterception() {
  fillChoices();
}
