import { placeLabel, t, wireLanguageToggle } from './i18n.js';
import { currentUser, showUser, wireSignOut } from './session.js';
import { openInterception, retranslateInterception } from './intercept.js';

// The live board: the newest flagged vehicles first, new ones pushed by the server (server-sent events) with a
// banner and a tone, so an officer at the roadside notices without watching the screen.
const hits = document.getElementById('hits');
const banner = document.getElementById('banner');
const live = document.getElementById('live');
const shown = new Set();
const rows = new Map(); // plate|colour -> { tr, count, lastAt }
// The officer's checkpoints: places ticked are kept in this browser; none ticked shows every place.
const places = new Set();
const chosen = new Set(JSON.parse(localStorage.getItem('checkpoints') ?? '[]'));
const mine = (where) => chosen.size === 0 || chosen.has(where ?? '');

function applyFilter() {
  let shownRows = 0;
  for (const { tr } of rows.values()) {
    tr.hidden = !mine(tr.dataset.where);
    if (!tr.hidden) shownRows++;
  }
  // Never a silently empty board: say so when the filter hides everything.
  document.getElementById('empty').hidden = shownRows > 0;
  document.getElementById('places').dataset.active = String(chosen.size > 0);
}

function notePlace(where) {
  const place = where ?? '';
  if (!place || places.has(place)) return;
  places.add(place);
  const label = document.createElement('label');
  label.className = 'inline';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.value = place;
  box.checked = chosen.has(place);
  box.addEventListener('change', () => {
    if (box.checked) chosen.add(place); else chosen.delete(place);
    localStorage.setItem('checkpoints', JSON.stringify([...chosen]));
    applyFilter();
  });
  const name = document.createElement('span');
  name.dataset.place = place;
  name.textContent = ` ${placeLabel(place)}`;
  label.append(box, name);
  document.getElementById('place-list').append(label);
}
let foldWindowMs = 30 * 60 * 1000;
const plateClasses = new Set(['yellow', 'blue', 'green', 'white', 'black']);
let audio;

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  return td;
}

// Where a vehicle was seen, in the page's language (relabelled when the language changes).
function placeCell(where) {
  const td = cell(placeLabel(where));
  td.dataset.place = where ?? '';
  return td;
}

function relabelPlaces() {
  for (const element of document.querySelectorAll('[data-place]')) {
    const label = placeLabel(element.dataset.place);
    element.textContent = element.tagName === 'SPAN' ? ` ${label}` : label;
  }
}

// A cell in the page's language that follows the language toggle.
function wordCell(key) {
  const td = cell(t(key));
  td.dataset.i18n = key;
  return td;
}

function row(alert, fresh) {
  const tr = document.createElement('tr');
  tr.dataset.alertId = alert.id;
  tr.dataset.plate = alert.plateNumber;
  tr.dataset.shownAt = String(Date.now());
  tr.dataset.hits = '1';
  tr.dataset.where = alert.where ?? '';
  const plate = document.createElement('td');
  const badge = document.createElement('span');
  badge.className = `plate ${plateClasses.has(alert.plateColour) ? alert.plateColour : 'white'}`;
  badge.textContent = alert.plate;
  const count = document.createElement('span');
  count.className = 'count';
  plate.append(badge, count);
  const action = document.createElement('td');
  const button = document.createElement('button');
  button.className = 'act';
  button.dataset.i18n = 'intercept';
  button.textContent = t('intercept');
  button.addEventListener('click', () => openInterception(alert, (result) => { showOutcome(action, result); loadQuota(); }));
  action.append(button, evidenceButton(alert, tr));
  tr.append(plate, wordCell(`colour.${alert.plateColour}`), wordCell(`kind.${alert.kind}`), wordCell(`reason.${alert.reason}`),
    placeCell(alert.where), cell(new Date(alert.occurredAt).toLocaleString()), action);
  if (fresh) tr.classList.add('fresh');
  return tr;
}

// The pictures behind a hit (black-smoke captures): shown in a row under it on demand.
function evidenceButton(alert, tr) {
  const button = document.createElement('button');
  button.className = 'act';
  button.dataset.i18n = 'evidence';
  button.textContent = t('evidence');
  button.addEventListener('click', async () => {
    if (tr.nextElementSibling?.classList.contains('evidence-row')) {
      tr.nextElementSibling.remove();
      return;
    }
    const items = await (await fetch(`/api/alerts/${alert.id}/evidence`)).json();
    const cellElement = document.createElement('td');
    cellElement.colSpan = 7;
    if (!items.length) cellElement.textContent = t('noEvidence');
    for (const item of items) {
      const media = document.createElement(item.contentType.startsWith('video/') ? 'video' : 'img');
      media.src = item.url;
      if (media.tagName === 'VIDEO') { media.controls = true; media.muted = true; } else { media.alt = t(`kind.${item.kind}`); }
      media.className = 'evidence-media';
      cellElement.append(media);
    }
    const evidenceRow = document.createElement('tr');
    evidenceRow.className = 'evidence-row';
    evidenceRow.append(cellElement);
    tr.after(evidenceRow);
  });
  return button;
}

// After an interception the row says what happened: the server's judgement and the officer's decision.
function showOutcome(td, result) {
  const judged = document.createElement('span');
  judged.className = result.passed ? '' : 'outcome-failed';
  judged.dataset.i18n = result.passed ? 'outcome.passed' : 'outcome.failed';
  judged.textContent = t(judged.dataset.i18n);
  const decided = document.createElement('span');
  decided.dataset.i18n = `outcome.${result.decision}`;
  decided.textContent = t(decided.dataset.i18n);
  const fine = result.decision === 'Penalty' && result.fineYuan ? ` ${result.fineYuan} ${t('yuan')}` : '';
  td.replaceChildren(judged, document.createTextNode(' · '), decided, document.createTextNode(fine));
  td.closest('tr').dataset.outcome = `${result.passed ? 'passed' : 'failed'}:${result.decision}`;
}

// One row per vehicle: a further hit within the fold window joins its row (count, latest place and time) without
// a banner or a tone; after the window it alerts again.
// The day's roadside quota: checks against the heavy vehicles the remote-sensing sites saw today.
let quota = null;
async function loadQuota() {
  quota = await (await fetch('/api/roadside-checks/today')).json();
  renderQuota();
}

function renderQuota() {
  if (!quota) return;
  const share = quota.share === null ? '—' : `${(quota.share * 100).toFixed(1)} %`;
  const line = document.getElementById('quota');
  line.textContent = t(quota.places?.length ? 'quotaAtPlaces' : 'quota', { checks: quota.roadsideChecks, seen: quota.heavyVehiclesSeen, share });
  line.className = `quota ${(quota.share ?? 0) >= quota.target ? 'met' : 'below'}`;
}

function show(alert, fresh) {
  if (shown.has(alert.id)) return;
  shown.add(alert.id);
  notePlace(alert.where);
  const key = `${alert.plateNumber}|${alert.plateColour}`;
  const existing = rows.get(key);
  const at = Date.parse(alert.createdAt);
  if (existing) {
    const folded = at - existing.lastAt < foldWindowMs;
    existing.count += 1;
    existing.lastAt = at;
    existing.tr.querySelector('.count').textContent = `×${existing.count}`;
    existing.tr.cells[4].replaceWith(placeCell(alert.where));
    existing.tr.dataset.where = alert.where ?? '';
    existing.tr.hidden = !mine(alert.where);
    existing.tr.cells[5].textContent = new Date(alert.occurredAt).toLocaleString();
    existing.tr.dataset.hits = String(existing.count);
    if (existing.tr.nextElementSibling?.classList.contains('evidence-row')) existing.tr.nextElementSibling.remove();
    hits.prepend(existing.tr);
    if (fresh) {
      existing.tr.classList.remove('fresh');
      void existing.tr.offsetWidth; // restart the highlight
      existing.tr.classList.add('fresh');
      if (!folded && mine(alert.where)) announce(alert);
    }
    return;
  }
  const tr = row(alert, fresh);
  tr.hidden = !mine(alert.where);
  rows.set(key, { tr, count: 1, lastAt: at });
  hits.prepend(tr);
  document.getElementById('empty').hidden = true;
  if (fresh && mine(alert.where)) announce(alert);
  applyFilter();
}

function announce(alert) {
  banner.textContent = `${t('newHit')}: ${alert.plate} — ${t(`reason.${alert.reason}`)}`;
  banner.classList.add('show');
  setTimeout(() => banner.classList.remove('show'), 8000);
  beep();
}

function beep() {
  try {
    audio ??= new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.25);
  } catch {
    // no sound device: the banner and the highlighted row still show the hit
  }
}

// The places an administrator gave this officer: the server sends only hits there (and of unknown place).
let assigned = [];
function renderAssigned() {
  document.getElementById('assigned').textContent = assigned.length ? t('assignedCheckpoints', { places: assigned.map(placeLabel).join('；') }) : t('cityWide');
}

async function start() {
  const me = await currentUser();
  showUser(me);
  assigned = me.checkpoints ?? [];
  renderAssigned();
  for (const place of assigned) notePlace(place);
  for (const place of chosen) notePlace(place); // a saved checkpoint can be unticked even with no hit there today
  loadQuota();
  foldWindowMs = (await (await fetch('/api/alerts/board-settings')).json()).foldWindowSeconds * 1000;
  const recent = await (await fetch('/api/alerts/recent?limit=100')).json();
  for (const alert of recent) show(alert, false);
  applyFilter();
  // EventSource resumes with Last-Event-ID after a drop, so no hit is missed.
  const events = new EventSource(`/api/alerts/stream?after=${Math.max(0, ...recent.map(a => a.id))}`);
  events.addEventListener('open', () => { live.textContent = t('connected'); });
  events.addEventListener('error', async () => {
    live.textContent = t('reconnecting');
    // The browser gives up on a refused stream (the session ended): sign in again rather than wait forever.
    if (events.readyState === EventSource.CLOSED && !(await fetch('/account/me')).ok) location.assign('/?next=/police');
  });
  events.addEventListener('alert', (event) => show(JSON.parse(event.data), true));
}

wireLanguageToggle(() => { retranslateInterception(); renderQuota(); renderAssigned(); relabelPlaces(); });
wireSignOut();
start();
