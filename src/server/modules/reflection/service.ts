import { isSafeDate } from '../../../shared/text.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { readCursor, writeCursor } from '../../http/cursor.js';
import { AppError } from '../../http/errors.js';
import { type Actor, authorize, policySql } from '../../policy/index.js';
import { videoResource } from '../videos/index.js';
import * as repo from './repo.js';
import { tooFew } from './suppression.js';

/** How long a private note and a signal's reflection may be (characters). */
export const NOTE_MAX_LENGTH = 20_000;
export const REFLECTION_MAX_LENGTH = 2_000;

/** Of those who tried it, the share who say it worked (0–1); null when nobody tried it. */
export const workedShare = (tried: number, worked: number) => (tried > 0 ? worked / tried : null);

/**
 * A video's figures as shown: how many tried it, and — only when none or at least MIN_GROUP_SIZE did — how many
 * of them say it worked. With one or two who tried, the split would tell each one's answer (to anyone who knows
 * who they are, and to each of them about the other), so `worked` and `workedShare` are null (ADR 0009).
 */
export function impactFigures(tried: number, worked: number) {
  if (tooFew(tried)) return { tried, worked: null, workedShare: null };
  return { tried, worked, workedShare: workedShare(tried, worked) };
}

const encodeCursor = (r: { at: Date; authorId: string }) => writeCursor([r.at.toISOString(), r.authorId]);
function decodeCursor(c: string) {
  try {
    const [at, id] = readCursor(c) as unknown[];
    const date = new Date(at as string);
    if (typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) && isSafeDate(date)) return { at: date, id };
  } catch {
    /* fall through */
  }
  throw new AppError('request.invalid');
}

type Mine = Awaited<ReturnType<typeof repo.getSignal>>;
const presentMine = (s: Mine | undefined) =>
  s
    ? {
        tried: true as const,
        worked: s.worked,
        reflection: s.reflection,
        reflectionShared: s.reflectionShared,
      }
    : null;

export type SignalInput = {
  tried: boolean;
  worked: boolean;
  reflection?: string;
  reflectionShared?: boolean;
};

/**
 * Reflection and impact (V6): private notes (the author's alone — no role, no other endpoint reads them), the
 * signals "Jeg har afprøvet det" / "Det virkede" with an optional reflection that may be shared, the impact
 * figures on a video, and view tracking for the statistics.
 */
export function createReflectionService(ctx: AppContext) {
  const { db } = ctx;

  /** The video, when the actor may `action` it (404 when they may not see it). */
  async function video(
    conn: DbOrTx,
    actor: Actor,
    id: string,
    action: 'video.read' | 'video.engage',
    lock = false,
  ) {
    const v = await repo.videoForEngagement(conn, id, lock);
    if (!v) throw new AppError('video.not_found');
    authorize(actor, action, videoResource(v));
    return v;
  }

  return {
    async getNote(actor: Actor, videoId: string) {
      await video(db, actor, videoId, 'video.engage');
      const n = await repo.getNote(db, videoId, actor.id);
      return { body: n?.body ?? '', updatedAt: n?.updatedAt ?? null };
    },

    /** Saves the person's note on the video; an empty note is removed. */
    async putNote(actor: Actor, videoId: string, body: string) {
      await video(db, actor, videoId, 'video.engage');
      if (body.length > NOTE_MAX_LENGTH) throw new AppError('note.too_long');
      if (body.trim() === '') {
        await repo.deleteNote(db, videoId, actor.id);
        return { body: '', updatedAt: null };
      }
      return repo.putNote(db, videoId, actor.id, body);
    },

    async deleteNote(actor: Actor, videoId: string) {
      await video(db, actor, videoId, 'video.engage');
      await repo.deleteNote(db, videoId, actor.id);
    },

    /**
     * Sets the person's signal: tried (and whether it worked), with an optional reflection. Not tried removes
     * the signal and its reflection. The video's counters are counted again in the same transaction, with the
     * video row locked so that concurrent signals queue and every count is exact.
     */
    async setSignal(actor: Actor, videoId: string, input: SignalInput) {
      if (input.worked && !input.tried) throw new AppError('signal.worked_without_tried');
      const reflection = input.reflection === undefined ? undefined : input.reflection.trim() || null;
      if (reflection && reflection.length > REFLECTION_MAX_LENGTH)
        throw new AppError('signal.reflection_too_long');
      if (!input.tried && reflection) throw new AppError('signal.not_tried');
      const answer = await db.transaction(async (tx) => {
        await video(tx, actor, videoId, 'video.engage', true);
        if (input.tried)
          await repo.upsertSignal(tx, videoId, actor.id, {
            worked: input.worked,
            reflection,
            reflectionShared: input.reflectionShared,
          });
        else await repo.deleteSignal(tx, videoId, actor.id);
        const counts = await repo.recountSignals(tx, videoId);
        const mine = input.tried ? await repo.getSignal(tx, videoId, actor.id) : undefined;
        return { ...impactFigures(counts.tried, counts.worked), mine: presentMine(mine) };
      });
      ctx.events.publish({ type: 'search.changed' }); // the counts and "what I tried" on search and the home page
      return answer;
    },

    /** The impact figures of a video, the person's own signal, and a page of the reflections others shared. */
    async impact(actor: Actor, videoId: string, page: { cursor?: string; limit: number }) {
      const v = await video(db, actor, videoId, 'video.read');
      const after = page.cursor ? decodeCursor(page.cursor) : undefined;
      const [mine, rows] = await Promise.all([
        repo.getSignal(db, videoId, actor.id),
        repo.sharedReflections(db, videoId, { limit: page.limit + 1, after }),
      ]);
      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      return {
        ...impactFigures(v.triedCount, v.workedCount),
        mine: presentMine(mine),
        sharedReflections: items.map((r) => ({
          author: { id: r.authorId, name: r.authorName },
          reflection: r.reflection,
          at: r.at,
        })),
        nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null,
      };
    },

    /** Starts a view of a video the person may see (one statement: the policy's SQL form decides). */
    async startView(actor: Actor, videoId: string) {
      const viewId = await repo.startView(db, videoId, actor.id, policySql.visibleVideos(actor));
      if (!viewId) throw new AppError('video.not_found');
      return { viewId };
    },

    /** How far the person's own view got; completed at 90 % of the duration. */
    async updateView(actor: Actor, videoId: string, viewId: string, watchedSeconds: number) {
      const v = await repo.updateView(db, videoId, viewId, actor.id, watchedSeconds);
      if (!v) throw new AppError('view.not_found');
      return v;
    },
  };
}

export type ReflectionService = ReturnType<typeof createReflectionService>;
