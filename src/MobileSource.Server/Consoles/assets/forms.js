import { t } from './i18n.js';

// What the consoles' forms share.

/** Fills each `select.tri` under root with "not checked / yes / no" in the page's language, keeping its value. */
export function fillTriState(root) {
  for (const select of root.querySelectorAll('select.tri')) {
    const value = select.value;
    select.replaceChildren(...[['', 'unknown'], ['true', 'yes'], ['false', 'no']].map(([v, key]) => new Option(t(key), v)));
    select.value = value;
  }
}

/** A tri-state select's value: null when not checked. */
export const triState = (select) => (select.value === '' ? null : select.value === 'true');

/** POSTs JSON; ok is a 201 Created; answer is the parsed body (a problem's errors on a 400). */
export async function postJson(url, body) {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { ok: response.status === 201, status: response.status, answer: await response.json().catch(() => ({})) };
}

/**
 * Puts a problem's messages next to their fields, in the elements `${prefix}-${field}-error` (a field "values.smokeK" is
 * smokeK); every listed field, and the fallback, is cleared first. A message for a field the form does not list goes to
 * `fallback`, or is dropped without one. With `mark`, the inputs `${prefix}-${field}` in error get aria-invalid.
 * Call it with no answer to clear the form's messages.
 */
export function showFieldErrors(prefix, fields, answer, { fallback = null, mark = false } = {}) {
  const slot = (field) => document.getElementById(`${prefix}-${field}-error`);
  const input = (field) => document.getElementById(`${prefix}-${field}`);
  for (const field of fallback && !fields.includes(fallback) ? [...fields, fallback] : fields) {
    if (slot(field)) slot(field).textContent = '';
    if (mark) input(field)?.removeAttribute('aria-invalid');
  }
  for (const [name, messages] of Object.entries(answer?.errors ?? {})) {
    const field = name.startsWith('values.') ? name.slice('values.'.length) : name;
    const known = fields.includes(field);
    if (!known && !fallback) continue;
    slot(known ? field : fallback).textContent = messages.join(' ');
    if (mark && known) input(field)?.setAttribute('aria-invalid', 'true');
  }
}
