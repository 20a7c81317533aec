import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISIBILITIES } from '../../shared/constants.js';
import { actorOf } from '../auth/session.js';
import type { Db } from '../db/index.js';
import { users } from '../db/schema.js';
import { seedDemo } from '../demo/index.js';
import { personDetail } from '../modules/people/index.js';
import { demoIds } from '../testing/fixtures.js';
import { createTestDatabase } from '../testing/harness.js';
import { seesVideo } from './index.js';
import { peopleWhoSeeVideo } from './sql-comments.js';
import type { Actor, VideoResource } from './types.js';

/*
 * peopleWhoSeeVideo reads rules.seesVideo from the video's side (who may be @mentioned and notified). For every
 * demo person and every kind of video both must give the same answer.
 */
let db: Db;
let drop: () => Promise<void>;
const actors: Actor[] = [];
const videos: Omit<VideoResource, 'type' | 'id'>[] = [];

beforeAll(async () => {
  const t = await createTestDatabase();
  db = t.database.db;
  drop = t.drop;
  await seedDemo(db);
  const ids = await demoIds(db);
  for (const u of await db.select({ id: users.id }).from(users)) {
    const p = await personDetail(db, u.id);
    if (p) actors.push(actorOf(p));
  }
  const places = [
    { institutionId: ids.institution.Solsikkeskolen, teamId: ids.team.Matematikteamet },
    { institutionId: ids.institution['Børnehuset Mælkebøtten'], teamId: ids.team.Vuggestuen },
    { institutionId: ids.institution.Bakkeskolen, teamId: ids.team.Naturfagsteamet },
  ];
  const kommuneOf = Object.fromEntries(
    (await db.query.institutions.findMany()).map((i) => [i.id, i.kommuneId]),
  ) as Record<string, string>;
  for (const place of places)
    for (const visibility of VISIBILITIES)
      for (const ready of [true, false])
        for (const editorialState of ['none', 'in_review'] as const)
          videos.push({
            ownerId: ids.user.medarbejder,
            institutionId: place.institutionId,
            kommuneId: kommuneOf[place.institutionId],
            teamId: visibility === 'team' ? place.teamId : null,
            visibility,
            ready,
            editorialState,
          });
});
afterAll(() => drop?.());

describe('peopleWhoSeeVideo', () => {
  it('agrees with seesVideo for every person and kind of video', async () => {
    expect(actors.length).toBeGreaterThan(8);
    for (const v of videos) {
      const rows = await db.select({ id: users.id }).from(users).where(peopleWhoSeeVideo(v));
      const bySql = new Set(rows.map((r) => r.id));
      for (const a of actors) expect(bySql.has(a.id), `${a.id} ${JSON.stringify(v)}`).toBe(seesVideo(a, v));
    }
  });
});
