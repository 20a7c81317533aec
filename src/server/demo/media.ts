/**
 * Media for the demo videos: generated sources go into storage and through the real pipeline, like uploads.
 * Both the generated sources and the pipeline's finished output are kept in a cache outside the data dir
 * (DEMO_CACHE_DIR, default node_modules/.cache/amongi-demo), so a later start on a fresh data dir copies the
 * finished media into storage and marks the videos ready without running ffmpeg at all.
 *
 * Cache keys: a source by its look and the ffmpeg version; an output by its source and the pipeline's version
 * (a hash of the ladder and of the code that builds the ffmpeg commands, playlists and media record), so any
 * change to the pipeline makes the cache miss and the videos go through the new pipeline once.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { users } from '../db/schema.js';
import { type VideoMedia, videos } from '../db/videos-schema.js';
import {
  canRemux,
  firstPlayable,
  hlsArgs,
  LADDER,
  type MediaBinaries,
  makePoster,
  makeSprite,
  masterPlaylist,
  planLadder,
  posterArgs,
  posterTime,
  renditionOrder,
  resolveMedia,
  SEGMENT_SECONDS,
  spriteArgs,
  spritePlan,
  spriteVtt,
  transcodeRungs,
  transcodeToHls,
  writeMaster,
} from '../media/index.js';
import { makeRenditions, mediaRecord, startProcessing, startVideoPipeline } from '../modules/videos/index.js';
import type { Storage } from '../storage/index.js';
import { DEMO_DOMAIN } from './constants.js';
import { type DemoLook, demoLook, demoTextSupport, generateDemoVideo, type TextSupport } from './look.js';
import { DEMO_VIDEOS } from './videos.js';

/** Bump when the generator changes in a way its inputs do not show. */
const GENERATOR_VERSION = 1;
export const demoFilename = (slug: string) => `demo-${slug}.mp4`;

/** node_modules/.cache/amongi-demo of the nearest folder above this file that has node_modules. */
export function defaultDemoCacheDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'node_modules')))
      return path.join(dir, 'node_modules', '.cache', 'amongi-demo');
    const up = path.dirname(dir);
    if (up === dir) return path.resolve('node_modules', '.cache', 'amongi-demo');
    dir = up;
  }
}

const hash = (parts: unknown[]) =>
  createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 20);

/** The version of everything that decides what the pipeline makes from a source. */
export const pipelineVersion = () =>
  hash(
    [
      JSON.stringify(LADDER),
      SEGMENT_SECONDS,
      ...[
        hlsArgs,
        planLadder,
        canRemux,
        posterArgs,
        posterTime,
        spriteArgs,
        spritePlan,
        masterPlaylist,
        spriteVtt,
      ],
      ...[transcodeToHls, makePoster, makeSprite, startVideoPipeline],
      ...[renditionOrder, transcodeRungs, firstPlayable, writeMaster, makeRenditions, mediaRecord],
    ].map(String),
  );

type Meta = Pick<typeof videos.$inferSelect, 'durationSeconds' | 'width' | 'height'> & {
  media: VideoMedia;
  files: string[];
};

export type DemoMediaReport = {
  /** Demo videos that still needed media when this run began. */
  videos: number;
  /** Sources made with ffmpeg now, and sources found in the cache. */
  generated: number;
  sourceHits: number;
  /** Videos made ready from cached pipeline output (no ffmpeg), and videos handed to the pipeline. */
  restored: number;
  processed: number;
  /** Pipeline outputs written to the cache, and videos the pipeline failed or that went away meanwhile. */
  cached: number;
  failed: number;
  /** Wall time of the whole run, and of the restore from cache. */
  seconds: number;
  restoreSeconds: number;
};

export type DemoMediaOptions = {
  cacheDir: string;
  /** How long to wait for the pipeline to finish the videos it was given before caching them. */
  waitSeconds?: number;
  signal?: AbortSignal;
};

class Cache {
  readonly pipeline = pipelineVersion();
  constructor(
    readonly dir: string,
    private readonly media: MediaBinaries,
    private readonly text: TextSupport,
  ) {}
  sourceKey(look: DemoLook) {
    return hash([GENERATOR_VERSION, look, this.media.version, !!this.text]);
  }
  source(look: DemoLook) {
    return path.join(this.dir, 'sources', `${this.sourceKey(look)}.mp4`);
  }
  /** Removes what earlier versions (looks, ffmpeg, pipeline) or crashed runs left, once an hour old. */
  async prune(current: DemoLook[]) {
    const keep = new Set(
      current.flatMap((l) => [path.basename(this.source(l)), path.basename(this.output(l))]),
    );
    const hourAgo = Date.now() - 3600_000;
    for (const sub of ['sources', 'outputs']) {
      const dir = path.join(this.dir, sub);
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (keep.has(name)) continue;
        const st = await stat(path.join(dir, name)).catch(() => null);
        if (st && st.mtimeMs < hourAgo) await rm(path.join(dir, name), { recursive: true, force: true });
      }
    }
  }
  output(look: DemoLook) {
    return path.join(this.dir, 'outputs', `${this.sourceKey(look)}-${this.pipeline}`);
  }
  async meta(look: DemoLook): Promise<Meta | null> {
    const text = await readFile(path.join(this.output(look), 'meta.json'), 'utf8').catch(() => null);
    return text ? (JSON.parse(text) as Meta) : null;
  }
  /** The cached source, generated first when missing; true when it was generated now. */
  async ensureSource(look: DemoLook): Promise<boolean> {
    const file = this.source(look);
    if (existsSync(file)) return false;
    await mkdir(path.dirname(file), { recursive: true });
    await generateDemoVideo(this.media, look, this.text, file);
    return true;
  }
  /** Copies what the pipeline stored for the video into the cache (complete or not at all). */
  async save(storage: Storage, id: string, look: DemoLook, row: Omit<Meta, 'files'>) {
    const out = this.output(look);
    if (existsSync(path.join(out, 'meta.json'))) return;
    const work = `${out}.${process.pid}.${Date.now()}.tmp`;
    const prefix = `videos/${id}/`;
    const files = (await storage.list(`videos/${id}`))
      .map((k) => k.slice(prefix.length))
      .filter((f) => !f.startsWith('captions/'));
    try {
      for (const f of files) {
        await mkdir(path.dirname(path.join(work, f)), { recursive: true });
        const copy = await storage.localCopy(`${prefix}${f}`);
        try {
          await copyFile(copy.path, path.join(work, f));
        } finally {
          await copy.release();
        }
      }
      await writeFile(path.join(work, 'meta.json'), JSON.stringify({ ...row, files } satisfies Meta));
      await rename(work, out).catch(() => {}); // another process cached it first
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
}

/** Demo videos by slug with their place in DEMO_VIDEOS (which decides the look). */
const bySlug = new Map(DEMO_VIDEOS.map((v, i) => [v.slug, { spec: v, look: demoLook(i, v.title) }]));

async function demoRows(ctx: AppContext) {
  const rows = await ctx.db
    .select({ id: videos.id, file: videos.originalFilename, status: videos.status, stage: videos.stage })
    .from(videos)
    .innerJoin(users, eq(users.id, videos.ownerId))
    .where(and(like(videos.originalFilename, 'demo-%.mp4'), like(users.email, `%@${DEMO_DOMAIN}`)));
  return rows
    .map((r) => ({ ...r, demo: bySlug.get(r.file.slice('demo-'.length, -'.mp4'.length)) }))
    .filter((r): r is typeof r & { demo: NonNullable<typeof r.demo> } => !!r.demo)
    .sort((a, b) => DEMO_VIDEOS.indexOf(a.demo.spec) - DEMO_VIDEOS.indexOf(b.demo.spec));
}

/** Segments before playlists, as the pipeline stores them: a playlist never names a missing file. */
const playlistsLast = (files: string[]) =>
  [...files].sort((a, b) => Number(a.endsWith('.m3u8')) - Number(b.endsWith('.m3u8')));

/**
 * The demo videos were "uploaded" weeks ago (createdAt): they were ready minutes later, so that lists sorted by
 * readyAt (newest first) follow the demo's timeline instead of the order the media happened to be stored in.
 */
const readySoonAfterUpload = sql`${videos.createdAt} + interval '7 minutes'`;

/** Waiting for media: the row seeded with status processing and no stage yet. */
const waiting = (id: string) => and(eq(videos.id, id), eq(videos.status, 'processing'), isNull(videos.stage));

/**
 * Gives every demo video that is still waiting its media. Returns once the videos found in the cache are ready
 * (`restored`); `done` settles when the rest went through the pipeline and their output was cached.
 */
export async function startDemoMedia(ctx: AppContext, opts: DemoMediaOptions) {
  const began = Date.now();
  const media = await resolveMedia();
  const cache = new Cache(opts.cacheDir, media, await demoTextSupport(media));
  const { db, storage } = ctx;
  const rows = await demoRows(ctx);
  const todo = rows.filter((r) => r.status === 'processing' && r.stage === null);
  const report: DemoMediaReport = {
    videos: todo.length,
    ...{ generated: 0, sourceHits: 0, restored: 0, processed: 0, cached: 0, failed: 0 },
    ...{ seconds: 0, restoreSeconds: 0 },
  };

  async function putOriginal(id: string, look: DemoLook) {
    const file = cache.source(look);
    await storage.putFile(`originals/${id}`, file, 'video/mp4');
    return (await stat(file)).size;
  }

  async function restore(id: string, look: DemoLook, meta: Meta) {
    const size = await putOriginal(id, look);
    for (const f of playlistsLast(meta.files))
      await storage.putFile(`videos/${id}/${f}`, path.join(cache.output(look), f));
    await db
      .update(videos)
      .set({
        status: 'ready',
        stage: null,
        progress: null,
        failureCode: null,
        leaseOwner: null,
        leaseUntil: null,
        originalSize: size,
        durationSeconds: meta.durationSeconds,
        width: meta.width,
        height: meta.height,
        media: meta.media,
        readyAt: readySoonAfterUpload,
        updatedAt: sql`now()`,
      })
      .where(waiting(id));
    ctx.events.publish({ type: 'video.access.changed', videoId: id }); // ready now, as the pipeline says
    report.restored++;
  }

  // 1. Everything found in the cache (source and output): ready now, no ffmpeg.
  const rest: typeof todo = [];
  const hits: { id: string; look: DemoLook; meta: Meta }[] = [];
  for (const r of todo) {
    const meta = existsSync(cache.source(r.demo.look)) ? await cache.meta(r.demo.look) : null;
    if (meta) hits.push({ id: r.id, look: r.demo.look, meta });
    else rest.push(r);
  }
  // A few at a time: file copies overlap with the database updates.
  const next = hits.values();
  const copier = async () => {
    for (const h of next) await restore(h.id, h.look, h.meta);
  };
  await Promise.all([copier(), copier(), copier(), copier()]);
  report.sourceHits += hits.length;
  report.restoreSeconds = (Date.now() - began) / 1000;

  // 2. The rest: generate (or take) the source, store it as the original and start the pipeline; then cache
  // what the pipeline made. Videos left in the pipeline by an earlier run are cached when they finish too.
  const done = (async () => {
    const watched = new Map(
      rows.filter((r) => r.status !== 'failed' && r.stage !== null).map((r) => [r.id, r.demo.look]),
    );
    for (const r of rows.filter((r) => r.status === 'ready'))
      if (!existsSync(path.join(cache.output(r.demo.look), 'meta.json'))) watched.set(r.id, r.demo.look);
    for (const r of rest) {
      if (opts.signal?.aborted) break;
      if (await cache.ensureSource(r.demo.look)) report.generated++;
      else report.sourceHits++;
      const meta = await cache.meta(r.demo.look);
      if (meta) {
        await restore(r.id, r.demo.look, meta);
        continue;
      }
      const size = await putOriginal(r.id, r.demo.look);
      const moved = await db
        .update(videos)
        .set({ originalSize: size })
        .where(waiting(r.id))
        .returning({ id: videos.id });
      if (moved.length === 0) continue;
      await startProcessing(ctx, r.id, { background: true });
      report.processed++;
      watched.set(r.id, r.demo.look);
    }
    const until = Date.now() + (opts.waitSeconds ?? 1800) * 1000;
    while (watched.size > 0 && Date.now() < until && !opts.signal?.aborted) {
      const now = await db
        .select({
          id: videos.id,
          status: videos.status,
          stage: videos.stage,
          durationSeconds: videos.durationSeconds,
          width: videos.width,
          height: videos.height,
          media: videos.media,
        })
        .from(videos)
        .where(inArray(videos.id, [...watched.keys()]));
      const found = new Set(now.map((v) => v.id));
      for (const id of watched.keys()) if (!found.has(id)) watched.delete(id);
      for (const v of now) {
        const look = watched.get(v.id) as DemoLook;
        // Ready plays from the first rendition (issue 21): cache only the whole ladder (no step left).
        if (v.status === 'ready' && v.stage === null && v.media) {
          await cache.save(storage, v.id, look, {
            durationSeconds: v.durationSeconds,
            width: v.width,
            height: v.height,
            media: v.media,
          });
          await db
            .update(videos)
            .set({ readyAt: readySoonAfterUpload })
            .where(and(eq(videos.id, v.id), eq(videos.status, 'ready')));
          report.cached++;
          watched.delete(v.id);
        } else if (v.status === 'failed') {
          report.failed++;
          watched.delete(v.id);
        }
      }
      if (watched.size > 0) await new Promise((r) => setTimeout(r, 500));
    }
    await cache.prune([...bySlug.values()].map((d) => d.look)).catch(() => {});
    report.seconds = (Date.now() - began) / 1000;
    return report;
  })();
  return { restored: report.restored, restoreSeconds: report.restoreSeconds, done };
}
