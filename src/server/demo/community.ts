import { inArray, sql } from 'drizzle-orm';
import {
  collections,
  collectionVideos,
  comments,
  communities,
  communityEvents,
  communityMembers,
  communityPosts,
  communityVideos,
  learningPackages,
  packageItems,
  videoNotes,
  videoSignals,
  videoViews,
} from '../db/community-schema.js';
import type { DbOrTx } from '../db/index.js';
import { videos } from '../db/videos-schema.js';
import { copenhagenInstant } from '../modules/notifications/index.js';
import { demoLook } from './look.js';
import { DEMO_COLLECTIONS, DEMO_PACKAGES } from './packages.js';
import { DEMO_COMMUNITIES, DEMO_DISCUSSIONS, DEMO_NOTES, DEMO_SIGNALS, type DemoComment } from './talk.js';
import type { DemoPeople } from './types.js';
import { DEMO_VIDEOS } from './videos.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Inserts the communities, discussions, signals, notes, views, collections and learning packages of the demo
 * (talk.ts, packages.ts) with plain inserts, shaped as their services would write them:
 * the creator of a community is its moderator and joined at creation; replies are one level deeper than their
 * parent; tried/worked/view counters equal the rows they count. Anything that refers to a video that was not
 * seeded (a test seeding a subset) is left out.
 */
export async function seedDemoCommunity(
  tx: DbOrTx,
  d: { people: DemoPeople; videos: Map<string, string>; now: Date },
) {
  const ago = (ms: number) => new Date(d.now.getTime() - ms);
  const who = (local: string) => {
    const p = d.people.get(local);
    if (!p) throw new Error(`demo content: unknown person ${local}`);
    return p.id;
  };
  const vid = (slug: string) => d.videos.get(slug);

  for (const c of DEMO_COMMUNITIES) {
    const createdAt = ago(c.daysAgo * DAY);
    const [row] = await tx
      .insert(communities)
      .values({ name: c.name, description: c.description, access: c.access, createdBy: who(c.by), createdAt })
      .returning({ id: communities.id });
    const members = [
      { communityId: row.id, userId: who(c.by), role: 'moderator' as const, joinedAt: createdAt, createdAt },
      ...c.members.map((m, i) => {
        const at = new Date(createdAt.getTime() + (i + 1) * 2 * DAY);
        const role = c.moderators?.includes(m) ? ('moderator' as const) : ('member' as const);
        const invitedBy = c.access === 'invite' ? who(c.by) : null;
        return { communityId: row.id, userId: who(m), role, joinedAt: at, invitedBy, createdAt: at };
      }),
      ...(c.invited ?? []).map((m) => ({
        communityId: row.id,
        userId: who(m),
        role: 'member' as const,
        joinedAt: null,
        invitedBy: who(c.by),
        createdAt: ago(3 * DAY),
      })),
    ];
    await tx.insert(communityMembers).values(members);
    const shared = c.videos
      .filter(([slug]) => vid(slug))
      .map(([slug, by], i) => ({
        communityId: row.id,
        videoId: vid(slug) as string,
        addedBy: who(by),
        addedAt: ago((c.daysAgo / (i + 2)) * DAY),
      }));
    if (shared.length) await tx.insert(communityVideos).values(shared);

    // Members' posts, with replies, and coming events (issue 15).
    for (const p of c.posts ?? []) {
      const [post] = await tx
        .insert(communityPosts)
        .values({
          communityId: row.id,
          authorId: who(p.by),
          kind: p.kind,
          body: p.text,
          url: p.url ?? null,
          createdAt: ago(p.hoursAgo * HOUR),
        })
        .returning({ id: communityPosts.id });
      if (p.replies) await thread({ postId: post.id }, p.replies, null, 0);
    }
    for (const e of c.events ?? []) {
      const day = new Date(d.now.getTime() + e.inDays * DAY).toISOString().slice(0, 10);
      const [post] = await tx
        .insert(communityPosts)
        .values({
          communityId: row.id,
          authorId: who(e.by),
          kind: 'event',
          body: e.text,
          createdAt: ago(e.hoursAgo * HOUR),
        })
        .returning({ id: communityPosts.id });
      await tx.insert(communityEvents).values({
        postId: post.id,
        title: e.title,
        startsAt: copenhagenInstant(day, e.start) as Date,
        endsAt: copenhagenInstant(day, e.end) as Date,
        place: e.place,
        onlineUrl: e.onlineUrl ?? null,
      });
    }
  }

  // Threads (on a video or a post): each reply one level deeper than its parent, and written after it.
  async function thread(
    on: { videoId: string } | { postId: string },
    list: DemoComment[],
    parentId: string | null,
    depth: number,
  ) {
    for (const c of list) {
      const [row] = await tx
        .insert(comments)
        .values({
          ...on,
          authorId: who(c.by),
          parentId,
          depth,
          body: c.text,
          anchorSeconds: c.at ?? null,
          createdAt: ago(c.hoursAgo * HOUR),
        })
        .returning({ id: comments.id });
      if (c.replies) await thread(on, c.replies, row.id, depth + 1);
    }
  }
  for (const [slug, list] of Object.entries(DEMO_DISCUSSIONS)) {
    const id = vid(slug);
    if (id) await thread({ videoId: id }, list, null, 0);
  }
  // Whoever was answered has a notification about it, as if the replies had been written in the app: the newer
  // ones (the last three days) unread, so the bell has something to show; no e-mails for the past.
  const discussed = Object.keys(DEMO_DISCUSSIONS)
    .map(vid)
    .filter((id): id is string => !!id);
  if (discussed.length)
    await tx.execute(sql`
      insert into notifications (user_id, kind, payload, created_at, read_at)
      select p.author_id, 'comment.reply',
             jsonb_build_object('videoId', v.id, 'videoTitle', v.title, 'commentId', c.id,
                                'authorName', u.name, 'excerpt', left(c.body, 140)),
             c.created_at,
             case when c.created_at < ${ago(3 * DAY)} then c.created_at + interval '2 hours' end
      from comments c
      join comments p on p.id = c.parent_id
      join videos v on v.id = c.video_id
      join users u on u.id = c.author_id
      where c.video_id in (${sql.join(
        discussed.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
        and p.author_id is not null and c.author_id <> p.author_id`);

  const signals = DEMO_SIGNALS.filter(([slug]) => vid(slug)).map(
    ([slug, by, worked, reflection, shared], i) => {
      const at = ago((3 + (i % 9)) * DAY + i * HOUR);
      return {
        videoId: vid(slug) as string,
        userId: who(by),
        triedAt: at,
        worked,
        reflection: reflection ?? null,
        reflectionShared: !!reflection && !!shared,
        updatedAt: at,
      };
    },
  );
  if (signals.length) await tx.insert(videoSignals).values(signals);

  const notes = DEMO_NOTES.filter(([slug]) => vid(slug)).map(([slug, by, body]) => ({
    videoId: vid(slug) as string,
    userId: who(by),
    body,
    updatedAt: ago(2 * DAY),
  }));
  if (notes.length) await tx.insert(videoNotes).values(notes);

  // Views of the published videos, for the statistics: a few each, by demo people and anonymous viewers.
  const viewers = [...d.people.values()].map((p) => p.id);
  const views: (typeof videoViews.$inferInsert)[] = [];
  for (const [i, v] of DEMO_VIDEOS.entries()) {
    const id = vid(v.slug);
    if (!id || (v.kind ?? 'published') !== 'published') continue;
    const seconds = demoLook(i, v.title).seconds;
    for (let n = 0; n < 3 + ((i * 7) % 17); n++) {
      const whole = (i + n) % 3 !== 0;
      views.push({
        videoId: id,
        userId: (i + n) % 5 === 0 ? null : viewers[(i * 3 + n) % viewers.length],
        startedAt: ago(((i + n * 5) % 28) * DAY + (n + 1) * HOUR),
        watchedSeconds: whole ? seconds : Math.round(seconds * (0.2 + ((i + n) % 5) / 10)),
        completed: whole,
      });
    }
  }
  if (views.length) await tx.insert(videoViews).values(views);

  const editor = who('redaktoer');
  for (const [position, c] of DEMO_COLLECTIONS.entries()) {
    const [row] = await tx
      .insert(collections)
      .values({
        title: c.title,
        description: c.description,
        position,
        createdBy: editor,
        createdAt: ago((30 - position) * DAY),
      })
      .returning({ id: collections.id });
    const list = c.videos
      .filter(vid)
      .map((slug, i) => ({ collectionId: row.id, videoId: vid(slug) as string, position: i }));
    if (list.length) await tx.insert(collectionVideos).values(list);
  }

  for (const p of DEMO_PACKAGES) {
    const owner = d.people.get(p.owner);
    if (!owner) throw new Error(`demo content: unknown person ${p.owner}`);
    const at = ago(p.daysAgo * DAY);
    const [row] = await tx
      .insert(learningPackages)
      .values({
        title: p.title,
        description: p.description,
        facilitationGuide: p.facilitationGuide,
        ownerId: owner.id,
        institutionId: p.local ? owner.institutionId : null,
        kommuneId: p.local ? owner.kommuneId : null,
        visibility: p.visibility,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: learningPackages.id });
    const items = p.items
      .filter(([kind, , , slug]) => kind !== 'video' || (slug && vid(slug)))
      .map(([kind, title, body, slug], position) => ({
        packageId: row.id,
        position,
        kind,
        videoId: slug ? (vid(slug) ?? null) : null,
        title,
        body,
      }));
    await tx.insert(packageItems).values(items);
  }

  // The counters the catalogue sorts and shows by, equal to the rows they count.
  const ids = [...d.videos.values()];
  if (ids.length)
    await tx
      .update(videos)
      .set({
        triedCount: sql`(select count(*) from video_signals s where s.video_id = ${videos.id})::int`,
        workedCount: sql`(select count(*) from video_signals s where s.video_id = ${videos.id} and s.worked)::int`,
        viewCount: sql`(select count(*) from video_views w where w.video_id = ${videos.id})::int`,
      })
      .where(inArray(videos.id, ids));
}
