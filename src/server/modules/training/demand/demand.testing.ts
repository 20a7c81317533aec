import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../testing/fixtures.js';
import type { TestClient } from '../../../testing/harness.js';

/** Helpers for the tests of asking for training and the overview. */

export type Demand = {
  method: { id: string; label: string };
  count: number;
  threshold: number;
  missing: number;
  mine: { asked: boolean; viaTeam: { id: string; name: string } | null; requestedByName: string | null };
  teams: { id: string; name: string; memberCount: number; alreadyAsked: number }[];
  course: { id: string; state: string; title: string } | null;
};

/** Sets the threshold as the administrator (and checks it took). */
export async function useThreshold(admin: TestClient, threshold: number) {
  const res = await admin.put('/api/v1/training/settings', { threshold });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().threshold).toBe(threshold);
}

/** Asks for training; expects 200 and returns the demand view. */
export async function ask(c: TestClient, body: { methodId: string; videoId?: string; teamId?: string }) {
  const res = await c.post('/api/v1/training/requests', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Demand;
}

export async function demandOf(c: TestClient, methodId: string) {
  const res = await c.get(`/api/v1/training/methods/${methodId}/demand`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Demand;
}

/** The method's courses, straight from the database. */
export function coursesOf(db: DbOrTx, methodId: string) {
  return rows<{ id: string; state: string }>(
    db,
    sql`select id, state from training_courses where method_id = ${methodId}`,
  );
}

/** The method's requests, straight from the database. */
export function requestsOf(db: DbOrTx, methodId: string) {
  return rows<{
    user_id: string;
    course_id: string | null;
    team_id: string | null;
    requested_by: string | null;
    video_id: string | null;
    institution_id: string | null;
  }>(
    db,
    sql`select user_id, course_id, team_id, requested_by, video_id, institution_id
        from training_requests where method_id = ${methodId}`,
  );
}

/** Training notifications about a method: who got which kind, with the payload. */
export function notificationsAbout(db: DbOrTx, methodId: string) {
  return rows<{ user_id: string; kind: string; payload: Record<string, string | number | null> }>(
    db,
    sql`select user_id, kind, payload from notifications where payload->>'methodId' = ${methodId}`,
  );
}

/** Who got a notification of this kind (sorted ids; each as many times as they got one). */
export const recipients = (list: { user_id: string; kind: string }[], kind: string) =>
  list
    .filter((n) => n.kind === kind)
    .map((n) => n.user_id)
    .sort();
