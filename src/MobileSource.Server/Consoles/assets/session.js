import { t } from './i18n.js';

// Who is signed in; a console page is only served to a signed-in person of its role, so this normally succeeds.
export async function currentUser() {
  const response = await fetch('/account/me');
  if (!response.ok) {
    location.assign('/');
    throw new Error('not signed in');
  }
  return response.json();
}

export function showUser(user) {
  const who = document.getElementById('who');
  if (who) who.textContent = t('signedInAs', { name: user.userName, role: t(`role.${user.role}`) });
}

export function wireSignOut() {
  document.getElementById('sign-out')?.addEventListener('click', async () => {
    await fetch('/account/sign-out', { method: 'POST' });
    location.assign('/');
  });
}
