import { PassThrough, type Readable } from 'node:stream';
import { COACHING_LIMITS } from '../../../shared/coaching.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../policy/index.js';
import { audit } from '../audit.js';
import { notify } from '../notifications/index.js';
import { accessOf, grantsAllowed } from './access.js';
import * as repo from './grants-repo.js';
import { bumpAccess } from './repo.js';
import type { VideoService } from './service.js';
import { signedMediaPrefix } from './signing.js';

const ZONE = 'Europe/Copenhagen';
const DAY = 24 * 3600_000;

/** Today's date in Denmark, YYYY-MM-DD. */
const danishToday = (now = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(now);

/** The date `days` after `date` (YYYY-MM-DD, calendar arithmetic). */
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The instant a Danish calendar day begins (midnight in Copenhagen; DST never switches at midnight). */
function danishMidnight(date: string): Date {
  const utc = Date.parse(`${date}T00:00:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'shortOffset' })
    .formatToParts(new Date(utc))
    .find((p) => p.type === 'timeZoneName')?.value;
  const hours = Number(/GMT([+-]\d+)?/.exec(name ?? '')?.[1] ?? 0);
  return new Date(utc - hours * 3600_000);
}

/** A share's end as the last Danish day it lasts (the day before the midnight it ends at). */
const lastDay = (expiresAt: Date | null) =>
  expiresAt ? danishToday(new Date(expiresAt.getTime() - 1)) : null;

/** Whether a share's new end comes before its old one (null: no end). */
const shortens = (before: Date | null, after: Date | null) =>
  after !== null && (before === null || after.getTime() < before.getTime());

/**
 * Ends the shares whose time is up (the worker's ticker, every minute): each is deleted, and its video's access
 * version goes up, so the media URLs handed out to the grantee — a poster in a list, the player's playlist — stop
 * within the media routes' short cache, in every process. Safe to run from several workers at once (a share is
 * deleted by one of them). Returns how many ended.
 */
export async function endExpiredGrants(ctx: Pick<AppContext, 'db' | 'events'>, batch = 500): Promise<number> {
  const ended = await ctx.db.transaction(async (tx) => {
    const rows = await repo.deleteExpiredGrants(tx, batch);
    for (const videoId of new Set(rows.map((r) => r.videoId))) await bumpAccess(tx, videoId);
    for (const r of rows)
      await audit(tx, null, 'video.grant.expire', 'video', r.videoId, {
        grantId: r.id,
        granteeId: r.granteeId,
      });
    return rows;
  });
  for (const videoId of new Set(ended.map((r) => r.videoId)))
    ctx.events.publish({ type: 'video.access.changed', videoId });
  return ended.length;
}

/**
 * Own recordings (issue 19 part A, V10): the owner shares a recording with chosen colleagues in the kommune, for a
 * while or until taken back; what is shared with me; downloads, off unless the owner turns them on.
 */
export function createGrantService(ctx: AppContext, videos: VideoService) {
  const { db, storage } = ctx;

  const present = (g: Awaited<ReturnType<typeof repo.listGrants>>[number]) => ({
    id: g.id,
    person: { id: g.personId, name: g.name, institutions: g.institutions },
    createdAt: g.createdAt,
    expiresAt: g.expiresAt,
    expiresOn: lastDay(g.expiresAt),
  });

  /** The end of a share through `expiresOn` (Danish day, inclusive), checked against today and the longest share. */
  function endOf(expiresOn: string | null, now = new Date()) {
    if (expiresOn === null) return null;
    const today = danishToday(now);
    if (expiresOn < today) throw new AppError('grant.expiry_past');
    if (expiresOn > addDays(today, COACHING_LIMITS.grantMaxDays)) throw new AppError('grant.expiry_too_far');
    return danishMidnight(addDays(expiresOn, 1));
  }

  return {
    async list(actor: Actor, id: string) {
      const v = await videos.load(actor, id, 'video.update');
      return {
        items: (await repo.listGrants(db, id, v.kommuneId)).map(present),
        downloadAllowed: await repo.downloadAllowed(db, id),
        consentAllowsSharing: grantsAllowed(accessOf(v)),
        max: COACHING_LIMITS.grantsPerVideo,
      };
    },

    /** The people the owner can share the recording with: active staff of the kommune's institutions. */
    async candidates(actor: Actor, id: string, q: string) {
      const v = await videos.load(actor, id, 'video.update');
      const rows = await repo.candidates(db, v.kommuneId, v.ownerId, q);
      return { items: rows.map((r) => ({ id: r.id, name: r.name, institutions: r.institutions })) };
    },

    async create(actor: Actor, id: string, body: { personId: string; expiresOn: string | null }) {
      const v = await videos.load(actor, id, 'video.update');
      if (!grantsAllowed(accessOf(v))) throw new AppError('grant.consent_private');
      if (body.personId === v.ownerId) throw new AppError('grant.self');
      const p = await repo.personForGrant(db, body.personId, v.kommuneId);
      if (!p) throw new AppError('grant.person_not_found');
      if (p.status !== 'active') throw new AppError('grant.person_inactive');
      if (!p.staffHere)
        throw new AppError(p.anyRole && !p.inKommune ? 'grant.outside_kommune' : 'grant.not_staff');
      const expiresAt = endOf(body.expiresOn);
      const grant = await db.transaction(async (tx) => {
        if ((await repo.countGrants(tx, id, p.id)) >= COACHING_LIMITS.grantsPerVideo)
          throw new AppError('grant.too_many');
        const before = await repo.grantEnd(tx, id, p.id); // undefined: no live share yet
        const row = await repo.upsertGrant(tx, {
          videoId: id,
          granteeId: p.id,
          grantedBy: actor.id,
          expiresAt,
        });
        // A shorter end than before: the media URLs handed out under the longer one must stop.
        if (before !== undefined && shortens(before, expiresAt)) await bumpAccess(tx, id);
        await audit(tx, actor, 'video.grant.create', 'video', id, {
          grantId: row.id,
          granteeId: p.id,
          expiresAt: expiresAt?.toISOString() ?? null,
        });
        if (before === undefined)
          await notify(tx, p.id, 'video.shared', {
            videoId: id,
            videoTitle: v.title,
            authorName: v.ownerName,
            expiresOn: lastDay(expiresAt),
          });
        return row;
      });
      ctx.events.publish({ type: 'video.access.changed', videoId: id });
      const [item] = (await repo.listGrants(db, id, v.kommuneId)).filter((g) => g.id === grant.id);
      return present(item);
    },

    /** Takes a share back at once: the person's next request is 404, and every media URL handed out stops. */
    async revoke(actor: Actor, id: string, grantId: string) {
      await videos.load(actor, id, 'video.update');
      await db.transaction(async (tx) => {
        const gone = await repo.deleteGrant(tx, id, grantId);
        if (!gone) throw new AppError('grant.not_found');
        await bumpAccess(tx, id);
        await audit(tx, actor, 'video.grant.revoke', 'video', id, { grantId, granteeId: gone.granteeId });
      });
      ctx.events.publish({ type: 'video.access.changed', videoId: id });
    },

    /** "Delt med mig": the ready recordings others shared with me, with their posters signed until the share ends. */
    async sharedWithMe(actor: Actor) {
      const rows = await repo.sharedWith(db, actor.id);
      const now = Date.now();
      return {
        items: rows.map((r) => ({
          videoId: r.videoId,
          title: r.title,
          owner: { id: r.ownerId, name: r.ownerName },
          sharedAt: r.sharedAt,
          expiresAt: r.expiresAt,
          expiresOn: lastDay(r.expiresAt),
          status: r.status,
          durationSeconds: r.durationSeconds,
          posterUrl: r.media?.poster
            ? `${signedMediaPrefix(ctx.secret, r.videoId, r.accessVersion, now, r.expiresAt?.getTime())}poster.jpg`
            : null,
        })),
      };
    },

    async setDownload(actor: Actor, id: string, allowed: boolean) {
      await videos.load(actor, id, 'video.update');
      await db.transaction(async (tx) => {
        await repo.setDownloadAllowed(tx, id, allowed);
        await audit(tx, actor, 'video.download.set', 'video', id, { allowed });
      });
      return { allowed };
    },

    /**
     * The recording as one file. The owner gets the original as uploaded. Anyone else who may watch gets the best
     * rendition (the pipeline keeps only HLS: its MPEG-TS segments joined are one playable .ts file), and only when
     * the owner allowed downloads.
     */
    async download(actor: Actor, id: string) {
      const v = await videos.load(actor, id, 'video.read');
      const owner = actor.id === v.ownerId;
      if (!owner && !(await repo.downloadAllowed(db, id))) throw new AppError('download.not_allowed');
      if (v.status !== 'ready') throw new AppError('download.not_ready');
      const base = (v.title.replace(/[^\p{L}\p{N} ._-]+/gu, '').trim() || 'optagelse').slice(0, 100);
      await audit(db, actor, 'video.download', 'video', id, { original: owner });
      if (owner) {
        const key = `originals/${id}`;
        const stat = await storage.stat(key);
        if (!stat) throw new AppError('video.not_found');
        return {
          filename: v.originalFilename || `${base}.mp4`,
          contentType: 'application/octet-stream',
          size: stat.size,
          body: await storage.read(key),
        };
      }
      const rung = [...(v.media?.rungs ?? [])].sort((a, b) => b.height - a.height)[0];
      if (!rung) throw new AppError('download.not_ready');
      const segments = (await storage.list(`videos/${id}/hls/${rung.name}`))
        .filter((k) => /seg_\d{5}\.ts$/.test(k))
        .sort();
      if (segments.length === 0) throw new AppError('download.not_ready');
      let size = 0;
      for (const k of segments) size += (await storage.stat(k))?.size ?? 0;
      return {
        filename: `${base}.ts`,
        contentType: 'video/mp2t',
        size,
        body: joined(segments.map((k) => () => storage.read(k))),
      };
    },
  };
}

/** The streams one after another, as one stream (opened one at a time). */
function joined(parts: (() => Promise<Readable>)[]): Readable {
  const out = new PassThrough();
  (async () => {
    for (const open of parts) {
      const part = await open();
      for await (const chunk of part) if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
    }
    out.end();
  })().catch((e) => out.destroy(e));
  return out;
}

export type GrantService = ReturnType<typeof createGrantService>;
