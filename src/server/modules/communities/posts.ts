import { randomUUID } from 'node:crypto';
import { and, ne } from 'drizzle-orm';
import { COMMENT_MAX_LENGTH } from '../../../shared/catalogue.js';
import { safeHref } from '../../../shared/comment-format.js';
import type { AppContext } from '../../context.js';
import { users } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { asciiFileName } from '../../http/files.js';
import { icsCalendar } from '../../ics/ics.js';
import { type Actor, can } from '../../policy/index.js';
import { communityDiscussants } from '../../policy/sql-communities.js';
import { sniffFileType } from '../../storage/file-type.js';
import { audit } from '../audit.js';
import { copenhagenInstant, notifyMany } from '../notifications/index.js';
import { communityFilesPrefix, MAX_FILE_BYTES } from './file-type.js';
import * as repo from './posts-repo.js';
import { type CommunityService, communityResource } from './service.js';

/** A post's text: trimmed, within the comment length; empty only where the kind allows it. */
function cleanBody(body: string, required: boolean) {
  const t = body.trim();
  if (required && !t) throw new AppError('community.post_empty');
  if (t.length > COMMENT_MAX_LENGTH) throw new AppError('community.post_too_long');
  return t;
}

/** Only absolute http(s) addresses (no javascript:, data:, mailto: …). */
function httpLink(raw: string | undefined) {
  const href = raw ? safeHref(raw) : null;
  if (!href || !/^https?:/i.test(href)) throw new AppError('community.link_invalid');
  return href;
}

/** Posts, files and events in a community (issue 15): only its joined members read and write them. */
export function createPostService(ctx: AppContext, communities: CommunityService) {
  const { db, config } = ctx;
  const host = new URL(config.publicUrl).host;

  /** The community, when the actor is a joined member (404 when they may not know it, 403 otherwise). */
  const member = (actor: Actor, communityId: string) =>
    communities.load(actor, communityId, 'community.discuss');

  function present(actor: Actor, p: repo.PostRow, moderates: boolean) {
    const base = `/api/v1/community-posts/${p.id}`;
    return {
      id: p.id,
      communityId: p.communityId,
      kind: p.kind,
      body: p.body,
      url: p.url,
      file:
        p.fileKey && p.fileName && p.fileType
          ? { name: p.fileName, type: p.fileType, size: p.fileSize ?? 0, downloadUrl: `${base}/file` }
          : null,
      event:
        p.title !== null && p.startsAt && p.endsAt
          ? {
              title: p.title,
              startsAt: p.startsAt,
              endsAt: p.endsAt,
              place: p.place ?? '',
              onlineUrl: p.onlineUrl,
              icsUrl: `${base}/event.ics`,
            }
          : null,
      author: { id: p.authorId, name: p.authorName },
      createdAt: p.createdAt,
      replyCount: p.replyCount,
      can: { delete: p.authorId === actor.id || moderates },
    };
  }

  /** The post and its community, when the actor is a joined member there. */
  async function loadPost(actor: Actor, id: string) {
    const p = await repo.getPost(db, id);
    if (!p) throw new AppError('community.post_not_found');
    const c = await member(actor, p.communityId);
    return { p, moderates: can(actor, 'community.moderate', communityResource(c)) };
  }

  async function show(actor: Actor, id: string) {
    const { p, moderates } = await loadPost(actor, id);
    return present(actor, p, moderates);
  }

  return {
    show,

    /** A question, a tip or a link. */
    async create(
      actor: Actor,
      communityId: string,
      v: { kind: 'question' | 'tip' | 'link'; body: string; url?: string },
    ) {
      await member(actor, communityId);
      const url = v.kind === 'link' ? httpLink(v.url) : null;
      if (v.kind !== 'link' && v.url) throw new AppError('community.link_invalid');
      const body = cleanBody(v.body, v.kind !== 'link');
      const id = await db.transaction(async (tx) => {
        const pid = await repo.insertPost(tx, { communityId, authorId: actor.id, kind: v.kind, body, url });
        await audit(tx, actor, 'community.post', 'community', communityId, { postId: pid, kind: v.kind });
        return pid;
      });
      return show(actor, id);
    },

    /** A file: its type is read from its bytes, and must agree with its name. */
    async createFile(actor: Actor, communityId: string, v: { name: string; body: string; bytes: Buffer }) {
      await member(actor, communityId);
      if (v.bytes.length === 0) throw new AppError('community.file_missing');
      if (v.bytes.length > MAX_FILE_BYTES) throw new AppError('community.file_too_large');
      const type = sniffFileType(v.name, v.bytes);
      if (!type) throw new AppError('community.file_type');
      const body = cleanBody(v.body, false);
      const fileKey = `${communityFilesPrefix(communityId)}${randomUUID()}`;
      await ctx.storage.putBytes(fileKey, v.bytes, type);
      const id = await db
        .transaction(async (tx) => {
          const pid = await repo.insertPost(tx, {
            communityId,
            authorId: actor.id,
            kind: 'file',
            body,
            fileKey,
            fileName: v.name,
            fileType: type,
            fileSize: v.bytes.length,
          });
          await audit(tx, actor, 'community.post', 'community', communityId, { postId: pid, kind: 'file' });
          return pid;
        })
        .catch(async (err) => {
          await ctx.storage.delete(fileKey).catch(() => {});
          throw err;
        });
      return show(actor, id);
    },

    /** An event; the other joined members are told (community.event, as their settings say). */
    async createEvent(
      actor: Actor,
      communityId: string,
      v: {
        title: string;
        date: string;
        start: string;
        end: string;
        endDate?: string;
        place: string;
        onlineUrl?: string;
        body: string;
      },
      authorName: string,
    ) {
      const c = await member(actor, communityId);
      const startsAt = copenhagenInstant(v.date, v.start);
      const endsAt = copenhagenInstant(v.endDate ?? v.date, v.end);
      if (!startsAt || !endsAt || endsAt <= startsAt) throw new AppError('community.event_times');
      const onlineUrl = v.onlineUrl ? httpLink(v.onlineUrl) : null;
      if (!v.place && !onlineUrl) throw new AppError('community.event_place');
      const body = cleanBody(v.body, false);
      const id = await db.transaction(async (tx) => {
        const pid = await repo.insertPost(tx, { communityId, authorId: actor.id, kind: 'event', body });
        await repo.insertEvent(tx, {
          postId: pid,
          title: v.title,
          startsAt,
          endsAt,
          place: v.place,
          onlineUrl,
        });
        await audit(tx, actor, 'community.event', 'community', communityId, { postId: pid, title: v.title });
        const others = await tx
          .select({ id: users.id })
          .from(users)
          .where(
            and(communityDiscussants(communityId), ne(users.id, actor.id), ne(users.status, 'disabled')),
          );
        await notifyMany(
          tx,
          others.map((o) => ({
            userId: o.id,
            kind: 'community.event',
            payload: {
              communityId,
              communityName: c.name,
              postId: pid,
              eventTitle: v.title,
              startsAt: startsAt.toISOString(),
              authorName,
            },
          })),
        );
        return pid;
      });
      return show(actor, id);
    },

    /** The community's events that have not ended yet, soonest first. */
    async upcoming(actor: Actor, communityId: string, limit: number, now = new Date()) {
      const c = await member(actor, communityId);
      const moderates = can(actor, 'community.moderate', communityResource(c));
      const rows = await repo.upcomingEvents(db, communityId, now, limit);
      return { items: rows.map((p) => present(actor, p, moderates)) };
    },

    /** The author or a moderator removes a post (its replies and file go with it). */
    async remove(actor: Actor, id: string) {
      const { p, moderates } = await loadPost(actor, id);
      if (p.authorId !== actor.id && !moderates) throw new AppError('policy.forbidden');
      await db.transaction(async (tx) => {
        await repo.deletePost(tx, id);
        await audit(tx, actor, 'community.post_delete', 'community', p.communityId, { postId: id });
      });
      if (p.fileKey) await ctx.storage.delete(p.fileKey).catch(() => {});
      return { ok: true as const };
    },

    /** A file post's file, for a member. */
    async file(actor: Actor, id: string) {
      const { p } = await loadPost(actor, id);
      if (!p.fileKey || !p.fileName || !p.fileType) throw new AppError('community.post_not_found');
      return {
        name: p.fileName,
        type: p.fileType,
        size: p.fileSize ?? 0,
        stream: await ctx.storage.read(p.fileKey),
      };
    },

    /** An event as an iCalendar file (RFC 5545): UTC times, a stable UID, the community page as URL. */
    async ics(actor: Actor, id: string, now = new Date()) {
      const { p } = await loadPost(actor, id);
      if (p.title === null || !p.startsAt || !p.endsAt) throw new AppError('community.post_not_found');
      const page = `${config.publicUrl}/faellesskaber/${p.communityId}/opslag/${p.id}`;
      const body = icsCalendar({
        stamp: now,
        events: [
          {
            uid: `community-event-${p.id}@${host}`,
            start: p.startsAt,
            end: p.endsAt,
            summary: p.title,
            location: p.place || p.onlineUrl || undefined,
            description: [p.body, p.onlineUrl ?? ''].filter(Boolean).join('\n\n') || undefined,
            url: page,
            conferenceUrl: p.onlineUrl,
          },
        ],
      });
      return { fileName: `${asciiFileName(p.title, 'begivenhed')}.ics`, body };
    },
  };
}

export type PostService = ReturnType<typeof createPostService>;
