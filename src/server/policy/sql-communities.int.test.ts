import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityRole } from '../../shared/catalogue.js';
import { communities, communityMembers } from '../db/community-schema.js';
import type { Db } from '../db/index.js';
import { users } from '../db/schema.js';
import { AGREEMENT_ACTORS, actorFor, agreementWorld, sorted } from './agreement.testing.js';
import { type CommunityResource, can } from './index.js';
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
      places.push({ id: c.id, access, members });
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
