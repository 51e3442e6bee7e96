import { t, wireLanguageToggle } from './i18n.js';
import { currentUser, showUser, wireSignOut } from './session.js';
import { showFieldErrors } from './forms.js';

// The operator's cameras: state with its reason, measured fps, frames, dropped frames, restarts and the last error;
// start and stop; and a live view of the last analysed frame with what the analyzer saw drawn over it.
const body = document.getElementById('cameras');
const canvas = document.getElementById('live-canvas');
let statuses = [];
let watching = null;

function cell(text, key) {
  const td = document.createElement('td');
  if (key) td.dataset.i18n = key;
  td.textContent = key ? t(key) : text ?? '';
  return td;
}

function button(key, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'act';
  b.dataset.i18n = key;
  b.textContent = t(key);
  b.addEventListener('click', onClick);
  return b;
}

function render() {
  body.replaceChildren(...statuses.map((c) => {
    const tr = document.createElement('tr');
    tr.dataset.camera = c.id;
    tr.dataset.state = c.state;
    const state = cell('', `state.${c.state}`);
    if (c.reason) state.title = c.reason;
    const actions = document.createElement('td');
    actions.append(
      c.state === 'Stopped' || c.state === 'Failed' ? button('start', () => control(c.id, 'start')) : button('stop', () => control(c.id, 'stop')),
      button('liveView', () => watch(c.id)), button('editCamera', () => openEditor(c.id)));
    tr.append(cell(c.id), cell(c.site), state, cell(c.fps.toFixed(1)), cell(c.framesReceived), cell(c.droppedFrames), cell(c.restarts),
      cell(c.lastError ?? ''), actions);
    return tr;
  }));
}

async function refresh() {
  const response = await fetch('/api/cameras');
  if (response.ok) {
    statuses = await response.json();
    render();
  }
}

async function control(id, action) {
  await fetch(`/api/cameras/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
  await refresh();
}

function watch(id) {
  watching = id;
  document.getElementById('live').hidden = false;
  document.getElementById('live-camera').textContent = id;
}

function box(context, b, colour, label) {
  context.strokeStyle = colour;
  context.lineWidth = Math.max(2, canvas.width / 400);
  context.strokeRect(b.x, b.y, b.width, b.height);
  if (!label) return;
  context.font = `${Math.max(12, canvas.width / 60)}px sans-serif`;
  const width = context.measureText(label).width + 8;
  context.fillStyle = colour;
  context.fillRect(b.x, b.y - 20, width, 20);
  context.fillStyle = '#fff';
  context.fillText(label, b.x + 4, b.y - 5);
}

let drawing = false; // one live-view request at a time, however slow the server

async function drawLive() {
  if (!watching || drawing) return;
  drawing = true;
  try {
    await drawLiveOnce();
  } finally {
    drawing = false;
  }
}

async function drawLiveOnce() {
  const response = await fetch(`/api/cameras/${encodeURIComponent(watching)}/live`);
  document.getElementById('live-waiting').hidden = response.ok;
  if (!response.ok) return;
  const view = await response.json();
  const picture = new Image();
  picture.src = view.image;
  await picture.decode();
  canvas.width = view.width;
  canvas.height = view.height;
  const context = canvas.getContext('2d');
  context.drawImage(picture, 0, 0);
  for (const track of view.tracks) {
    box(context, track.box, '#1565c0', `#${track.trackId} ${track.plate ?? ''}`.trim());
    if (track.smokeBox) box(context, track.smokeBox, '#c62828', `${t('smokeScore')} ${(track.smokeScore ?? 0).toFixed(2)}`);
  }
  canvas.dataset.frame = view.frameIndex;
  document.getElementById('live-tracks').replaceChildren(...view.tracks.map((track) => {
    const li = document.createElement('li');
    li.textContent = `#${track.trackId} ${track.class} ${track.plate ?? '—'}${track.smokeBox ? ` · ${t('smokeScore')} ${(track.smokeScore ?? 0).toFixed(2)}` : ''}`;
    return li;
  }));
}

// Adding and editing a camera: one form; the server validates and names the field of each problem.
const dialog = document.getElementById('camera-dialog');
const fields = ['id', 'source', 'site', 'lane', 'travelDirection', 'detectWidth', 'detectHeight', 'detectFps', 'ioTimeoutSeconds'];
const input = (field) => document.getElementById(`cf-${field}`);
let editing = null; // the settings being edited (with their version), or null when adding

// A problem that names no field (a conflict, a refusal) is said at the foot of the form.
const showErrors = (answer) => showFieldErrors('cf', fields,
  !answer?.errors && answer?.detail ? { errors: { form: [answer.detail] } } : answer, { fallback: 'form', mark: true });

function fill(camera) {
  input('id').value = camera?.id ?? '';
  input('id').readOnly = !!camera; // an id names the camera's captures and recordings: it does not change
  input('source').value = camera?.source ?? '';
  input('site').value = camera?.site ?? '';
  input('lane').value = camera?.lane ?? '';
  input('travelDirection').value = camera?.travelDirection ?? 'Away';
  input('detectWidth').value = camera?.detectWidth ?? 1280;
  input('detectHeight').value = camera?.detectHeight ?? 720;
  input('detectFps').value = camera?.detectFps ?? 10;
  input('ioTimeoutSeconds').value = camera?.ioTimeoutSeconds ?? 5;
  document.getElementById('cf-enabled').checked = camera?.enabled ?? true;
  document.getElementById('cf-record').checked = camera?.record ?? true;
  document.getElementById('cf-remove').hidden = !camera;
  document.getElementById('camera-form-title').textContent = camera ? `${t('editCamera')} ${camera.id}` : t('addCamera');
  showErrors(null);
}

function openAdder() {
  editing = null;
  fill(null);
  dialog.showModal();
}

async function openEditor(id) {
  const response = await fetch(`/api/cameras/${encodeURIComponent(id)}/settings`);
  if (!response.ok) return;
  editing = await response.json();
  fill(editing);
  dialog.showModal();
}

const numberOrNull = (field) => (input(field).value.trim() === '' ? null : Number(input(field).value));

async function save(event) {
  event.preventDefault();
  const body = {
    id: input('id').value, source: input('source').value, site: input('site').value, lane: input('lane').value,
    travelDirection: input('travelDirection').value, detectWidth: numberOrNull('detectWidth'), detectHeight: numberOrNull('detectHeight'),
    detectFps: numberOrNull('detectFps'), ioTimeoutSeconds: numberOrNull('ioTimeoutSeconds'), enabled: document.getElementById('cf-enabled').checked,
    record: document.getElementById('cf-record').checked, version: editing?.version ?? null,
  };
  const response = await fetch(editing ? `/api/cameras/${encodeURIComponent(editing.id)}` : '/api/cameras', {
    method: editing ? 'PUT' : 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (response.ok) {
    dialog.close();
    await refresh();
    return;
  }
  if (response.status === 409 && answer.current) {
    // Someone changed the camera since this form was opened: show their settings, with the version to change them from.
    editing = answer.current;
    fill(editing);
  }
  showErrors(answer);
}

async function remove() {
  if (!editing || !confirm(t('removeCameraConfirm', { id: editing.id }))) return;
  const response = await fetch(`/api/cameras/${encodeURIComponent(editing.id)}`, { method: 'DELETE' });
  if (response.ok) {
    if (watching === editing.id) { watching = null; document.getElementById('live').hidden = true; }
    dialog.close();
    await refresh();
  } else {
    showErrors(await response.json().catch(() => ({ detail: response.statusText })));
  }
}

document.getElementById('add-camera').addEventListener('click', openAdder);
document.getElementById('camera-form').addEventListener('submit', save);
document.getElementById('cf-cancel').addEventListener('click', () => dialog.close());
document.getElementById('cf-remove').addEventListener('click', remove);

async function start() {
  showUser(await currentUser());
  await refresh();
  setInterval(refresh, 2000);
  setInterval(drawLive, 500);
}

wireLanguageToggle(render);
wireSignOut();
start();
