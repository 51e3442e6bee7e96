import { fillTriState, postJson, triState } from './forms.js';

// The interception form: what the officer measured at the roadside and decided. The server judges pass or fail and
// answers field by field; each message goes next to its field.
const dialog = document.getElementById('intercept');
const form = document.getElementById('intercept-form');
const fields = ['checkpoint', 'smokeK', 'obdCommunicationOk', 'obdMilOn', 'obdFaultCodes', 'obdReadiness', 'decision', 'fineYuan', 'note'];
let current = null;

function clearErrors() {
  for (const field of fields) {
    document.getElementById(`f-${field}-error`).textContent = '';
  }
}

const number = (name) => (form[name].value === '' ? null : Number(form[name].value));

export function openInterception(alert, onRecorded) {
  current = { alert, onRecorded };
  form.reset();
  fillTriState(form);
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
    smokeK: number('smokeK'), obdCommunicationOk: triState(form.obdCommunicationOk), obdMilOn: triState(form.obdMilOn),
    obdFaultCodes: number('obdFaultCodes'), obdReadiness: triState(form.obdReadiness),
    decision: form.querySelector('input[name=decision]:checked')?.value ?? null, fineYuan: number('fineYuan'),
    note: form.note.value || null,
  };
  const save = document.getElementById('intercept-save');
  save.disabled = true; // a second click must not record the interception twice
  const { ok, status, answer } = await postJson('/api/roadside-checks', body).finally(() => { save.disabled = false; });
  if (ok) {
    dialog.close();
    onRecorded(answer);
    return;
  }
  for (const [field, messages] of Object.entries(answer.errors ?? { note: [answer.detail ?? `HTTP ${status}`] })) {
    const target = document.getElementById(`f-${fields.includes(field) ? field : 'note'}-error`);
    target.textContent = messages.join(' ');
  }
});

document.getElementById('intercept-cancel').addEventListener('click', () => dialog.close());

export function retranslateInterception() {
  fillTriState(form);
}
