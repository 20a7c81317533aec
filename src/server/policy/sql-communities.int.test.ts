import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityRole } from '../../shared/catalogue.js';
import { comments, communities, communityMembers, communityPosts } from '../db/community-schema.js';
import type { Db } from '../db/index.js';
import { users } from '../db/schema.js';
import { videos } from '../db/videos-schema.js';
import { AGREEMENT_ACTORS, actorFor, agreementWorld, sorted } from './agreement.testing.js';
import { type CommentResource, type CommunityResource, can } from './index.js';
import { moderatedComments } from './sql-comments.js';
import { communityDiscussants } from './sql-communities.js';

/*
 * Who hears of replies and new events in a community, and who may be @mentioned there, is read with
 * sql-communities.communityDiscussants; whether one person may read and write a community's posts is the
 * community.discuss rule. For every actor and every kind of membership (none, invited, member, moderator, in
 * an open and an invite-only community) the two must agree.
 */
let db: Db;
let drop: () => Promise<void>;
let userId: Record<string, string> = {};
type Place = {
  id: string;
  access: 'open' | 'invite';
  members: Map<string, { role: CommunityRole; joined: boolean }>;
  /** A reply to a post there, written by `nobody`. */
  replyId: string;
};
const places: Place[] = [];

beforeAll(async () => {
  ({ db, drop, userId } = await agreementWorld({
    medarbejder: 'Bakkeskolen',
    ressourceperson: 'Klub Lynet',
  }));
  const states = [
    null,
    { role: 'member', joined: false },
    { role: 'member', joined: true },
    { role: 'moderator', joined: true },
  ] as const;
  let n = 0;
  for (const access of ['open', 'invite'] as const)
    for (let shift = 0; shift < states.length; shift++) {
      const [c] = await db
        .insert(communities)
        .values({ name: `c${n++}`, access })
        .returning();
      const members = new Map<string, { role: CommunityRole; joined: boolean }>();
      AGREEMENT_ACTORS.forEach((key, i) => {
        const s = states[(i + shift) % states.length];
        if (s) members.set(userId[key], { role: s.role, joined: s.joined });
      });
      if (members.size)
        await db.insert(communityMembers).values(
          [...members].map(([uid, m]) => ({
            communityId: c.id,
            userId: uid,
            role: m.role,
            joinedAt: m.joined ? new Date() : null,
          })),
        );
      const [p] = await db
        .insert(communityPosts)
        .values({ communityId: c.id, authorId: userId.nobody, kind: 'question', body: 'Hvordan?' })
        .returning();
      const [reply] = await db
        .insert(comments)
        .values({ postId: p.id, authorId: userId.nobody, body: 'Sådan.' })
        .returning();
      places.push({ id: c.id, access, members, replyId: reply.id });
    }
});
afterAll(() => drop?.());

describe('communityDiscussants agrees with community.discuss', () => {
  it('for every actor and every kind of membership', async () => {
    expect(places.length).toBe(8);
    for (const place of places) {
      const viaSql = sorted(
        (await db.select({ id: users.id }).from(users).where(communityDiscussants(place.id))).map(
          (r) => r.id,
        ),
      );
      expect(viaSql.length).toBeGreaterThan(0);
      for (const key of AGREEMENT_ACTORS) {
        const actor = await actorFor(db, userId[key]);
        const resource: CommunityResource = {
          type: 'community',
          id: place.id,
          access: place.access,
          membership: place.members.get(actor.id) ?? null,
        };
        expect(
          viaSql.includes(actor.id),
          `${key} in ${place.access} ${JSON.stringify(resource.membership)}`,
        ).toBe(can(actor, 'community.discuss', resource));
      }
    }
  });
});

describe('moderatedComments agrees with comment.hide on replies to community posts', () => {
  it('for every actor and every kind of membership', async () => {
    let allowed = 0;
    for (const place of places)
      for (const key of AGREEMENT_ACTORS) {
        const actor = await actorFor(db, userId[key]);
        const membership = place.members.get(actor.id) ?? null;
        const resource: CommentResource = {
          type: 'comment',
          id: place.replyId,
          authorId: userId.nobody,
          moderates: membership?.role === 'moderator' && membership.joined,
          community: { type: 'community', id: place.id, access: place.access, membership },
        };
        const rows = await db
          .select({ id: comments.id })
          .from(comments)
          .leftJoin(videos, eq(videos.id, comments.videoId))
          .where(and(eq(comments.id, place.replyId), moderatedComments(actor)));
        const may = can(actor, 'comment.hide', resource);
        if (may) allowed++;
        expect(rows.length === 1, `${key} in ${place.access} ${JSON.stringify(membership)}`).toBe(may);
      }
    expect(allowed).toBeGreaterThan(0);
  });
});
