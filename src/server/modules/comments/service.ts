import { and, type SQL } from 'drizzle-orm';
import { COMMENT_MAX_DEPTH, COMMENT_MAX_LENGTH } from '../../../shared/catalogue.js';
import { mentionedIds, plainText } from '../../../shared/comment-format.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { AppError } from '../../http/errors.js';
import {
  type Action,
  type Actor,
  authorize,
  type CommentResource,
  type CommunityResource,
  can,
  policySql,
} from '../../policy/index.js';
import {
  moderatedComments,
  moderatesAnything,
  moderatesVideo,
  peopleWhoSeeVideo,
} from '../../policy/sql-comments.js';
import { communityDiscussants } from '../../policy/sql-communities.js';
import { audit } from '../audit.js';
import { type NotificationPayload, notifyMany } from '../notifications/index.js';
import { videoResource } from '../videos/index.js';
import * as repo from './repo.js';

/** At most this many people are notified from one comment (the rest of the @mentions stay plain text). */
const MAX_MENTIONS = 20;

/** A comment body as the rules want it: trimmed, not empty, not longer than COMMENT_MAX_LENGTH. */
function cleanBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed) throw new AppError('comment.empty');
  if (trimmed.length > COMMENT_MAX_LENGTH) throw new AppError('comment.too_long');
  return trimmed;
}

function checkAnchor(v: repo.DiscussionVideo, anchor: number | null | undefined) {
  if (anchor === null || anchor === undefined) return;
  const max = v.durationSeconds ?? 24 * 3600;
  if (!Number.isFinite(anchor) || anchor < 0 || anchor > max) throw new AppError('comment.anchor_invalid');
}

export type CommentView = {
  id: string;
  parentId: string | null;
  depth: number;
  /** visible; hidden by a moderator (the text only for those who can unhide it); deleted by the author. */
  state: 'visible' | 'hidden' | 'deleted';
  body: string | null;
  author: { id: string; name: string } | null;
  anchorSeconds: number | null;
  createdAt: Date;
  editedAt: Date | null;
  reportedByMe: boolean;
  /** Open reports: for moderators only. */
  openReports?: number;
  canReply: boolean;
  canEdit: boolean;
  canDelete: boolean;
  canReport: boolean;
  canHide: boolean;
  replies: CommentView[];
};

/**
 * What a discussion hangs on: a video (V4), or a community post (issue 15) whose replies only the community's
 * joined members read and write.
 */
type Subject =
  | { type: 'video'; id: string; video: repo.DiscussionVideo }
  | { type: 'post'; id: string; post: repo.DiscussionPost };

const keyOf = (s: Subject): repo.SubjectKey => (s.type === 'video' ? { videoId: s.id } : { postId: s.id });

/** The policy resource of a post's community, with the reader's membership. */
const postCommunity = (p: repo.DiscussionPost): CommunityResource => ({
  type: 'community',
  id: p.communityId,
  access: p.access,
  membership: p.role ? { role: p.role, joined: p.joinedAt !== null } : null,
});

/** What a reply to a post is called in notifications: the event's title, or the post's first words. */
const postTitle = (p: repo.DiscussionPost) => p.eventTitle ?? plainText(p.body, 80);

export function createCommentService(ctx: AppContext) {
  const { db } = ctx;

  /** The video, when the actor may see it (404 otherwise, the same as a missing one). */
  async function loadVideo(actor: Actor, id: string, action: 'video.read' | 'video.engage') {
    const v = await repo.getVideo(db, id);
    if (!v) throw new AppError('video.not_found');
    authorize(actor, action, videoResource(v));
    return v;
  }

  /** The post, when the actor is a joined member of its community (404/403 otherwise). */
  async function loadPost(actor: Actor, id: string) {
    const p = await repo.getPost(db, id, actor.id);
    if (!p) throw new AppError('community.post_not_found');
    authorize(actor, 'community.discuss', postCommunity(p));
    return p;
  }

  /** The subject of a discussion, when the actor may read it (`write`: and take part in it). */
  async function loadSubject(actor: Actor, key: repo.SubjectKey, write: boolean): Promise<Subject> {
    if (key.postId !== undefined)
      return { type: 'post', id: key.postId, post: await loadPost(actor, key.postId) };
    const video = await loadVideo(actor, key.videoId, write ? 'video.engage' : 'video.read');
    return { type: 'video', id: video.id, video };
  }

  /** The policy resource of a comment on this subject. */
  async function resourceOn(actor: Actor, s: Subject, c: { id: string; authorId: string }) {
    const base = { type: 'comment' as const, id: c.id, authorId: c.authorId };
    if (s.type === 'post') {
      const community = postCommunity(s.post);
      const m = community.membership;
      return { ...base, community, moderates: m?.role === 'moderator' && m.joined } satisfies CommentResource;
    }
    return {
      ...base,
      video: videoResource(s.video),
      moderates: await repo.holds(db, moderatesVideo(actor, s.video.id)),
    } satisfies CommentResource;
  }

  /** May the actor write in this discussion? */
  const mayWrite = (actor: Actor, s: Subject) =>
    s.type === 'post'
      ? can(actor, 'community.discuss', postCommunity(s.post))
      : can(actor, 'video.engage', videoResource(s.video));

  /** The people who may read this discussion, over the users table (for @mentions and notifications). */
  const readers = (s: Subject): SQL =>
    s.type === 'post' ? communityDiscussants(s.post.communityId) : peopleWhoSeeVideo(videoResource(s.video));

  /** An anchor in time only on a video, and within its length. */
  function checkSubjectAnchor(s: Subject, anchor: number | null | undefined) {
    if (s.type === 'video') return checkAnchor(s.video, anchor);
    if (anchor !== null && anchor !== undefined) throw new AppError('comment.anchor_invalid');
  }

  /** The comment and its subject, when the actor may `action` it (404 when the subject is not theirs to see). */
  async function loadComment(actor: Actor, id: string, action: Action) {
    const c = await repo.getComment(db, id);
    if (!c) throw new AppError('comment.not_found');
    let s: Subject | undefined;
    if (c.postId) {
      const post = await repo.getPost(db, c.postId, actor.id);
      if (post) s = { type: 'post', id: post.id, post };
    } else if (c.videoId) {
      const video = await repo.getVideo(db, c.videoId);
      if (video) s = { type: 'video', id: video.id, video };
    }
    if (!s) throw new AppError('comment.not_found');
    const resource = await resourceOn(actor, s, c);
    authorize(actor, action, resource);
    return { c, s, resource };
  }

  /**
   * Notifies the people mentioned (whom the author may see and who may read the discussion) and, for a reply,
   * the parent's author (or, for a reply to a post, the post's author). Never the author themself; each person
   * once.
   */
  async function notifyPeople(
    tx: DbOrTx,
    actor: Actor,
    s: Subject,
    comment: { id: string; body: string },
    opts: { mentions: string[]; parentAuthorId?: string | null; authorName: string },
  ) {
    const mayKnow: SQL = and(policySql.visiblePeople(actor), readers(s)) as SQL;
    const mentioned = opts.mentions.filter((id) => id !== actor.id).slice(0, MAX_MENTIONS);
    const allowedMentions = await repo.filterPeople(tx, mentioned, mayKnow);
    const where: NotificationPayload =
      s.type === 'video'
        ? { videoId: s.video.id, videoTitle: s.video.title }
        : {
            communityId: s.post.communityId,
            communityName: s.post.communityName,
            postId: s.post.id,
            postTitle: postTitle(s.post),
          };
    const payload: NotificationPayload = {
      ...where,
      commentId: comment.id,
      authorName: opts.authorName,
      excerpt: plainText(comment.body, 140),
    };
    const items = allowedMentions.map((userId) => ({ userId, kind: 'comment.mention', payload }));
    const parent = opts.parentAuthorId;
    if (parent && parent !== actor.id && !allowedMentions.includes(parent)) {
      // The parent's author wrote here, but the video's visibility (or their membership) may have narrowed since.
      const [sees] = await repo.filterPeople(tx, [parent], readers(s));
      if (sees) items.push({ userId: parent, kind: 'comment.reply', payload });
    }
    await notifyMany(tx, items);
  }

  /** Builds the nested view of a page of top-level comments and all their replies. */
  async function present(actor: Actor, s: Subject, rows: repo.ThreadRow[], moderator: boolean) {
    const write = mayWrite(actor, s);
    const template = await resourceOn(actor, s, { id: '', authorId: '' });
    const views = new Map<string, CommentView>();
    for (const r of rows) {
      const state = r.deletedAt ? 'deleted' : r.hiddenAt ? 'hidden' : 'visible';
      const own = actor.id === r.authorId;
      const resource: CommentResource = { ...template, id: r.id, authorId: r.authorId, moderates: moderator };
      views.set(r.id, {
        id: r.id,
        parentId: r.parentId,
        depth: r.depth,
        state,
        body: state === 'visible' || (state === 'hidden' && moderator) ? r.body : null,
        author: state === 'deleted' ? null : { id: r.authorId, name: r.authorName },
        anchorSeconds: state === 'deleted' ? null : r.anchorSeconds,
        createdAt: r.createdAt,
        editedAt: r.editedAt,
        reportedByMe: r.reportedByMe,
        ...(moderator ? { openReports: r.openReports } : {}),
        canReply: state === 'visible' && r.depth < COMMENT_MAX_DEPTH && write,
        canEdit: state === 'visible' && own,
        canDelete: state !== 'deleted' && own,
        canReport: state === 'visible' && !r.reportedByMe && can(actor, 'comment.report', resource),
        canHide: state !== 'deleted' && can(actor, 'comment.hide', resource),
        replies: [],
      });
    }
    const roots: CommentView[] = [];
    for (const view of views.values()) {
      const parent = view.parentId ? views.get(view.parentId) : undefined;
      if (parent) parent.replies.push(view);
      else roots.push(view);
    }
    // A deleted comment whose replies are all gone has nothing left to show.
    const prune = (list: CommentView[]): CommentView[] =>
      list.filter((c) => {
        c.replies = prune(c.replies);
        return c.state !== 'deleted' || c.replies.length > 0;
      });
    return prune(roots);
  }

  return {
    /** The discussion of a video, or of a community post (`{ postId }`). */
    async list(
      actor: Actor,
      key: repo.SubjectKey,
      opts: { sort: 'newest' | 'oldest'; cursor?: string; limit: number },
    ) {
      const s = await loadSubject(actor, key, false);
      const template = await resourceOn(actor, s, { id: '', authorId: '' });
      const moderator = can(actor, 'comment.hide', template);
      const top = await repo.listTopLevel(db, keyOf(s), actor.id, {
        sort: opts.sort,
        afterId: opts.cursor,
        limit: opts.limit + 1,
      });
      const page = top.slice(0, opts.limit);
      const replies = await repo.listReplies(
        db,
        page.map((c) => c.id),
        actor.id,
      );
      return {
        items: await present(actor, s, [...page, ...replies], moderator),
        nextCursor: top.length > opts.limit ? (page.at(-1)?.id ?? null) : null,
        total: await repo.countVisible(db, keyOf(s)),
        canComment: mayWrite(actor, s),
        canModerate: moderator,
        maxDepth: COMMENT_MAX_DEPTH,
        maxLength: COMMENT_MAX_LENGTH,
      };
    },

    /** Comments on a video, or replies to a community post (`{ postId }`). */
    async create(
      actor: Actor,
      key: repo.SubjectKey,
      input: { body: string; parentId?: string | null; anchorSeconds?: number | null },
      authorName: string,
    ) {
      const s = await loadSubject(actor, key, true);
      if (!mayWrite(actor, s)) throw new AppError('policy.forbidden');
      const body = cleanBody(input.body);
      checkSubjectAnchor(s, input.anchorSeconds);
      let depth = 0;
      // A top-level reply to a post tells the post's author.
      let parentAuthorId: string | null = s.type === 'post' ? s.post.authorId : null;
      if (input.parentId) {
        const parent = await repo.getComment(db, input.parentId);
        const sameSubject = s.type === 'video' ? parent?.videoId === s.id : parent?.postId === s.id;
        if (!parent || !sameSubject || parent.deletedAt || parent.hiddenAt)
          throw new AppError('comment.parent_not_found');
        if (parent.depth >= COMMENT_MAX_DEPTH) throw new AppError('comment.too_deep');
        depth = parent.depth + 1;
        parentAuthorId = parent.authorId;
      }
      const id = await db.transaction(async (tx) => {
        const row = await repo.insertComment(tx, {
          ...(s.type === 'video' ? { videoId: s.id } : { postId: s.id }),
          authorId: actor.id,
          parentId: input.parentId ?? null,
          depth,
          body,
          anchorSeconds: input.anchorSeconds ?? null,
        });
        await notifyPeople(tx, actor, s, row, { mentions: mentionedIds(body), parentAuthorId, authorName });
        return row.id;
      });
      return { id };
    },

    async update(
      actor: Actor,
      id: string,
      input: { body?: string; anchorSeconds?: number | null },
      authorName: string,
    ) {
      const { c, s } = await loadComment(actor, id, 'comment.update');
      if (c.deletedAt) throw new AppError('comment.deleted');
      if (c.hiddenAt) throw new AppError('policy.forbidden');
      const body = input.body === undefined ? c.body : cleanBody(input.body);
      if (input.anchorSeconds !== undefined) checkSubjectAnchor(s, input.anchorSeconds);
      await db.transaction(async (tx) => {
        await repo.updateComment(tx, id, {
          body,
          anchorSeconds: input.anchorSeconds === undefined ? c.anchorSeconds : input.anchorSeconds,
          editedAt: new Date(),
        });
        // Only people newly mentioned by the edit hear about it.
        const before = new Set(mentionedIds(c.body));
        const added = mentionedIds(body).filter((m) => !before.has(m));
        await notifyPeople(tx, actor, s, { id, body }, { mentions: added, authorName });
      });
      return { ok: true as const };
    },

    async remove(actor: Actor, id: string) {
      const { c } = await loadComment(actor, id, 'comment.delete');
      if (c.deletedAt) return { ok: true as const };
      await db.transaction(async (tx) => {
        if (await repo.hasReplies(tx, id)) {
          await repo.softDelete(tx, id);
          return;
        }
        // Nothing hangs below it: remove it, and any deleted ancestors it was the last reply of.
        await repo.hardDelete(tx, id);
        let parentId = c.parentId;
        while (parentId) {
          const parent = await repo.getComment(tx, parentId);
          if (!parent?.deletedAt || (await repo.hasReplies(tx, parentId))) break;
          await repo.hardDelete(tx, parentId);
          parentId = parent.parentId;
        }
      });
      return { ok: true as const };
    },

    async report(actor: Actor, id: string, reason: string) {
      const { c } = await loadComment(actor, id, 'comment.report');
      if (c.deletedAt) throw new AppError('comment.deleted');
      const made = await repo.insertReport(db, {
        commentId: id,
        reporterId: actor.id,
        reason: reason.trim(),
      });
      if (!made) throw new AppError('comment.already_reported');
      return { ok: true as const };
    },

    async setHidden(actor: Actor, id: string, hidden: boolean) {
      const { c } = await loadComment(actor, id, 'comment.hide');
      if (c.deletedAt) throw new AppError('comment.deleted');
      await db.transaction(async (tx) => {
        await repo.updateComment(
          tx,
          id,
          hidden ? { hiddenAt: new Date(), hiddenBy: actor.id } : { hiddenAt: null, hiddenBy: null },
        );
        // Acting on a comment settles its reports.
        await repo.resolveReports(tx, id, actor.id);
        await audit(tx, actor, hidden ? 'comment.hide' : 'comment.unhide', 'comment', id);
      });
      return { ok: true as const };
    },

    /** Closes the open reports on a comment without hiding it (the moderator found nothing wrong). */
    async resolve(actor: Actor, id: string) {
      await loadComment(actor, id, 'comment.hide');
      await db.transaction(async (tx) => {
        await repo.resolveReports(tx, id, actor.id);
        await audit(tx, actor, 'comment.reports_resolved', 'comment', id);
      });
      return { ok: true as const };
    },

    async reportQueue(actor: Actor, opts: { cursor?: string; limit: number }) {
      if (!(await repo.holds(db, moderatesAnything(actor)))) throw new AppError('policy.forbidden');
      const rows = await repo.listReportQueue(db, moderatedComments(actor), {
        afterId: opts.cursor,
        limit: opts.limit + 1,
      });
      const items = rows.slice(0, opts.limit).map((r) => ({
        comment: {
          id: r.id,
          parentId: r.parentId,
          state: r.deletedAt ? ('deleted' as const) : r.hiddenAt ? ('hidden' as const) : ('visible' as const),
          body: r.deletedAt ? null : r.body,
          authorName: r.deletedAt ? null : r.authorName,
          anchorSeconds: r.anchorSeconds,
          createdAt: r.createdAt,
          editedAt: r.editedAt,
        },
        video: r.videoId && r.videoTitle !== null ? { id: r.videoId, title: r.videoTitle } : null,
        post:
          r.postId && r.communityId && r.communityName !== null
            ? { id: r.postId, communityId: r.communityId, communityName: r.communityName }
            : null,
        reports: r.reports ?? [],
      }));
      return { items, nextCursor: rows.length > opts.limit ? (items.at(-1)?.comment.id ?? null) : null };
    },

    async moderationSummary(actor: Actor) {
      const canModerate = await repo.holds(db, moderatesAnything(actor));
      return {
        canModerate,
        openReports: canModerate ? await repo.countOpenReports(db, moderatedComments(actor)) : 0,
      };
    },

    /** People the author may @mention on this video or post: people they may see who may also read it. */
    async mentionable(actor: Actor, key: repo.SubjectKey, q: string | undefined) {
      const s = await loadSubject(actor, key, true);
      const where = and(policySql.visiblePeople(actor), readers(s)) as SQL;
      return { items: await repo.listMentionable(db, where, { q: q?.trim(), exclude: actor.id, limit: 8 }) };
    },
  };
}
export type CommentService = ReturnType<typeof createCommentService>;
