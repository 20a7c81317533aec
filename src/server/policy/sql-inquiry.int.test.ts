import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/index.js';
import { inquiryCycles } from '../db/inquiry-schema.js';
import { institutions, teamMemberships, teams } from '../db/schema.js';
import { AGREEMENT_ACTORS, actorFor, agreementWorld, sorted } from './agreement.testing.js';
import { type Actor, ANONYMOUS, seesCycle } from './index.js';
import { visibleCycles } from './sql-inquiry.js';

/*
 * Lists of inquiry cycles (the team page, counts) filter with sql-inquiry.visibleCycles; a single cycle is decided
 * by rules-inquiry.seesCycle. For every actor and every cycle — in every team of every institution, shared with
 * leaders and not — the two must agree.
 */
let db: Db;
let drop: () => Promise<void>;
let userId: Record<string, string> = {};

beforeAll(async () => {
  ({ db, drop, userId } = await agreementWorld({
    medarbejder: 'Bakkeskolen',
    ressourceperson: 'Klub Lynet',
  }));
  const allTeams = await db.select({ id: teams.id, name: teams.name }).from(teams);
  const team = Object.fromEntries(allTeams.map((x) => [x.name, x.id]));
  // `cross` is a member of a team in each of its institutions (two kommuner); leder2 of one in the house she leads.
  await db.insert(teamMemberships).values([
    { teamId: team.Naturfagsteamet, userId: userId.cross },
    { teamId: team.Klubteamet, userId: userId.cross },
    { teamId: team.Børnehaven, userId: userId.leder2 },
  ]);
  // Two cycles in every team: one shared with the institution's leaders, one not.
  const rows: (typeof inquiryCycles.$inferInsert)[] = [];
  for (const x of allTeams)
    for (const shared of [false, true]) {
      const id = crypto.randomUUID();
      rows.push({
        id,
        seriesId: id,
        teamId: x.id,
        templateName: 'Læringscirklen',
        phases: [],
        title: `${x.name} ${shared ? 'delt' : 'ikke delt'}`,
        sharedWithLeaders: shared,
      });
    }
  await db.insert(inquiryCycles).values(rows);
});
afterAll(() => drop?.());

const actorOf = (key: string) => actorFor(db, userId[key]);

async function bothWays(actor: Actor) {
  const all = await db
    .select({
      id: inquiryCycles.id,
      teamId: inquiryCycles.teamId,
      sharedWithLeaders: inquiryCycles.sharedWithLeaders,
      institutionId: teams.institutionId,
      kommuneId: institutions.kommuneId,
      title: inquiryCycles.title,
    })
    .from(inquiryCycles)
    .innerJoin(teams, eq(teams.id, inquiryCycles.teamId))
    .innerJoin(institutions, eq(institutions.id, teams.institutionId));
  const pure = sorted(all.filter((x) => seesCycle(actor, x)).map((x) => x.id));
  const viaSql = sorted(
    (await db.select({ id: inquiryCycles.id }).from(inquiryCycles).where(visibleCycles(actor))).map(
      (r) => r.id,
    ),
  );
  return { pure, viaSql, all };
}

describe('visibleCycles agrees with seesCycle', () => {
  it.each(AGREEMENT_ACTORS)('%s sees the same cycles both ways', async (key) => {
    const { pure, viaSql } = await bothWays(await actorOf(key));
    expect(viaSql).toEqual(pure);
  });

  it('anonymous sees none, both ways', async () => {
    const { pure, viaSql } = await bothWays(ANONYMOUS);
    expect(pure).toEqual([]);
    expect(viaSql).toEqual([]);
  });

  it('the comparison is not vacuous: members see their teams’ cycles, leaders only the shared ones, nobody else any', async () => {
    const titles = async (key: string) => {
      const { viaSql, all } = await bothWays(await actorOf(key));
      return sorted(all.filter((x) => viaSql.includes(x.id)).map((x) => x.title));
    };
    expect(await titles('medarbejder')).toEqual(
      sorted(['Matematikteamet delt', 'Matematikteamet ikke delt', '3. årgang delt', '3. årgang ikke delt']),
    );
    // Solsikkeskolen's leder: her own team's cycles, and what the school's other teams share.
    const leder = await titles('leder');
    expect(leder).toContain('Ledelsesteamet ikke delt');
    expect(leder).toContain('Matematikteamet delt');
    expect(leder).not.toContain('Matematikteamet ikke delt');
    expect(leder.some((x) => x.startsWith('Vuggestuen') || x.startsWith('Naturfagsteamet'))).toBe(false);
    // Mælkebøtten's leder (a member of Børnehaven here): Børnehaven's both, Vuggestuen's shared one only.
    const leder2 = await titles('leder2');
    expect(leder2).toEqual(sorted(['Børnehaven delt', 'Børnehaven ikke delt', 'Vuggestuen delt']));
    // Members in two kommuner see both teams' cycles; a ressourceperson role does not make one a leader.
    expect(await titles('cross')).toEqual(
      sorted([
        'Naturfagsteamet delt',
        'Naturfagsteamet ikke delt',
        'Klubteamet delt',
        'Klubteamet ikke delt',
      ]),
    );
    for (const key of ['administrator', 'forvaltning', 'redaktoer', 'karin.thomsen', 'nobody'])
      expect([key, await titles(key)]).toEqual([key, []]);
  });

  it('a member who leaves a team loses its cycles in SQL at once', async () => {
    const actor = await actorOf('cross');
    await db.delete(teamMemberships).where(eq(teamMemberships.userId, userId.cross));
    const { viaSql } = await bothWays(actor);
    expect(viaSql).toEqual([]);
    // And the pure rule agrees once the actor is read afresh (as the session is after person.changed).
    const { pure } = await bothWays(await actorOf('cross'));
    expect(pure).toEqual([]);
  });
});
