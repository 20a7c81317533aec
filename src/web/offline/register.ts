import { SIGNED_IN_HINT_COOKIE } from '../../shared/session-hint';

/** Registers the service worker (production builds only; the dev server has none). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // When the worker first takes over the page, ask once more who is signed in, so the worker keeps that answer
  // and the app still knows its user if the page is reloaded with no network.
  // Nobody signed in (no hint cookie): nothing to keep, and no request that could only answer 401.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!document.cookie.split(';').some((c) => c.trim().startsWith(`${SIGNED_IN_HINT_COOKIE}=`))) return;
    void fetch('/api/v1/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } }).catch(
      () => undefined,
    );
  });
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      /* the app works without it, only not offline */
    });
  });
}
