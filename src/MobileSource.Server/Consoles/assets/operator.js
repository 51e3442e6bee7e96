import { t, wireLanguageToggle } from './i18n.js';
import { currentUser, showUser, wireSignOut } from './session.js';
import { showFieldErrors } from './forms.js';

// The review queue of black-smoke captures: the clip, the key frames, the Ringelmann level against its limit and the
// plate read; the operator confirms (correcting the plate with a reason when it was misread) or rejects with a
// reason. A confirmed capture becomes a violation in the core.
const queue = document.getElementById('queue');
const form = document.getElementById('review');
const result = document.getElementById('c-result');
let current = null; // the capture shown: { id, revision, plate, plateColour }

const fields = ['plate', 'plateColour', 'reason'];
const clearErrors = () => showFieldErrors('c', fields, null);

async function loadQueue() {
  const page = await (await fetch('/api/captures?state=pending&pageSize=100')).json();
  const items = page.items.map((c) => {
    const li = document.createElement('li');
    li.dataset.captureId = c.id;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `${new Date(c.capturedAt).toLocaleString()} · ${c.cameraId} · ${c.plate ?? '—'} · ${t('ringelmann')} ${c.ringelmannLevel}`;
    button.addEventListener('click', () => open(c.id));
    li.append(button);
    return li;
  });
  queue.replaceChildren(...items);
  document.getElementById('queue-empty').hidden = items.length > 0;
}

async function open(id) {
  const view = await (await fetch(`/api/captures/${id}`)).json();
  const c = view.capture;
  current = { id: c.id, revision: c.revision, plate: c.plate ?? '', plateColour: c.plateColour ?? 'yellow' };
  document.getElementById('capture').hidden = false;
  document.getElementById('capture').dataset.captureId = c.id;
  const badge = document.getElementById('c-plate');
  badge.textContent = c.plate ?? '—';
  badge.className = `plate ${c.plateColour ?? 'white'}`;
  document.getElementById('c-level').textContent = `${t('ringelmann')} ${c.ringelmannLevel} (${t('limit')} ${c.ringelmannLimit})`;
  document.getElementById('c-where').textContent = `${new Date(c.capturedAt).toLocaleString()} · ${c.site} · ${t('camera')} ${c.cameraId}`;
  const clip = view.files.find((f) => f.kind === 'clip' && f.url);
  const video = document.getElementById('c-clip');
  video.hidden = !clip;
  if (clip) video.src = clip.url;
  const frames = view.files.filter((f) => f.kind !== 'clip' && f.url && f.contentType.startsWith('image/')).map((f) => {
    const figure = document.createElement('figure');
    const img = document.createElement('img');
    img.src = f.url;
    img.alt = t(`kind.${f.kind}`);
    const caption = document.createElement('figcaption');
    caption.textContent = t(`kind.${f.kind}`);
    figure.append(img, caption);
    return figure;
  });
  document.getElementById('c-frames').replaceChildren(...frames);
  form.plate.value = c.plate ?? '';
  form.plateColour.value = current.plateColour;
  form.reason.value = '';
  result.textContent = '';
  clearErrors();
}

async function decide(action, body) {
  clearErrors();
  const response = await fetch(`/api/captures/${current.id}/${action}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...body, revision: current.revision }),
  });
  const answer = await response.json().catch(() => ({}));
  if (response.ok) {
    result.className = 'ok-notice';
    result.textContent = t(action === 'confirm' ? 'confirmed' : 'rejected');
    document.getElementById('capture').dataset.state = action === 'confirm' ? 'confirmed' : 'rejected';
    if (answer.capture?.plate) document.getElementById('c-plate').textContent = answer.capture.plate;
    await loadQueue();
  } else if (response.status === 409) {
    result.className = 'notice';
    result.textContent = t('conflict');
  } else {
    showFieldErrors('c', fields, answer, { fallback: 'reason' });
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const changed = form.plate.value.trim() !== current.plate || form.plateColour.value !== current.plateColour;
  decide('confirm', changed
    ? { plate: form.plate.value.trim(), plateColour: form.plateColour.value, reason: form.reason.value || null }
    : {});
});

document.getElementById('c-reject').addEventListener('click', () => {
  if (!form.reason.value.trim()) {
    document.getElementById('c-reason-error').textContent = t('required');
    return;
  }
  decide('reject', { reason: form.reason.value.trim() });
});

async function start() {
  showUser(await currentUser());
  await loadQueue();
}

wireLanguageToggle(loadQueue);
wireSignOut();
start();
