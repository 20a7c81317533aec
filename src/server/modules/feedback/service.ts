import type { z } from 'zod';
import { COACHING_LIMITS, type FeedbackKind } from '../../../shared/coaching.js';
import type * as c from '../../../shared/contracts/coaching-feedback.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { AppError } from '../../http/errors.js';
import { type Actor, authorize } from '../../policy/index.js';
import { audit } from '../audit.js';
import { notify } from '../notifications/index.js';
import { videoResource } from '../videos/index.js';
import * as repo from './repo.js';

/** A text as the rules want it: trimmed, not empty, not longer than COACHING_LIMITS.feedbackLength. */
function cleanBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed) throw new AppError('feedback.empty');
  if (trimmed.length > COACHING_LIMITS.feedbackLength) throw new AppError('feedback.too_long');
  return trimmed;
}

/** A time within the recording (its length when known; a day otherwise). */
function checkTime(v: repo.FeedbackVideo, at: number) {
  const max = v.durationSeconds ?? 24 * 3600;
  if (!Number.isFinite(at) || at < 0 || at > max) throw new AppError('feedback.time_invalid');
}

/** A prompt set as the rules want it: a title, at most promptsPerSet prompts of at most promptLength. */
function cleanPromptSet(input: { title?: string; prompts?: { kind: FeedbackKind; text: string }[] }) {
  const title = input.title?.trim();
  if (title !== undefined && (title.length === 0 || title.length > 200))
    throw new AppError('prompts.invalid');
  const prompts = input.prompts
    ?.map((p) => ({ kind: p.kind, text: p.text.trim() }))
    .filter((p) => p.text.length > 0);
  if (
    prompts &&
    (prompts.length > COACHING_LIMITS.promptsPerSet ||
      prompts.some((p) => p.text.length > COACHING_LIMITS.promptLength))
  )
    throw new AppError('prompts.invalid');
  return { title, prompts };
}

const editedAt = (r: { createdAt: Date; updatedAt: Date }) =>
  r.updatedAt.getTime() > r.createdAt.getTime() ? r.updatedAt : null;

export function createFeedbackService(ctx: AppContext) {
  const { db } = ctx;

  /**
   * The recording, when the actor may give feedback on it: 404 when they may not even see it (also a share that
   * was taken back or ran out on a private recording), 403 when they see it but it is not shared with them.
   */
  async function loadVideo(actor: Actor, id: string, tx: DbOrTx = db) {
    const v = await repo.getVideo(tx, id);
    if (!v) throw new AppError('video.not_found');
    authorize(actor, 'video.feedback', videoResource(v));
    return v;
  }

  /** A comment or reply on this recording (404 when it is not on it). */
  async function loadFeedback(tx: DbOrTx, videoId: string, feedbackId: string) {
    const f = await repo.getFeedback(tx, feedbackId);
    if (!f || f.videoId !== videoId) throw new AppError('feedback.not_found');
    return f;
  }

  /** Notifies `userId` about feedback on the recording, when they (still) may read it. Never the actor. */
  async function tell(
    tx: DbOrTx,
    actor: Actor,
    v: repo.FeedbackVideo,
    userId: string | null,
    kind: 'feedback.given' | 'feedback.reply',
    extra: { feedbackId: string; authorName: string },
  ) {
    if (!userId || userId === actor.id) return;
    const mayRead = userId === v.ownerId || (v.grantees ?? []).includes(userId);
    if (!mayRead) return;
    // Only the title and who wrote: the text itself stays on the recording (its privacy decides who reads it).
    await notify(tx, userId, kind, { videoId: v.id, videoTitle: v.title, ...extra });
  }

  return {
    async focusAreas(actor: Actor, videoId: string) {
      const v = await loadVideo(actor, videoId);
      return { items: await repo.currentFocusAreas(db, v.institutionId) };
    },

    async list(actor: Actor, videoId: string, filter: z.output<typeof c.FeedbackListQuery>) {
      const v = await loadVideo(actor, videoId);
      const isOwner = actor.id === v.ownerId;
      const rows = await repo.listFeedback(db, videoId, filter, COACHING_LIMITS.feedbackPerVideo);
      const person = (r: repo.FeedbackRow) =>
        r.authorId && r.authorName !== null ? { id: r.authorId, name: r.authorName } : null;
      const replies = new Map<string, z.output<typeof c.FeedbackReply>[]>();
      for (const r of rows) {
        if (!r.parentId) continue;
        const mine = !!r.authorId && r.authorId === actor.id;
        const list = replies.get(r.parentId) ?? [];
        list.push({
          id: r.id,
          body: r.body,
          author: person(r),
          byOwner: r.authorId === v.ownerId,
          createdAt: r.createdAt,
          editedAt: editedAt(r),
          canEdit: mine,
          canDelete: mine || isOwner,
        });
        replies.set(r.parentId, list);
      }
      const byCreated = (a: { createdAt: Date | string }, b: { createdAt: Date | string }) =>
        new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime();
      const items = rows
        .filter((r) => !r.parentId && r.kind !== null && r.atSeconds !== null)
        .map((r) => {
          const mine = !!r.authorId && r.authorId === actor.id;
          return {
            id: r.id,
            atSeconds: r.atSeconds as number,
            kind: r.kind as FeedbackKind,
            focusAreaKey: r.focusAreaKey,
            body: r.body,
            author: person(r),
            createdAt: r.createdAt,
            editedAt: editedAt(r),
            discussedAt: r.discussedAt,
            canEdit: mine,
            canDelete: mine || isOwner,
            canReply: isOwner || mine,
            replies: (replies.get(r.id) ?? []).sort(byCreated),
          };
        });
      return { items, isOwner, maxLength: COACHING_LIMITS.feedbackLength };
    },

    async create(
      actor: Actor,
      videoId: string,
      input: z.output<typeof c.FeedbackCreate>,
      authorName: string,
    ) {
      const body = cleanBody(input.body);
      return db.transaction(async (tx) => {
        await repo.lockVideo(tx, videoId);
        const v = await loadVideo(actor, videoId, tx);
        checkTime(v, input.atSeconds);
        const focusAreaKey = input.focusAreaKey ?? null;
        if (focusAreaKey) {
          const areas = await repo.currentFocusAreas(tx, v.institutionId);
          if (!areas.some((a) => a.key === focusAreaKey)) throw new AppError('feedback.focus_area_unknown');
        }
        if ((await repo.countOnVideo(tx, videoId)) >= COACHING_LIMITS.feedbackPerVideo)
          throw new AppError('feedback.too_many');
        const made = await repo.insertFeedback(tx, {
          videoId,
          authorId: actor.id,
          atSeconds: input.atSeconds,
          kind: input.kind,
          focusAreaKey,
          body,
        });
        await tell(tx, actor, v, v.ownerId, 'feedback.given', { feedbackId: made.id, authorName });
        return made;
      });
    },

    /**
     * A reply to a comment: the owner's, or the comment's author answering (one level: never to a reply). The
     * owner is told of the author's answer, the author of the owner's reply.
     */
    async reply(
      actor: Actor,
      videoId: string,
      feedbackId: string,
      input: { body: string },
      authorName: string,
    ) {
      const body = cleanBody(input.body);
      return db.transaction(async (tx) => {
        await repo.lockVideo(tx, videoId);
        const v = await loadVideo(actor, videoId, tx);
        const parent = await loadFeedback(tx, videoId, feedbackId);
        if (parent.parentId) throw new AppError('feedback.reply_to_reply');
        const isOwner = actor.id === v.ownerId;
        if (!isOwner && parent.authorId !== actor.id) throw new AppError('feedback.reply_not_allowed');
        if ((await repo.countOnVideo(tx, videoId)) >= COACHING_LIMITS.feedbackPerVideo)
          throw new AppError('feedback.too_many');
        const made = await repo.insertFeedback(tx, {
          videoId,
          authorId: actor.id,
          parentId: parent.id,
          body,
        });
        await tell(tx, actor, v, isOwner ? parent.authorId : v.ownerId, 'feedback.reply', {
          feedbackId: parent.id,
          authorName,
        });
        return made;
      });
    },

    /** The author edits their own text (a comment's or a reply's). */
    async update(actor: Actor, videoId: string, feedbackId: string, input: { body: string }) {
      const body = cleanBody(input.body);
      await loadVideo(actor, videoId);
      const f = await loadFeedback(db, videoId, feedbackId);
      if (!f.authorId || f.authorId !== actor.id) throw new AppError('feedback.not_author');
      await repo.updateFeedback(db, f.id, { body, updatedAt: new Date() });
      return { ok: true as const };
    },

    /** The author or the owner deletes a comment (with its replies) or a reply. */
    async remove(actor: Actor, videoId: string, feedbackId: string) {
      const v = await loadVideo(actor, videoId);
      const f = await loadFeedback(db, videoId, feedbackId);
      const mine = !!f.authorId && f.authorId === actor.id;
      if (!mine && actor.id !== v.ownerId) throw new AppError('feedback.not_owner');
      await db.transaction(async (tx) => {
        await repo.deleteFeedback(tx, f.id);
        if (!mine) await audit(tx, actor, 'feedback.delete', 'video', v.id, { feedbackId: f.id });
      });
      return { ok: true as const };
    },

    /** "Markér som drøftet" (and back): the owner, on a comment. */
    async setDiscussed(actor: Actor, videoId: string, feedbackId: string, discussed: boolean) {
      const v = await loadVideo(actor, videoId);
      if (actor.id !== v.ownerId) throw new AppError('feedback.not_owner');
      const f = await loadFeedback(db, videoId, feedbackId);
      if (f.parentId) throw new AppError('feedback.not_a_comment');
      await repo.updateFeedback(
        db,
        f.id,
        discussed
          ? { discussedAt: f.discussedAt ?? new Date(), discussedBy: f.discussedBy ?? actor.id }
          : { discussedAt: null, discussedBy: null },
      );
      return { ok: true as const };
    },

    // A coach's own prompt sets: nobody else's is found.
    async listPrompts(actor: Actor) {
      return { items: await repo.listPromptSets(db, actor.id) };
    },

    async createPrompts(actor: Actor, input: z.output<typeof c.PromptSetCreate>) {
      const { title, prompts } = cleanPromptSet(input);
      return db.transaction(async (tx) => {
        await repo.lockPerson(tx, actor.id);
        if ((await repo.countPromptSets(tx, actor.id)) >= COACHING_LIMITS.promptSets)
          throw new AppError('prompts.too_many_sets');
        return repo.insertPromptSet(tx, {
          ownerId: actor.id,
          title: title as string,
          prompts: prompts ?? [],
        });
      });
    },

    async updatePrompts(actor: Actor, setId: string, input: z.output<typeof c.PromptSetUpdate>) {
      const clean = cleanPromptSet(input);
      const patch = {
        ...(clean.title !== undefined ? { title: clean.title } : {}),
        ...(clean.prompts !== undefined ? { prompts: clean.prompts } : {}),
      };
      const row = await repo.updatePromptSet(db, setId, actor.id, patch);
      if (!row) throw new AppError('prompts.not_found');
      return row;
    },

    async removePrompts(actor: Actor, setId: string) {
      if (!(await repo.deletePromptSet(db, setId, actor.id))) throw new AppError('prompts.not_found');
      return { ok: true as const };
    },
  };
}
export type FeedbackService = ReturnType<typeof createFeedbackService>;
