import { placeLabel, t, wireLanguageToggle } from './i18n.js';
import { currentUser, showUser, wireSignOut } from './session.js';
import { postJson, showFieldErrors } from './forms.js';

// The administrator's page: people's accounts (create, see lockouts, unlock), API keys for devices and station
// software (issue, shown once; revoke), and the audit trail of who did what, when and from where.
const people = ['admin', 'operator', 'police', 'inspection-station', 'repair-station', 'bureau-analyst'];
const keyRoles = [...people, 'device'];

function row(values, extra) {
  const tr = document.createElement('tr');
  for (const value of values) {
    const td = document.createElement('td');
    td.textContent = value ?? '';
    tr.append(td);
  }
  if (extra) {
    const td = document.createElement('td');
    td.append(extra);
    tr.append(td);
  }
  return tr;
}

function action(key, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'act';
  b.dataset.action = key;
  b.textContent = t(key);
  b.addEventListener('click', onClick);
  return b;
}

function fillRoles(select, roles) {
  const value = select.value;
  select.replaceChildren(...roles.map((r) => new Option(t(`role.${r}`) === `role.${r}` ? r : t(`role.${r}`), r)));
  if (value) select.value = value;
}

async function loadAccounts() {
  const accounts = await (await fetch('/api/accounts')).json();
  document.getElementById('accounts').replaceChildren(...accounts.map((a) => {
    const locked = a.lockedUntil && new Date(a.lockedUntil) > new Date();
    const places = a.role === 'police' ? (a.checkpoints.length ? a.checkpoints.map(placeLabel).join('；') : t('allPlaces')) : '';
    const tr = row([a.userName, a.displayName, t(`role.${a.role}`), places, locked ? new Date(a.lockedUntil).toLocaleString() : '']);
    const actions = document.createElement('td');
    if (locked) actions.append(action('unlock', async () => { await fetch(`/api/accounts/${encodeURIComponent(a.userName)}/unlock`, { method: 'POST' }); await refresh(); }));
    if (a.role === 'police') actions.append(action('setCheckpoints', () => editCheckpoints(a)));
    tr.append(actions);
    tr.dataset.user = a.userName;
    tr.dataset.locked = String(Boolean(locked));
    return tr;
  }));
}

// An officer's checkpoints: ticked from the places the system knows (sites, cameras, places alerts named), or typed.
const checkpointDialog = document.getElementById('checkpoint-dialog');
let checkpointAccount = null;

async function editCheckpoints(account) {
  checkpointAccount = account;
  const known = await (await fetch('/api/accounts/places')).json();
  const places = [...new Set([...known, ...account.checkpoints])];
  document.getElementById('checkpoint-title').textContent = t('checkpointsOf', { name: `${account.displayName} (${account.userName})` });
  document.getElementById('checkpoint-places').replaceChildren(...places.map((place) => {
    const label = document.createElement('label');
    label.className = 'inline';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = place;
    box.checked = account.checkpoints.includes(place);
    label.append(box, document.createTextNode(` ${placeLabel(place)}`));
    return label;
  }));
  document.getElementById('cp-other').value = '';
  document.getElementById('cp-places-error').textContent = '';
  checkpointDialog.showModal();
}

document.getElementById('checkpoint-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const places = [...document.querySelectorAll('#checkpoint-places input:checked')].map((box) => box.value);
  const other = document.getElementById('cp-other').value.trim();
  if (other) places.push(other);
  const response = await fetch(`/api/accounts/${encodeURIComponent(checkpointAccount.userName)}/checkpoints`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ places }),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    document.getElementById('cp-places-error').textContent = Object.values(answer.errors ?? {}).flat().join(' ') || answer.detail || response.statusText;
    return;
  }
  checkpointDialog.close();
  await refresh();
});
document.getElementById('cp-cancel').addEventListener('click', () => checkpointDialog.close());

async function loadKeys() {
  const keys = await (await fetch('/api/keys')).json();
  document.getElementById('keys').replaceChildren(...keys.map((k) => {
    const tr = row([`${k.name} (${k.prefix}…)`, k.role, new Date(k.createdAt).toLocaleString()],
      k.revokedAt ? document.createTextNode(t('revoked')) : action('revoke', async () => { await fetch(`/api/keys/${k.id}`, { method: 'DELETE' }); await refresh(); }));
    tr.dataset.key = k.name;
    return tr;
  }));
}

async function loadAudit() {
  const entries = await (await fetch('/api/audit?limit=50')).json();
  document.getElementById('audit').replaceChildren(...entries.map((e) =>
    row([new Date(e.at).toLocaleString(), e.actor, e.action, e.subject, e.detail, e.from])));
}

async function refresh() {
  await Promise.all([loadAccounts(), loadKeys(), loadAudit()]);
}

document.getElementById('account').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const { ok, answer } = await postJson('/api/accounts', {
    userName: form.userName.value.trim(), displayName: form.displayName.value.trim(), role: form.role.value, password: form.password.value,
  });
  showFieldErrors('a', ['userName', 'displayName', 'role', 'password'], answer);
  document.getElementById('account-result').textContent = ok ? `${t('created')}: ${answer.userName}` : '';
  if (ok) {
    form.reset();
    await refresh();
  }
});

document.getElementById('key').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const { ok, answer } = await postJson('/api/keys', { name: form.name.value.trim(), role: form.role.value });
  showFieldErrors('k', ['name', 'role'], answer);
  document.getElementById('key-result').textContent = ok ? t('keyShownOnce', { key: answer.key }) : '';
  if (ok) {
    form.reset();
    await refresh();
  }
});

async function start() {
  showUser(await currentUser());
  fillRoles(document.getElementById('a-role'), people);
  fillRoles(document.getElementById('k-role'), keyRoles);
  await refresh();
}

wireLanguageToggle(() => {
  fillRoles(document.getElementById('a-role'), people);
  fillRoles(document.getElementById('k-role'), keyRoles);
  refresh();
});
wireSignOut();
start();
