import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { SIGNED_IN_HINT_COOKIE } from '../../shared/session-hint.js';
import { sendNotFound } from './error-handler.js';

/**
 * The built web app; WEB_DIST_DIR (a build-time setting shared with vite.config.ts) lets parallel checkouts build
 * apart. Read when an app is built, not when this module is loaded: test files share loaded modules in a worker
 * (vitest.config.ts, isolate: false), and each may point its app at a build of its own.
 */
const webDistDir = () =>
  process.env.WEB_DIST_DIR
    ? path.resolve(process.env.WEB_DIST_DIR)
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

/** Built files whose names carry their content's hash: they never change, so browsers keep them a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The HTML shell, sw.js and anything else without a hash in its name: asked again on every use (a 304 when same). */
export const REVALIDATE = 'no-cache';
/** API answers (JSON) at least this long are compressed; smaller ones are not worth the CPU. */
export const COMPRESS_THRESHOLD = 1024;

/**
 * Compresses answers made at request time (JSON from the API, the app shell, WebVTT) when the client accepts it,
 * with `Vary: Accept-Encoding`. Register before the routes: the plugin adds its hook to each route as it is
 * declared. Video segments (video/mp2t), images and tus uploads are not compressible types and pass as they are;
 * built files are compressed at build time (vite.config.ts) and served as such by serveWebApp().
 */
export async function installCompression(app: FastifyInstance) {
  await app.register(fastifyCompress, {
    global: true,
    threshold: COMPRESS_THRESHOLD,
    encodings: ['br', 'gzip'],
    // Fast settings for answers made per request (quality 11 takes tens of milliseconds for 100 kB).
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}

/** The shell's early GET /api/v1/me (index.html), left out for a visitor not signed in: it would only answer 401. */
const withoutMePreload = (shell: string) =>
  shell.replace(/<link rel="preload" href="\/api\/v1\/me"[^>]*>\s*/, '');

/**
 * The built web app: files from the build with their brotli/gzip twins chosen by Accept-Encoding, hashed assets
 * cached for a year, the shell revalidated; and for client-side routes (a non-API GET that is not a file) the app
 * shell, as `shellFor(shell, pagePath)` makes it (with a shared or public video's link preview in the head), and
 * without its early /me request when the signed-in hint cookie is absent (so `Vary: Cookie`).
 */
export async function serveWebApp(
  app: FastifyInstance,
  shellFor: (shell: string, pagePath: string) => Promise<string>,
) {
  const webDist = webDistDir();
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  const shell = hasWeb ? fs.readFileSync(path.join(webDist, 'index.html'), 'utf8') : '';
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // '/' is a client route like the others: the shell below, not the file as built.
      index: false,
      preCompressed: true,
      // The .br/.gz twins are not routes of their own; preCompressed finds them next to the file.
      globIgnore: ['**/*.br', '**/*.gz'],
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const rel = path.relative(webDist, filePath);
        res.setHeader('cache-control', rel.startsWith(`assets${path.sep}`) ? IMMUTABLE : REVALIDATE);
        res.setHeader('vary', 'Accept-Encoding');
      },
    });
  app.setNotFoundHandler(async (req, reply) => {
    const pagePath = req.url.split('?')[0];
    if (!hasWeb || req.method !== 'GET' || req.url.startsWith('/api/') || path.extname(pagePath))
      return sendNotFound(req, reply);
    const page = await shellFor(shell, pagePath);
    return reply
      .header('cache-control', REVALIDATE)
      .header('vary', 'Cookie')
      .type('text/html; charset=utf-8')
      .send(req.cookies[SIGNED_IN_HINT_COOKIE] ? page : withoutMePreload(page));
  });
}
