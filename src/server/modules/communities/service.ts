import type { CommunityAccess, CommunityRole } from '../../../shared/catalogue.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { isUniqueViolation } from '../../db/rows.js';
import { AppError } from '../../http/errors.js';
import { type Actor, authorize, type CommunityResource, can, personResource } from '../../policy/index.js';
import { visibleCommunities } from '../../policy/sql-communities.js';
import { audit } from '../audit.js';
import { findUserById } from '../auth/index.js';
import { notify } from '../notifications/index.js';
import { personDetail } from '../people/index.js';
import { type VideoService, videoResource } from '../videos/index.js';
import { decodeNameCursor, encodeNameCursor } from './cursor.js';
import { communityFilesPrefix } from './file-type.js';
import * as repo from './repo.js';

export const communityResource = (c: { id: string; access: CommunityAccess; membership: repo.Membership }) =>
  ({ type: 'community', id: c.id, access: c.access, membership: c.membership }) satisfies CommunityResource;

/** What the API shows of a community, with what the viewer may do in it. */
export function presentCommunity(actor: Actor, c: repo.CommunityRow) {
  const r = communityResource(c);
  const m = c.membership;
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    access: c.access,
    createdAt: c.createdAt,
    memberCount: c.memberCount,
    membership: m,
    can: {
      join: !m?.joined && can(actor, 'community.join', r),
      leave: m !== null,
      post: can(actor, 'community.post', r),
      moderate: can(actor, 'community.moderate', r),
    },
  };
}

const unique = <T>(p: Promise<T>) =>
  p.catch((err) => {
    if (isUniqueViolation(err)) throw new AppError('community.name_taken');
    throw err;
  });

export function createCommunityService(ctx: AppContext, videos: VideoService) {
  const { db } = ctx;

  /** The community when the actor may `action` in it (404 when they may not know it exists, 403 otherwise). */
  async function load(actor: Actor, id: string, action: Parameters<typeof authorize>[1] = 'community.read') {
    const c = await repo.getCommunity(db, id, actor.id);
    if (!c) throw new AppError('community.not_found');
    authorize(actor, action, communityResource(c));
    return c;
  }

  const detail = async (actor: Actor, id: string) =>
    presentCommunity(actor, (await repo.getCommunity(db, id, actor.id)) as repo.CommunityRow);

  /** Refuses when removing `userId` as a moderator would leave the community without one. */
  async function keepAModerator(tx: DbOrTx, communityId: string, userId: string) {
    const m = await repo.getMember(tx, communityId, userId);
    if (m?.role === 'moderator' && m.joinedAt && (await repo.otherModerators(tx, communityId, userId)) === 0)
      throw new AppError('community.last_moderator');
    return m;
  }

  return {
    load,

    async list(
      actor: Actor,
      opts: {
        q?: string;
        membership?: 'joined' | 'invited' | 'none';
        videoId?: string;
        cursor?: string;
        limit: number;
      },
    ) {
      // Whether a video is shared in each community is only told about a video the actor may see.
      if (opts.videoId) await videos.load(actor, opts.videoId, 'video.read');
      const after = opts.cursor ? decodeNameCursor(opts.cursor) : undefined;
      const rows = await repo.listCommunities(db, visibleCommunities(actor), actor.id, { ...opts, after });
      const items = rows.slice(0, opts.limit);
      const last = items.at(-1);
      return {
        items: items.map((c) => ({
          ...presentCommunity(actor, c),
          ...(opts.videoId ? { videoShared: !!c.videoShared } : {}),
        })),
        nextCursor: rows.length > opts.limit && last ? encodeNameCursor(last) : null,
      };
    },

    async get(actor: Actor, id: string) {
      return presentCommunity(actor, await load(actor, id));
    },

    async create(actor: Actor, v: { name: string; description: string; access: CommunityAccess }) {
      authorize(actor, 'community.create', { type: 'instance' });
      const id = await unique(
        db.transaction(async (tx) => {
          const cid = await repo.insertCommunity(tx, { ...v, createdBy: actor.id });
          await repo.insertMember(tx, {
            communityId: cid,
            userId: actor.id,
            role: 'moderator',
            joined: true,
          });
          await audit(tx, actor, 'community.create', 'community', cid, v);
          return cid;
        }),
      );
      return detail(actor, id);
    },

    async update(
      actor: Actor,
      id: string,
      v: { name?: string; description?: string; access?: CommunityAccess },
    ) {
      await load(actor, id, 'community.moderate');
      await unique(
        db.transaction(async (tx) => {
          await repo.updateCommunity(tx, id, v);
          await audit(tx, actor, 'community.update', 'community', id, v);
        }),
      );
      return detail(actor, id);
    },

    async remove(actor: Actor, id: string) {
      const c = await load(actor, id, 'community.moderate');
      await db.transaction(async (tx) => {
        await repo.deleteCommunity(tx, id);
        await audit(tx, actor, 'community.delete', 'community', id, { name: c.name });
      });
      // The files shared there go with it (their posts went with the community's rows).
      await ctx.storage.deletePrefix(communityFilesPrefix(id)).catch(() => 0);
    },

    /** Joins an open community, or accepts an invitation. Joining again changes nothing. */
    async join(actor: Actor, id: string) {
      const c = await load(actor, id, 'community.join');
      if (!c.membership)
        await repo
          .insertMember(db, { communityId: id, userId: actor.id, role: 'member', joined: true })
          .catch((err) => {
            if (!isUniqueViolation(err)) throw err; // a parallel join won
          });
      else if (!c.membership.joined) await repo.acceptInvitation(db, id, actor.id);
      ctx.events.publish({ type: 'search.changed' }); // "popular in my communities" on the home page
      return detail(actor, id);
    },

    /** Leaves the community, or declines an invitation. The last moderator must hand over first. */
    async leave(actor: Actor, id: string) {
      const c = await load(actor, id);
      if (!c.membership) throw new AppError('community.not_member');
      await db.transaction(async (tx) => {
        await repo.lockCommunity(tx, id);
        await keepAModerator(tx, id, actor.id);
        await repo.deleteMember(tx, id, actor.id);
      });
      ctx.events.publish({ type: 'search.changed' });
      // An invite-only community is hidden from the person once they have left it.
      const after = await repo.getCommunity(db, id, actor.id);
      return after && can(actor, 'community.read', communityResource(after))
        ? presentCommunity(actor, after)
        : null;
    },

    async members(actor: Actor, id: string, opts: { invited: boolean; cursor?: string; limit: number }) {
      // Everyone who may see the community sees its members; only moderators see who is invited.
      await load(actor, id, opts.invited ? 'community.moderate' : 'community.read');
      const after = opts.cursor ? decodeNameCursor(opts.cursor) : undefined;
      const rows = await repo.listMembers(db, id, { ...opts, after });
      const items = rows.slice(0, opts.limit);
      const last = items.at(-1);
      return {
        items: items.map((m) => ({
          id: m.id,
          name: m.name,
          role: m.role,
          joinedAt: m.joinedAt,
          invitedAt: m.joinedAt ? null : m.invitedAt,
        })),
        nextCursor: rows.length > opts.limit && last ? encodeNameCursor(last) : null,
      };
    },

    /** A moderator invites a person they may see (people policy); the person is notified in the app. */
    async invite(actor: Actor, id: string, personId: string) {
      const c = await load(actor, id, 'community.moderate');
      const person = await personDetail(db, personId);
      if (!person) throw new AppError('person.not_found');
      authorize(actor, 'person.read', personResource(personId, person.grants));
      if (person.status === 'disabled') throw new AppError('person.not_found');
      const inviter = await findUserById(db, actor.id);
      await db.transaction(async (tx) => {
        await repo
          .insertMember(tx, {
            communityId: id,
            userId: personId,
            role: 'member',
            joined: false,
            invitedBy: actor.id,
          })
          .catch((err) => {
            if (isUniqueViolation(err)) throw new AppError('community.already_member');
            throw err;
          });
        await notify(tx, personId, 'community.invited', {
          communityId: id,
          communityName: c.name,
          invitedById: actor.id,
          invitedByName: inviter?.name ?? null,
        });
        await audit(tx, actor, 'community.invite', 'community', id, { personId });
      });
    },

    async setRole(actor: Actor, id: string, personId: string, role: CommunityRole) {
      await load(actor, id, 'community.moderate');
      await db.transaction(async (tx) => {
        await repo.lockCommunity(tx, id);
        const m =
          role === 'member' ? await keepAModerator(tx, id, personId) : await repo.getMember(tx, id, personId);
        if (!m?.joinedAt) throw new AppError('community.not_member');
        await repo.setRole(tx, id, personId, role);
        await audit(tx, actor, 'community.set_role', 'community', id, { personId, role });
      });
    },

    /** Removes a member, or withdraws an invitation. */
    async removeMember(actor: Actor, id: string, personId: string) {
      await load(actor, id, 'community.moderate');
      await db.transaction(async (tx) => {
        await repo.lockCommunity(tx, id);
        const m = await keepAModerator(tx, id, personId);
        if (!m) throw new AppError('community.not_member');
        await repo.deleteMember(tx, id, personId);
        await audit(tx, actor, 'community.remove_member', 'community', id, {
          personId,
          invited: !m.joinedAt,
        });
      });
    },

    /** A member shares a video they may see into the community. Private or unfinished videos cannot be shared. */
    async shareVideo(actor: Actor, id: string, videoId: string) {
      await load(actor, id, 'community.post');
      const v = await videos.load(actor, videoId, 'video.read');
      authorize(actor, 'video.engage', videoResource(v));
      if (v.status !== 'ready' || v.visibility === 'private')
        throw new AppError('community.video_not_shareable');
      if (!(await repo.insertShare(db, id, videoId, actor.id)))
        throw new AppError('community.video_already_shared');
    },

    /** Whoever shared a video removes it again; moderators remove any (audited). */
    async unshareVideo(actor: Actor, id: string, videoId: string) {
      const c = await load(actor, id);
      const share = await repo.getShare(db, id, videoId);
      if (!share) throw new AppError('community.share_not_found');
      const own = share.addedBy === actor.id && c.membership !== null;
      if (!own) authorize(actor, 'community.moderate', communityResource(c));
      await db.transaction(async (tx) => {
        await repo.deleteShare(tx, id, videoId);
        if (!own)
          await audit(tx, actor, 'community.remove_video', 'community', id, {
            videoId,
            addedBy: share.addedBy,
          });
      });
    },
  };
}

export type CommunityService = ReturnType<typeof createCommunityService>;
