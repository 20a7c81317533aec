import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';

/**
 * The service worker (built by vite-plugin-pwa, injectManifest): it precaches the built app shell and assets, so
 * an observation page opened once works with no network (O2). Deliberately small:
 * - navigations to /observation/* go to the network first and fall back to the precached app shell; other pages
 *   of the app start from the precached shell (no round trip for the HTML on a later visit);
 * - GET /api/v1/me (who is signed in) is kept, network first, so the app still knows its user offline; it is
 *   dropped when the server says nobody is signed in and when the person signs out;
 * - no other API answer is cached here: visits and answers live in IndexedDB (src/web/offline/db.ts).
 */

type WorkerScope = {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: string, listener: (event: WorkerEvent) => void): void;
};
type WorkerEvent = Event & { request: Request; waitUntil(p: Promise<unknown>): void };

declare const self: WorkerScope;

const ME_CACHE = 'amongi-me';
const ME_PATH = '/api/v1/me';
const SHELL = '/index.html';

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

self.addEventListener('install', () => {
  void self.skipWaiting();
});
self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

async function withTimeout(request: Request, ms: number): Promise<Response> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  try {
    return await fetch(request, { signal: abort.signal });
  } finally {
    clearTimeout(timer);
  }
}

registerRoute(
  ({ request, url }) => request.mode === 'navigate' && /^\/observation(\/|$)/.test(url.pathname),
  async ({ request }) => {
    try {
      return await withTimeout(request, 4000);
    } catch {
      const shell = await matchPrecache(SHELL);
      if (shell) return shell;
      throw new Error('offline and no app shell');
    }
  },
);

// Every other page of the app (a later visit to /videoer, say) starts from the precached shell, without a round trip
// for the HTML: it is the same file the server sends for every client-side route, and its scripts are precached
// too. API calls, media, downloads (a path with an extension) and the observation pages above still go out.
registerRoute(
  ({ request, url }) =>
    request.mode === 'navigate' &&
    !/^\/(api|media|observation)(\/|$)/.test(url.pathname) &&
    !/\.[a-z0-9]+$/i.test(url.pathname),
  async ({ request }) => (await matchPrecache(SHELL)) ?? fetch(request),
);

registerRoute(
  ({ request, url }) => request.method === 'GET' && url.pathname === ME_PATH,
  async ({ request }) => {
    const cache = await caches.open(ME_CACHE);
    try {
      const res = await withTimeout(request, 5000);
      if (res.ok) await cache.put(ME_PATH, res.clone());
      else if (res.status === 401) await cache.delete(ME_PATH);
      return res;
    } catch (err) {
      const hit = await cache.match(ME_PATH, { ignoreVary: true });
      if (hit) return hit;
      throw err;
    }
  },
);

// Signing out forgets who was signed in (the request itself goes to the network as usual).
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method === 'POST' && url.pathname === '/api/v1/auth/logout')
    event.waitUntil(caches.delete(ME_CACHE));
});
