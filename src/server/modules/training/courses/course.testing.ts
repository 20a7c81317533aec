import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import { roleGrants } from '../../../db/schema.js';
import { trainingCourses, trainingCourseVideos, trainingRequests } from '../../../db/training-schema.js';
import { termId } from '../../../testing/catalogue.js';
import type { TestClient } from '../../../testing/harness.js';

/** Test helpers for training courses: proposals made straight in the database (as demand/service.ts would). */

export type Ask = { userId: string; videoId?: string | null; teamId?: string | null };

/** The institution a person holds a role in (their first), as a request remembers it. */
async function institutionOf(db: DbOrTx, userId: string) {
  const [g] = await db
    .select({ institutionId: roleGrants.institutionId })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId));
  return g?.institutionId ?? null;
}

/** A proposal (state `proposed`) for a new method `label`, with these people's requests counted toward it. */
export async function makeProposal(db: DbOrTx, label: string, asks: Ask[]) {
  const methodId = await termId(db, 'method', label);
  const [course] = await db
    .insert(trainingCourses)
    .values({ methodId, calendarToken: randomBytes(24).toString('base64url') })
    .returning({ id: trainingCourses.id, calendarToken: trainingCourses.calendarToken });
  for (const a of asks)
    await db.insert(trainingRequests).values({
      methodId,
      userId: a.userId,
      videoId: a.videoId ?? null,
      teamId: a.teamId ?? null,
      requestedBy: a.userId,
      institutionId: await institutionOf(db, a.userId),
      courseId: course.id,
    });
  const videoIds = [...new Set(asks.map((a) => a.videoId).filter((v): v is string => !!v))];
  if (videoIds.length)
    await db
      .insert(trainingCourseVideos)
      .values(videoIds.map((videoId) => ({ courseId: course.id, videoId })));
  return { id: course.id, token: course.calendarToken, methodId };
}

/** A start some days ahead at a given UTC hour, and an end two hours later, as ISO strings. */
export function sessionAt(daysAhead: number, hourUtc = 8) {
  const start = new Date();
  start.setUTCDate(start.getUTCDate() + daysAhead);
  start.setUTCHours(hourUtc, 0, 0, 0);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString() };
}

/**
 * Fills in a proposal through the API (title, seats, the client as trainer, one session) and plans it;
 * `open` opens it as well. Returns the course page.
 */
export async function planCourse(
  planner: TestClient,
  courseId: string,
  opts: {
    trainerId: string;
    capacity?: number;
    institutionIds?: string[];
    title?: string;
    open?: boolean;
  },
) {
  const base = `/api/v1/training/courses/${courseId}`;
  const put = await planner.put(base, {
    title: opts.title ?? 'Træningsforløb',
    description: 'Beskrivelse',
    capacity: opts.capacity ?? 10,
    trainerIds: [opts.trainerId],
    institutionIds: opts.institutionIds ?? [],
  });
  if (put.statusCode !== 200) throw new Error(`plan: PUT ${put.statusCode} ${put.body}`);
  const ses = await planner.post(`${base}/sessions`, { ...sessionAt(7), place: 'Lokale 1' });
  if (ses.statusCode !== 201) throw new Error(`plan: session ${ses.statusCode} ${ses.body}`);
  const planned = await planner.post(`${base}/state`, { to: 'planned' });
  if (planned.statusCode !== 200) throw new Error(`plan: state ${planned.statusCode} ${planned.body}`);
  if (!opts.open) return planned.json();
  const opened = await planner.post(`${base}/state`, { to: 'open' });
  if (opened.statusCode !== 200) throw new Error(`plan: open ${opened.statusCode} ${opened.body}`);
  return opened.json();
}
