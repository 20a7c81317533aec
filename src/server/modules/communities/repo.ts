import { and, asc, eq, gt, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { CommunityAccess, CommunityRole } from '../../../shared/catalogue.js';
import { communities, communityMembers, communityVideos } from '../../db/community-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { users } from '../../db/schema.js';

export type Membership = { role: CommunityRole; joined: boolean } | null;
export type NameCursor = { name: string; id: string };

const memberCount = sql<number>`(select count(*)::int from ${communityMembers} mc
  where mc.community_id = ${communities.id} and mc.joined_at is not null)`;

/** The actor's own membership row as { role, joined } or null. */
const membershipOf = (userId: string) => sql<Membership>`(select json_build_object(
    'role', mm.role, 'joined', mm.joined_at is not null)
  from ${communityMembers} mm where mm.community_id = ${communities.id} and mm.user_id = ${userId || null})`;

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;

/** One community with the actor's membership and the number of members (one query). */
export async function getCommunity(db: DbOrTx, id: string, userId: string) {
  const [row] = await db
    .select({
      id: communities.id,
      name: communities.name,
      description: communities.description,
      access: communities.access,
      createdAt: communities.createdAt,
      memberCount,
      membership: membershipOf(userId),
    })
    .from(communities)
    .where(eq(communities.id, id));
  return row;
}
export type CommunityRow = NonNullable<Awaited<ReturnType<typeof getCommunity>>>;

/**
 * Communities matching `visible` (the policy SQL form), by name, `limit` rows after the cursor. `membership`
 * narrows to the ones the actor has joined, is invited to, or has no part in; `videoId` adds whether that
 * video is shared in each.
 */
export async function listCommunities(
  db: DbOrTx,
  visible: SQL,
  userId: string,
  opts: {
    q?: string;
    membership?: 'joined' | 'invited' | 'none';
    videoId?: string;
    after?: NameCursor;
    limit: number;
  },
) {
  const filters: (SQL | undefined)[] = [visible];
  if (opts.q) filters.push(sql`lower(${communities.name}) like ${likePattern(opts.q)}`);
  const mine = (joined: boolean) =>
    sql`exists (select 1 from ${communityMembers} fm where fm.community_id = ${communities.id}
      and fm.user_id = ${userId} and fm.joined_at is ${joined ? sql`not null` : sql`null`})`;
  if (opts.membership === 'joined') filters.push(mine(true));
  if (opts.membership === 'invited') filters.push(mine(false));
  if (opts.membership === 'none')
    filters.push(sql`not exists (select 1 from ${communityMembers} fm
      where fm.community_id = ${communities.id} and fm.user_id = ${userId || null})`);
  if (opts.after)
    filters.push(
      or(
        gt(sql`lower(${communities.name})`, opts.after.name),
        and(eq(sql`lower(${communities.name})`, opts.after.name), gt(communities.id, opts.after.id)),
      ),
    );
  return db
    .select({
      id: communities.id,
      name: communities.name,
      description: communities.description,
      access: communities.access,
      createdAt: communities.createdAt,
      memberCount,
      membership: membershipOf(userId),
      videoShared: opts.videoId
        ? sql<boolean>`exists (select 1 from ${communityVideos} sv
            where sv.community_id = ${communities.id} and sv.video_id = ${opts.videoId})`
        : sql<boolean | null>`null`,
    })
    .from(communities)
    .where(and(...filters))
    .orderBy(asc(sql`lower(${communities.name})`), asc(communities.id))
    .limit(opts.limit + 1);
}

export async function insertCommunity(
  db: DbOrTx,
  v: { name: string; description: string; access: CommunityAccess; createdBy: string },
) {
  const [row] = await db.insert(communities).values(v).returning({ id: communities.id });
  return row.id;
}

export async function updateCommunity(
  db: DbOrTx,
  id: string,
  v: { name?: string; description?: string; access?: CommunityAccess },
) {
  await db.update(communities).set(v).where(eq(communities.id, id));
}

export async function deleteCommunity(db: DbOrTx, id: string) {
  await db.delete(communities).where(eq(communities.id, id));
}

/** Locks the community row for the rest of the transaction (membership changes that check "last moderator"). */
export async function lockCommunity(db: DbOrTx, id: string) {
  await db.execute(sql`select id from ${communities} where id = ${id} for update`);
}

// ── Members ──

export async function getMember(db: DbOrTx, communityId: string, userId: string) {
  const [row] = await db
    .select({ role: communityMembers.role, joinedAt: communityMembers.joinedAt })
    .from(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, userId)));
  return row;
}

export async function insertMember(
  db: DbOrTx,
  v: { communityId: string; userId: string; role: CommunityRole; joined: boolean; invitedBy?: string },
) {
  await db.insert(communityMembers).values({
    communityId: v.communityId,
    userId: v.userId,
    role: v.role,
    joinedAt: v.joined ? sql`now()` : null,
    invitedBy: v.invitedBy ?? null,
  });
}

export async function acceptInvitation(db: DbOrTx, communityId: string, userId: string) {
  await db
    .update(communityMembers)
    .set({ joinedAt: sql`now()` })
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        eq(communityMembers.userId, userId),
        isNull(communityMembers.joinedAt),
      ),
    );
}

export async function setRole(db: DbOrTx, communityId: string, userId: string, role: CommunityRole) {
  await db
    .update(communityMembers)
    .set({ role })
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, userId)));
}

export async function deleteMember(db: DbOrTx, communityId: string, userId: string) {
  await db
    .delete(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, userId)));
}

/** Joined moderators other than `exceptUserId`. */
export async function otherModerators(db: DbOrTx, communityId: string, exceptUserId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(communityMembers)
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        eq(communityMembers.role, 'moderator'),
        isNotNull(communityMembers.joinedAt),
        ne(communityMembers.userId, exceptUserId),
      ),
    );
  return row.n;
}

/** Joined members (or pending invitations) by name, `limit` rows after the cursor. */
export async function listMembers(
  db: DbOrTx,
  communityId: string,
  opts: { invited: boolean; after?: NameCursor; limit: number },
) {
  const after = opts.after
    ? or(
        gt(sql`lower(${users.name})`, opts.after.name),
        and(eq(sql`lower(${users.name})`, opts.after.name), gt(users.id, opts.after.id)),
      )
    : undefined;
  return db
    .select({
      id: users.id,
      name: users.name,
      role: communityMembers.role,
      joinedAt: communityMembers.joinedAt,
      invitedAt: communityMembers.createdAt,
    })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        opts.invited ? isNull(communityMembers.joinedAt) : isNotNull(communityMembers.joinedAt),
        after,
      ),
    )
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
    .limit(opts.limit + 1);
}

// ── Shared videos ──

/** Shares the video; false when it was already shared there. */
export async function insertShare(db: DbOrTx, communityId: string, videoId: string, addedBy: string) {
  const rows = await db
    .insert(communityVideos)
    .values({ communityId, videoId, addedBy })
    .onConflictDoNothing()
    .returning({ videoId: communityVideos.videoId });
  return rows.length > 0;
}

export async function getShare(db: DbOrTx, communityId: string, videoId: string) {
  const [row] = await db
    .select({ addedBy: communityVideos.addedBy, addedAt: communityVideos.addedAt })
    .from(communityVideos)
    .where(and(eq(communityVideos.communityId, communityId), eq(communityVideos.videoId, videoId)));
  return row;
}

export async function deleteShare(db: DbOrTx, communityId: string, videoId: string) {
  await db
    .delete(communityVideos)
    .where(and(eq(communityVideos.communityId, communityId), eq(communityVideos.videoId, videoId)));
}
