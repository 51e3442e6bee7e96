import { t, wireLanguageToggle } from './i18n.js';

const form = document.getElementById('sign-in');
const notice = document.getElementById('notice');
let lastProblem = null;
// Only a page of this site: "/\\evil.example" and the like resolve to another origin and are dropped.
function pageOfOurs(next) {
  if (!next) return null;
  try {
    const url = new URL(next, location.origin);
    return url.origin === location.origin ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

const homes = { police: '/police', 'inspection-station': '/station', 'repair-station': '/station', operator: '/operator', 'bureau-analyst': '/bureau', admin: '/admin' };

function showDenied() {
  const denied = new URLSearchParams(location.search).get('denied');
  notice.textContent = denied ? t('denied', { page: denied }) : '';
}

function fieldError(name, message) {
  document.getElementById(`${name}-error`).textContent = message ?? '';
  document.getElementById(name).setAttribute('aria-invalid', message ? 'true' : 'false');
}

function showProblem() {
  fieldError('userName', null);
  fieldError('password', null);
  if (!lastProblem) return;
  const { field, key, values } = lastProblem;
  fieldError(field, t(key, values));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  notice.textContent = '';
  const userName = form.userName.value.trim();
  const password = form.password.value;
  lastProblem = !userName ? { field: 'userName', key: 'required' } : !password ? { field: 'password', key: 'required' } : null;
  showProblem();
  if (lastProblem) return;
  let response;
  try {
    response = await fetch('/account/sign-in', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userName, password }),
    });
  } catch {
    notice.textContent = t('networkError');
    return;
  }
  if (response.ok) {
    const who = await response.json();
    location.assign(pageOfOurs(new URLSearchParams(location.search).get('next')) ?? homes[who.role] ?? '/home');
    return;
  }
  const problem = await response.json().catch(() => ({}));
  lastProblem = response.status === 423
    ? { field: 'password', key: 'locked', values: { until: new Date(problem.lockedUntil).toLocaleString() } }
    : response.status === 429 ? { field: 'password', key: 'tooManyTries' }
    : response.status === 400 ? { field: problem.errors?.password ? 'password' : 'userName', key: 'invalidInput' }
    : { field: 'password', key: 'wrongPassword' };
  showProblem();
});

wireLanguageToggle(() => { showProblem(); showDenied(); });
showDenied();
