import { t } from './i18n.js';

// The bureau's tools beside the dashboard: blacklist search with CSV export, and the registry import with upload
// progress and the rejected rows to download.
const search = document.getElementById('search');
const exportLink = document.getElementById('export');

search.addEventListener('submit', async (event) => {
  event.preventDefault();
  const q = search.q.value.trim();
  const query = q ? `?q=${encodeURIComponent(q)}` : '';
  exportLink.href = `/api/blacklist/export.csv${query}`;
  const response = await fetch(`/api/blacklist${query}${query ? '&' : '?'}pageSize=100`);
  const answer = await response.json();
  document.getElementById('q-error').textContent = (answer.errors?.q ?? []).join(' ');
  if (!response.ok) return;
  document.getElementById('found').textContent = t('foundCount', { n: answer.total });
  const rows = answer.entries.map((e) => {
    const tr = document.createElement('tr');
    tr.dataset.plate = e.plate;
    for (const text of [e.plate, t(`reason.${e.reason}`), t(`state.${e.state}`), new Date(e.listedAt).toLocaleDateString(), new Date(e.deadline).toLocaleDateString()]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    return tr;
  });
  document.getElementById('blacklist').replaceChildren(...rows);
});

const importForm = document.getElementById('import');
const progress = document.getElementById('upload');
const status = document.getElementById('imported');
const rejectedLink = document.getElementById('rejected-download');

function csvCell(value) {
  const text = String(value ?? '');
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

importForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const file = importForm.file.files[0];
  document.getElementById('file-error').textContent = file ? '' : t('chooseFile');
  if (!file) return;
  rejectedLink.hidden = true;
  progress.hidden = false;
  progress.value = 0;
  // XMLHttpRequest, not fetch: it reports upload progress, which a registry of a few hundred MB needs.
  const request = new XMLHttpRequest();
  request.open('POST', '/api/registry/import');
  request.setRequestHeader('Content-Type', 'text/csv; charset=utf-8');
  request.upload.onprogress = (e) => {
    if (!e.lengthComputable) return;
    progress.value = (100 * e.loaded) / e.total;
    status.textContent = e.loaded < e.total ? t('uploading', { percent: Math.floor(progress.value) }) : t('importing');
  };
  request.onload = () => {
    progress.hidden = true;
    const answer = JSON.parse(request.responseText || '{}');
    if (request.status !== 200) {
      document.getElementById('file-error').textContent = Object.values(answer.errors ?? {}).flat().join(' ') || answer.detail || request.statusText;
      status.textContent = '';
      return;
    }
    status.textContent = t('importedSummary', {
      read: answer.rowsRead, inserted: answer.inserted, updated: answer.updated, unchanged: answer.unchanged, rejected: answer.rejectedCount,
    });
    importForm.dataset.done = 'true';
    if (answer.rejected.length) {
      const csv = ['line,field,reason', ...answer.rejected.map((r) => [r.line, r.field, r.reason].map(csvCell).join(','))].join('\n');
      rejectedLink.href = URL.createObjectURL(new Blob(['\uFEFF' + csv], { type: 'text/csv' }));
      rejectedLink.download = 'rejected-rows.csv';
      rejectedLink.hidden = false;
    }
  };
  request.onerror = () => { progress.hidden = true; status.textContent = t('networkError'); };
  request.send(file);
});
