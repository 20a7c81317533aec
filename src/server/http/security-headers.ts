import type { FastifyInstance } from 'fastify';
import { sendNotFound } from './error-handler.js';

/**
 * The Content-Security-Policy the web app runs under (the HTML shell, and the service worker and other scripts,
 * since a worker takes its policy from its own script's response). Why each directive: docs/security.md.
 */
export const APP_CSP = [
  "default-src 'self'",
  // No inline script anywhere: Vite emits module scripts by src, the service worker is registered from a file.
  "script-src 'self'",
  // react-aria (every pressable) and Observable Plot insert <style> elements whose text changes with their
  // versions; script is what must never run inline, and React never renders markup from user text.
  "style-src 'self' 'unsafe-inline'",
  // data: for the inline SVG favicon; posters, sprites and thumbnails come from /media on this origin.
  "img-src 'self' data:",
  // hls.js plays through Media Source Extensions (a blob: URL on the video) and transmuxes in a blob: worker.
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  // Media is served by this origin also with STORAGE=s3 (the server reads the bucket), so 'self' is enough.
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** For everything that is not the app (JSON, media, errors): nothing may load or run if it is opened as a page. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Browser features the app uses (fullscreen video, picture-in-picture, copying a link) and, off, the powerful
 * ones it does not (camera and microphone too: a video is chosen as a file, never recorded in the page). Only
 * features Chromium knows are listed (it reports unknown ones, e.g. bluetooth, web-share on Linux, as errors).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=(self)',
  'browsing-topics=()',
  'camera=()',
  'clipboard-read=()',
  'clipboard-write=(self)',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=(self)',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** The headers every response carries, whatever answers it (routes, static files, errors, 404s, tus uploads). */
export function baseSecurityHeaders(publicUrl: string): Record<string, string> {
  return {
    'content-security-policy': RESOURCE_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    // Share links carry their secret in the path (/del/<token>): no URL ever leaves the origin as a referrer.
    // (Not no-referrer: browsers then send `Origin: null` on same-origin POSTs.)
    'referrer-policy': 'same-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    'cross-origin-opener-policy': 'same-origin',
    ...(publicUrl.startsWith('https://')
      ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
      : {}),
  };
}

/** Pages and scripts of the web app get the app's policy; everything else keeps the resource policy. */
const APP_TYPE = /^(text\/html|text\/javascript|application\/javascript)\b/i;

/**
 * Sets the security headers on every response. They go onto the raw response at the start of each request, so
 * also answers that bypass Fastify's reply (the tus upload handlers) carry them; the HTML shell and scripts then
 * get the app's CSP. A source map (`*.map`) is never served, whatever a build left in the web folder.
 */
export function installSecurityHeaders(app: FastifyInstance, opts: { publicUrl: string }) {
  const base = Object.entries(baseSecurityHeaders(opts.publicUrl));
  app.addHook('onRequest', async (req, reply) => {
    for (const [name, value] of base) reply.raw.setHeader(name, value);
    if (req.url.split('?')[0].endsWith('.map') && !req.url.startsWith('/api/'))
      return sendNotFound(req, reply);
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (APP_TYPE.test(String(reply.getHeader('content-type') ?? '')))
      reply.header('content-security-policy', APP_CSP);
    return payload;
  });
}
