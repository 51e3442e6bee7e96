import { fillTriState, postJson, showFieldErrors, triState } from './forms.js';

// The interception form: what the officer measured at the roadside and decided. The server judges pass or fail and
// answers field by field; each message goes next to its field.
const dialog = document.getElementById('intercept');
const form = document.getElementById('intercept-form');
const fields = ['checkpoint', 'smokeK', 'obdCommunicationOk', 'obdMilOn', 'obdFaultCodes', 'obdReadiness', 'decision', 'fineYuan', 'note'];
let current = null;

const clearErrors = () => showFieldErrors('f', fields, null);

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
  // A problem that names no field (a conflict, a refusal) is said under the note.
  showFieldErrors('f', fields, answer.errors ? answer : { errors: { note: [answer.detail ?? `HTTP ${status}`] } }, { fallback: 'note' });
});

document.getElementById('intercept-cancel').addEventListener('click', () => dialog.close());

export function retranslateInterception() {
  fillTriState(form);
}
