import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/index.js';
import { progressionDelegations, progressionGroups } from '../db/progression-schema.js';
import { institutions, teamMemberships, teams } from '../db/schema.js';
import { AGREEMENT_ACTORS, actorFor, agreementWorld, sorted } from './agreement.testing.js';
import { type Actor, ANONYMOUS, readsProgressionSummary, seesProgressionGroup } from './index.js';
import { progressionGroupsReadable, progressionSummaryInstitutions } from './sql-progression.js';

/*
 * Lists of progression groups (/progression/me, the summaries' drill-down) filter with
 * sql-progression.progressionGroupsReadable; a single group is decided by rules-progression.seesProgressionGroup.
 * Institutions whose summary one may read: progressionSummaryInstitutions vs readsProgressionSummary. For every
 * actor and every group — one per team of every institution and one without a team, delegated to everyone or to
 * nobody — the two must agree.
 */
let db: Db;
let drop: () => Promise<void>;
let userId: Record<string, string> = {};
let team: Record<string, string> = {};

beforeAll(async () => {
  ({ db, drop, userId } = await agreementWorld({
    medarbejder: 'Bakkeskolen',
    ressourceperson: 'Klub Lynet',
  }));
  await db.delete(progressionGroups);
  const allTeams = await db
    .select({ id: teams.id, name: teams.name, institutionId: teams.institutionId })
    .from(teams);
  team = Object.fromEntries(allTeams.map((x) => [x.name, x.id]));
  await db.insert(teamMemberships).values([
    { teamId: team.Naturfagsteamet, userId: userId.cross },
    { teamId: team.Klubteamet, userId: userId.cross },
  ]);
  const all = await db.select({ id: institutions.id, name: institutions.name }).from(institutions);
  const rows: (typeof progressionGroups.$inferInsert)[] = [];
  for (const i of all) {
    rows.push({ institutionId: i.id, name: `${i.name} uden team`, schoolYear: 2026 });
    rows.push({ institutionId: i.id, name: `${i.name} uddelegeret`, schoolYear: 2026 });
    for (const t of allTeams.filter((x) => x.institutionId === i.id))
      rows.push({ institutionId: i.id, name: `${i.name} ${t.name}`, schoolYear: 2026, teamId: t.id });
  }
  const groups = await db.insert(progressionGroups).values(rows).returning();
  // Every "uddelegeret" group is delegated to every person: only ressourcepersoner of its institution count.
  await db
    .insert(progressionDelegations)
    .values(
      groups
        .filter((g) => g.name.endsWith('uddelegeret'))
        .flatMap((g) => Object.values(userId).map((u) => ({ groupId: g.id, userId: u }))),
    );
});
afterAll(() => drop?.());

async function groupsBothWays(actor: Actor) {
  const all = await db
    .select({
      id: progressionGroups.id,
      name: progressionGroups.name,
      teamId: progressionGroups.teamId,
      institutionId: progressionGroups.institutionId,
      kommuneId: institutions.kommuneId,
    })
    .from(progressionGroups)
    .innerJoin(institutions, eq(institutions.id, progressionGroups.institutionId));
  const delegated = new Set(
    (
      await db
        .select({ groupId: progressionDelegations.groupId })
        .from(progressionDelegations)
        .where(eq(progressionDelegations.userId, actor.id || crypto.randomUUID()))
    ).map((d) => d.groupId),
  );
  const pure = sorted(
    all
      .filter((g) =>
        seesProgressionGroup(actor, { ...g, delegated: delegated.has(g.id), showFullNames: false }),
      )
      .map((g) => g.id),
  );
  const viaSql = sorted(
    (
      await db
        .select({ id: progressionGroups.id })
        .from(progressionGroups)
        .where(progressionGroupsReadable(actor))
    ).map((r) => r.id),
  );
  const names = sorted(all.filter((g) => viaSql.includes(g.id)).map((g) => g.name));
  return { pure, viaSql, names };
}

async function institutionsBothWays(actor: Actor) {
  const all = await db
    .select({ id: institutions.id, name: institutions.name, kommuneId: institutions.kommuneId })
    .from(institutions);
  const pure = sorted(all.filter((i) => readsProgressionSummary(actor, i)).map((i) => i.id));
  const viaSql = sorted(
    (
      await db.select({ id: institutions.id }).from(institutions).where(progressionSummaryInstitutions(actor))
    ).map((r) => r.id),
  );
  const names = sorted(all.filter((i) => viaSql.includes(i.id)).map((i) => i.name));
  return { pure, viaSql, names };
}

describe('progressionGroupsReadable agrees with seesProgressionGroup', () => {
  it.each(AGREEMENT_ACTORS)('%s sees the same groups both ways', async (key) => {
    const { pure, viaSql } = await groupsBothWays(await actorFor(db, userId[key]));
    expect(viaSql).toEqual(pure);
  });

  it('anonymous sees none, both ways', async () => {
    const { pure, viaSql } = await groupsBothWays(ANONYMOUS);
    expect(pure).toEqual([]);
    expect(viaSql).toEqual([]);
  });

  it('the comparison is not vacuous: team members their team’s group, leders all of theirs, delegation only for ressourcepersoner', async () => {
    const names = async (key: string) => (await groupsBothWays(await actorFor(db, userId[key]))).names;
    expect(await names('medarbejder')).toEqual([
      'Solsikkeskolen 3. årgang',
      'Solsikkeskolen Matematikteamet',
    ]);
    expect(await names('ressourceperson')).toEqual([
      'Solsikkeskolen Matematikteamet',
      'Solsikkeskolen uddelegeret',
    ]);
    const leder = await names('leder');
    expect(leder).toContain('Solsikkeskolen uden team');
    expect(leder).toContain('Solsikkeskolen 3. årgang');
    expect(leder.every((n) => n.startsWith('Solsikkeskolen'))).toBe(true);
    expect(await names('cross')).toEqual([
      'Bakkeskolen Naturfagsteamet',
      'Klub Lynet Klubteamet',
      'Klub Lynet uddelegeret',
    ]);
    for (const key of ['administrator', 'redaktoer', 'forvaltning', 'nobody'])
      expect([key, await names(key)]).toEqual([key, []]);
  });

  it('a member who leaves the team loses the group at once, both ways', async () => {
    await db
      .delete(teamMemberships)
      .where(and(eq(teamMemberships.teamId, team.Naturfagsteamet), eq(teamMemberships.userId, userId.cross)));
    const { pure, viaSql, names } = await groupsBothWays(await actorFor(db, userId.cross));
    expect(viaSql).toEqual(pure);
    expect(names).toEqual(['Klub Lynet Klubteamet', 'Klub Lynet uddelegeret']);
  });
});

describe('progressionSummaryInstitutions agrees with readsProgressionSummary', () => {
  it.each(AGREEMENT_ACTORS)('%s may read the same institutions’ summaries both ways', async (key) => {
    const { pure, viaSql } = await institutionsBothWays(await actorFor(db, userId[key]));
    expect(viaSql).toEqual(pure);
  });

  it('anonymous none; staff their own; forvaltning its kommune’s; administrators none', async () => {
    expect((await institutionsBothWays(ANONYMOUS)).viaSql).toEqual([]);
    const names = async (key: string) => (await institutionsBothWays(await actorFor(db, userId[key]))).names;
    expect(await names('medarbejder')).toEqual(['Solsikkeskolen']);
    expect(await names('cross')).toEqual(['Bakkeskolen', 'Klub Lynet']);
    expect(await names('forvaltning')).toContain('Solsikkeskolen');
    expect((await names('forvaltning')).includes('Bakkeskolen')).toBe(false);
    expect(await names('administrator')).toEqual([]);
    expect(await names('redaktoer')).toEqual([]);
  });
});
