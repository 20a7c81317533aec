import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import type { Storage } from '../../storage/index.js';
import * as repo from './repo.js';
import { MEDIA_PREFIX, verifyMediaSignature } from './signing.js';

/** The files a ready video has, relative to its folder `videos/<id>/` in storage. Anything else is 404. */
const MEDIA_FILE =
  /^(hls\/master\.m3u8|hls\/\d{3,4}p\/(index\.m3u8|seg_\d{5}\.ts)|poster\.jpg|sprite\.jpg|thumbnails\.vtt|chapters\.vtt|captions\/[a-z]{2,3}(-[A-Za-z0-9]{2,8})?\.vtt)$/;

const CONTENT_TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  jpg: 'image/jpeg',
  vtt: 'text/vtt; charset=utf-8',
};

/** A video's current access version and status, kept for a few seconds: one lookup per segment would be too dear. */
function accessCache(ctx: AppContext, ttlMs = 10_000) {
  const entries = new Map<
    string,
    { at: number; value: Promise<{ accessVersion: number; status: string } | undefined> }
  >();
  return {
    get(id: string, now = Date.now()) {
      const hit = entries.get(id);
      if (hit && now - hit.at < ttlMs) return hit.value;
      if (entries.size > 10_000) entries.clear();
      const value = repo.accessState(ctx.db, id);
      entries.set(id, { at: now, value });
      value.catch(() => entries.delete(id));
      return value;
    },
    forget: (id: string) => {
      entries.delete(id);
    },
    clear: () => entries.clear(),
  };
}

/** Parses a single `bytes=a-b` range against the size; undefined for none, null when unsatisfiable. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined; // several or odd ranges: answer with the whole file
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return null;
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return null;
  return { start, end };
}

type MediaParams = { videoId: string; version: string; expires: string; sig: string; '*': string };

export function mediaRoutes(ctx: AppContext, storage: Storage) {
  const access = accessCache(ctx);
  // Kept right by the events (from every process on PostgreSQL); a lost LISTEN connection drops it all.
  ctx.events.subscribe('video.access.changed', (e) => access.forget(e.videoId));
  ctx.events.onReset(access.clear);

  async function serve(req: FastifyRequest<{ Params: MediaParams }>, reply: FastifyReply) {
    const p = req.params;
    const file = p['*'];
    const signed = verifyMediaSignature(ctx.secret, p);
    if (!signed || !MEDIA_FILE.test(file) || !/^[0-9a-f-]{36}$/.test(p.videoId))
      throw new AppError('video.not_found');
    const state = await access.get(p.videoId);
    if (state?.status !== 'ready' || state.accessVersion !== signed.version)
      throw new AppError('video.not_found');

    const key = `videos/${p.videoId}/${file}`;
    const stat = await storage.stat(key);
    if (!stat) throw new AppError('video.not_found');
    const range = parseRange(req.headers.range, stat.size);
    reply
      .header('content-type', CONTENT_TYPES[file.split('.').pop() as string])
      .header('accept-ranges', 'bytes')
      // master.m3u8 grows while a ready video's other rungs are made (issue 21): always asked for afresh.
      .header('cache-control', file === 'hls/master.m3u8' ? 'private, no-cache' : 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff');
    if (range === null) return reply.status(416).header('content-range', `bytes */${stat.size}`).send();
    const { start, end } = range ?? { start: 0, end: stat.size - 1 };
    reply.header('content-length', String(end - start + 1));
    if (range) reply.status(206).header('content-range', `bytes ${start}-${end}/${stat.size}`);
    if (req.method === 'HEAD' || stat.size === 0) return reply.send();
    return reply.send(await storage.read(key, { start, end }));
  }

  return {
    access,
    register(app: FastifyInstance) {
      const url = `${MEDIA_PREFIX}/:videoId/:version/:expires/:sig/*`;
      app.get(url, { schema: { hide: true } }, serve);
    },
  };
}
