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
