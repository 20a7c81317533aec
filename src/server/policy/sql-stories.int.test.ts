import { eq, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY_STATES, STORY_VISIBILITIES } from '../../shared/inquiry.js';
import type { Db } from '../db/index.js';
import { practiceStories } from '../db/inquiry-schema.js';
import { institutions, teamMemberships, teams } from '../db/schema.js';
import { AGREEMENT_ACTORS, actorFor, agreementWorld, sorted } from './agreement.testing.js';
import { type Actor, ANONYMOUS, seesStory } from './index.js';
import { classActor, visibilityClass } from './sql-search.js';
import { openStoryParts, searchableStories, storySlices, visibleStories } from './sql-stories.js';

/*
 * Story search and lists filter with sql-stories.visibleStories; a single story is decided by
 * rules-inquiry.seesStory. For every actor and every story — every state × every visibility, in a team of every
 * institution, and one whose team is gone — the two must agree.
 */
let db: Db;
let drop: () => Promise<void>;
let userId: Record<string, string> = {};

beforeAll(async () => {
  ({ db, drop, userId } = await agreementWorld({
    medarbejder: 'Bakkeskolen',
    ressourceperson: 'Klub Lynet',
  }));
  const allTeams = await db
    .select({
      id: teams.id,
      name: teams.name,
      institutionId: teams.institutionId,
      kommuneId: institutions.kommuneId,
    })
    .from(teams)
    .innerJoin(institutions, eq(institutions.id, teams.institutionId));
  const team = Object.fromEntries(allTeams.map((x) => [x.name, x.id]));
  await db.insert(teamMemberships).values([{ teamId: team.Naturfagsteamet, userId: userId.cross }]);
  const rows: (typeof practiceStories.$inferInsert)[] = [];
  const owners = [
    ...allTeams.filter((x) =>
      ['Matematikteamet', 'Naturfagsteamet', 'Vuggestuen', 'Udskolingen'].includes(x.name),
    ),
    { ...allTeams.find((x) => x.name === 'Klubteamet'), id: null, name: 'Uden team' },
  ] as { id: string | null; name: string; institutionId: string; kommuneId: string }[];
  for (const x of owners)
    for (const state of STORY_STATES)
      for (const visibility of STORY_VISIBILITIES)
        rows.push({
          teamId: x.id,
          institutionId: x.institutionId,
          kommuneId: x.kommuneId,
          templateName: 'Læringscirklen',
          title: `${x.name} ${state} ${visibility}`,
          state,
          visibility,
        });
  await db.insert(practiceStories).values(rows);
});
afterAll(() => drop?.());

const actorOf = (key: string) => actorFor(db, userId[key]);

async function bothWays(actor: Actor) {
  const all = await db
    .select({
      id: practiceStories.id,
      teamId: practiceStories.teamId,
      institutionId: practiceStories.institutionId,
      kommuneId: practiceStories.kommuneId,
      state: practiceStories.state,
      visibility: practiceStories.visibility,
      title: practiceStories.title,
    })
    .from(practiceStories);
  const pure = sorted(all.filter((x) => seesStory(actor, x)).map((x) => x.id));
  const viaSql = sorted(
    (await db.select({ id: practiceStories.id }).from(practiceStories).where(visibleStories(actor))).map(
      (r) => r.id,
    ),
  );
  const titles = sorted(all.filter((x) => viaSql.includes(x.id)).map((x) => x.title));
  return { pure, viaSql, titles };
}

describe('visibleStories agrees with seesStory', () => {
  it.each(AGREEMENT_ACTORS)('%s sees the same stories both ways', async (key) => {
    const { pure, viaSql } = await bothWays(await actorOf(key));
    expect(viaSql).toEqual(pure);
  });

  it.each(AGREEMENT_ACTORS)(
    '%s: searchableStories is seesStory over published stories, without the id',
    async (key) => {
      const actor = await actorOf(key);
      const all = await db.select().from(practiceStories);
      const pure = sorted(all.filter((x) => x.state === 'published' && seesStory(actor, x)).map((x) => x.id));
      const ids = async (a: Actor) =>
        sorted(
          (await db.select({ id: practiceStories.id }).from(practiceStories).where(searchableStories(a))).map(
            (r) => r.id,
          ),
        );
      expect(await ids(actor)).toEqual(pure);
      // The same class without the id (the cache's one answer): the same stories, while signed in.
      expect(await ids({ ...classActor(actor), id: 'someone-else' })).toEqual(pure);
      expect(visibilityClass(actor)).toBe(visibilityClass(classActor(actor)));
    },
  );

  it('storySlices cut searchableStories into disjoint parts; a shared part is the same set for every reader', async () => {
    const ids = async (where: SQL) =>
      sorted(
        (await db.select({ id: practiceStories.id }).from(practiceStories).where(where)).map((r) => r.id),
      );
    const byKey = new Map<string, string[]>();
    for (const actor of [ANONYMOUS, ...(await Promise.all(AGREEMENT_ACTORS.map(actorOf)))]) {
      const { shared, own } = storySlices(actor);
      const parts = [...shared.map((s) => s.where), ...(own ? [own.where] : [])];
      // The own rest's key holds everything it is made of: the same class without the id, the same key and rows.
      const same = storySlices({ ...classActor(actor), id: 'someone-else' }).own;
      expect(same?.key).toBe(own?.key);
      if (own && same) expect(await ids(same.where)).toEqual(await ids(own.where));
      const all = (await Promise.all(parts.map(ids))).flat();
      // Every story the reader may find in exactly one part (no repeats), and nothing else.
      expect(sorted(all)).toEqual(await ids(searchableStories(actor)));
      for (const s of shared) {
        const rows = await ids(s.where);
        expect(byKey.get(s.key) ?? rows).toEqual(rows);
        byKey.set(s.key, rows);
        // Computed together with the other open parts: the same stories under the same key.
        const open = openStoryParts();
        if (s.key !== 'published')
          expect(await ids(sql`(${open.where} and ${open.part} = ${s.key})`)).toEqual(rows);
      }
    }
    // Not vacuous: the public part, all signed in, a kommune's, the curators' part; and someone's own part.
    expect([...byKey.keys()].filter((k) => k.startsWith('kommune:')).length).toBeGreaterThan(0);
    expect(byKey.get('published')?.length).toBeGreaterThan(byKey.get('all')?.length ?? 0);
    const own = storySlices(await actorOf('medarbejder')).own;
    expect(own && (await ids(own.where)).length).toBeGreaterThan(0);
  });

  it('anonymous: the published public ones only, both ways', async () => {
    const { pure, viaSql, titles } = await bothWays(ANONYMOUS);
    expect(viaSql).toEqual(pure);
    expect(titles).toEqual(
      sorted(
        ['Matematikteamet', 'Naturfagsteamet', 'Vuggestuen', 'Udskolingen', 'Uden team'].map(
          (n) => `${n} published public`,
        ),
      ),
    );
  });

  it('the comparison is not vacuous: the team its drafts, curators the review queue, readers by visibility', async () => {
    const med = (await bothWays(await actorOf('medarbejder'))).titles;
    // Her own team in every state and visibility (16), and other teams' published ones by visibility.
    for (const state of STORY_STATES)
      for (const v of STORY_VISIBILITIES) expect(med).toContain(`Matematikteamet ${state} ${v}`);
    expect(med).toContain('Udskolingen published institution');
    expect(med).not.toContain('Udskolingen draft all');
    expect(med).not.toContain('Udskolingen in_review public');
    expect(med).toContain('Vuggestuen published kommune');
    expect(med).not.toContain('Vuggestuen published institution');
    expect(med).not.toContain('Naturfagsteamet published kommune');
    expect(med).toContain('Naturfagsteamet published all');
    // Another kommune: not Fjordby's kommune stories; `cross` is on Naturfagsteamet and sees its drafts.
    const cross = (await bothWays(await actorOf('cross'))).titles;
    expect(cross).toContain('Naturfagsteamet draft institution');
    expect(cross).toContain('Vuggestuen published kommune'); // a resource person at Klub Lynet, Fjordby
    const m3 = (await bothWays(await actorOf('medarbejder3'))).titles;
    expect(m3).not.toContain('Vuggestuen published kommune');
    expect(m3).toContain('Vuggestuen published all');
    // Curators: every story in review and published, no drafts of other teams.
    const red = (await bothWays(await actorOf('redaktoer'))).titles;
    expect(red).toContain('Udskolingen in_review institution');
    expect(red).toContain('Uden team published institution');
    expect(red).not.toContain('Udskolingen returned all');
    expect(red).not.toContain('Udskolingen draft public');
    // Someone signed in without a role: all and public.
    const nobody = (await bothWays(await actorOf('nobody'))).titles;
    expect(nobody.every((x) => / published (all|public)$/.test(x))).toBe(true);
    expect(nobody).toHaveLength(10);
  });

  it('a member who leaves the team loses its unpublished stories in SQL at once', async () => {
    const actor = await actorOf('cross');
    await db.delete(teamMemberships).where(eq(teamMemberships.userId, userId.cross));
    const { titles } = await bothWays(actor);
    expect(titles).not.toContain('Naturfagsteamet draft institution');
    const { pure, viaSql } = await bothWays(await actorOf('cross'));
    expect(viaSql).toEqual(pure);
  });
});
