import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationPlans } from '../db/evaluation-schema.js';
import type { Db } from '../db/index.js';
import { institutions, kommuner, teamMemberships, teams } from '../db/schema.js';
import { AGREEMENT_ACTORS, actorFor, agreementWorld, sorted } from './agreement.testing.js';
import { type Actor, ANONYMOUS, seesEvaluationPlan } from './index.js';
import { visibleEvaluationPlans } from './sql-evaluation.js';

/*
 * Lists of evaluation plans (the year wheel, the calendar feed) filter with sql-evaluation.visibleEvaluationPlans;
 * a single plan is decided by rules-evaluation.seesEvaluationPlan. For every actor and every plan — every kommune
 * (published and not), every institution, every team — the two must agree.
 */
let db: Db;
let drop: () => Promise<void>;
let userId: Record<string, string> = {};
const names = new Map<string, string>();

beforeAll(async () => {
  ({ db, drop, userId } = await agreementWorld({
    medarbejder: 'Bakkeskolen',
    ressourceperson: 'Klub Lynet',
  }));
  const allTeams = await db.select({ id: teams.id, name: teams.name }).from(teams);
  const team = Object.fromEntries(allTeams.map((x) => [x.name, x.id]));
  await db.insert(teamMemberships).values([
    { teamId: team.Naturfagsteamet, userId: userId.cross },
    { teamId: team.Børnehaven, userId: userId.leder2 },
  ]);
  const rows: (typeof evaluationPlans.$inferInsert)[] = [];
  for (const k of await db.select({ id: kommuner.id, name: kommuner.name }).from(kommuner))
    for (const [year, published] of [
      [2030, false],
      [2031, true],
    ] as const) {
      const id = crypto.randomUUID();
      names.set(id, `${k.name} ${published ? 'udgivet' : 'kladde'}`);
      rows.push({
        id,
        scope: 'kommune',
        kommuneId: k.id,
        schoolYear: year,
        publishedAt: published ? new Date() : null,
      });
    }
  for (const i of await db.select({ id: institutions.id, name: institutions.name }).from(institutions)) {
    const id = crypto.randomUUID();
    names.set(id, i.name);
    rows.push({ id, scope: 'institution', institutionId: i.id, schoolYear: 2031 });
  }
  for (const x of allTeams) {
    const id = crypto.randomUUID();
    names.set(id, `team ${x.name}`);
    rows.push({ id, scope: 'team', teamId: x.id, schoolYear: 2031 });
  }
  await db.insert(evaluationPlans).values(rows);
});
afterAll(() => drop?.());

const actorOf = (key: string) => actorFor(db, userId[key]);

async function bothWays(actor: Actor) {
  const all = await db
    .select({
      id: evaluationPlans.id,
      scope: evaluationPlans.scope,
      publishedAt: evaluationPlans.publishedAt,
      kommuneId: evaluationPlans.kommuneId,
      institutionId: evaluationPlans.institutionId,
      teamId: evaluationPlans.teamId,
      teamInstitution: teams.institutionId,
    })
    .from(evaluationPlans)
    .leftJoin(teams, eq(teams.id, evaluationPlans.teamId));
  const kommuneOf = new Map(
    (await db.select({ id: institutions.id, k: institutions.kommuneId }).from(institutions)).map((r) => [
      r.id,
      r.k,
    ]),
  );
  const pure = sorted(
    all
      .filter((p) => {
        const institutionId = p.institutionId ?? p.teamInstitution;
        return seesEvaluationPlan(actor, {
          scope: p.scope,
          kommuneId: p.kommuneId ?? kommuneOf.get(institutionId as string) ?? '',
          institutionId,
          teamId: p.teamId,
          published: !!p.publishedAt,
        });
      })
      .map((p) => p.id),
  );
  const viaSql = sorted(
    (
      await db.select({ id: evaluationPlans.id }).from(evaluationPlans).where(visibleEvaluationPlans(actor))
    ).map((r) => r.id),
  );
  return { pure, viaSql };
}

describe('visibleEvaluationPlans agrees with seesEvaluationPlan', () => {
  it.each(AGREEMENT_ACTORS)('%s sees the same plans both ways', async (key) => {
    const { pure, viaSql } = await bothWays(await actorOf(key));
    expect(viaSql).toEqual(pure);
  });

  it('anonymous sees none, both ways', async () => {
    const { pure, viaSql } = await bothWays(ANONYMOUS);
    expect(pure).toEqual([]);
    expect(viaSql).toEqual([]);
  });

  it('the comparison is not vacuous', async () => {
    const seen = async (key: string) =>
      sorted((await bothWays(await actorOf(key))).viaSql.map((id) => names.get(id) as string));
    const mette = await seen('medarbejder');
    expect(mette).toContain('Solsikkeskolen');
    expect(mette).toContain('Fjordby Kommune udgivet');
    expect(mette).toContain('team Matematikteamet');
    expect(mette).not.toContain('Fjordby Kommune kladde');
    expect(mette).not.toContain('team Udskolingen');
    expect(mette).not.toContain('Bakkeskolen');
    const lene = await seen('leder');
    expect(lene).toContain('team Udskolingen');
    expect(lene).not.toContain('team Vuggestuen');
    const forv = await seen('forvaltning');
    expect(forv).toContain('Fjordby Kommune kladde');
    expect(forv).toContain('Børnehuset Mælkebøtten');
    expect(forv.some((n) => n.startsWith('team '))).toBe(false);
    expect(forv).not.toContain('Bakkeskolen');
    expect(await seen('cross')).toContain('team Naturfagsteamet');
    for (const key of ['administrator', 'redaktoer', 'nobody'])
      expect([key, await seen(key)]).toEqual([key, []]);
  });

  it('a member who leaves a team loses its plan in SQL at once', async () => {
    const actor = await actorOf('cross');
    await db.delete(teamMemberships).where(eq(teamMemberships.userId, userId.cross));
    const { viaSql } = await bothWays(actor);
    expect(viaSql.some((id) => names.get(id) === 'team Naturfagsteamet')).toBe(false);
    const { pure, viaSql: again } = await bothWays(await actorOf('cross'));
    expect(again).toEqual(pure);
  });
});
