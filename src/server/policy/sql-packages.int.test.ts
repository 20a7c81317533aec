import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_VISIBILITIES } from '../../shared/catalogue.js';
import { learningPackages } from '../db/community-schema.js';
import type { Db } from '../db/index.js';
import { institutions } from '../db/schema.js';
import { AGREEMENT_ACTORS, actorFor, agreementWorld, sorted } from './agreement.testing.js';
import { type Actor, ANONYMOUS, seesPackage } from './index.js';
import { visiblePackages } from './sql-packages.js';

/*
 * Lists of learning packages filter with sql-packages.visiblePackages; a single package is decided by
 * rules-practice.seesPackage. For every actor and every package the two must agree.
 */
let db: Db;
let drop: () => Promise<void>;
let userId: Record<string, string> = {};

beforeAll(async () => {
  ({ db, drop, userId } = await agreementWorld({
    medarbejder: 'Bakkeskolen',
    ressourceperson: 'Klub Lynet',
  }));
  const insts = await db.select().from(institutions);
  // Packages: every owner × visibility × place (institution + its kommune, kommune only, nowhere, and an
  // institution without its kommune, which the API never makes but the rule must still handle).
  const owners = ['medarbejder', 'leder2', 'forvaltning', 'redaktoer', 'karin.thomsen', 'cross', 'nobody'];
  const places: { institutionId: string | null; kommuneId: string | null }[] = [
    ...insts.map((i) => ({ institutionId: i.id, kommuneId: i.kommuneId })),
    ...[...new Set(insts.map((i) => i.kommuneId))].map((k) => ({ institutionId: null, kommuneId: k })),
    { institutionId: null, kommuneId: null },
    { institutionId: insts[0].id, kommuneId: null },
  ];
  const rows: (typeof learningPackages.$inferInsert)[] = [];
  let n = 0;
  for (const place of places)
    for (const visibility of PACKAGE_VISIBILITIES) {
      const owner = owners[n++ % owners.length];
      rows.push({ title: `p${n} ${visibility} by ${owner}`, ownerId: userId[owner], visibility, ...place });
    }
  await db.insert(learningPackages).values(rows);
});
afterAll(() => drop?.());

const actorOf = (key: string) => actorFor(db, userId[key]);

async function bothWays(actor: Actor) {
  const all = await db.select().from(learningPackages);
  const pure = sorted(all.filter((p) => seesPackage(actor, p)).map((p) => p.id));
  const viaSql = sorted(
    (await db.select({ id: learningPackages.id }).from(learningPackages).where(visiblePackages(actor))).map(
      (r) => r.id,
    ),
  );
  return { pure, viaSql, all };
}

const ACTORS = AGREEMENT_ACTORS;

describe('visiblePackages agrees with seesPackage', () => {
  it.each(ACTORS)('%s sees the same packages both ways', async (key) => {
    const { pure, viaSql } = await bothWays(await actorOf(key));
    expect(viaSql).toEqual(pure);
  });

  it('anonymous sees exactly the public packages, both ways', async () => {
    const { pure, viaSql, all } = await bothWays(ANONYMOUS);
    expect(viaSql).toEqual(pure);
    expect(viaSql).toEqual(sorted(all.filter((p) => p.visibility === 'public').map((p) => p.id)));
  });

  it('the comparison is not vacuous: private stays private, places decide the rest', async () => {
    const { viaSql: admin, all } = await bothWays(await actorOf('administrator'));
    // Administrators: their own (none here) and every non-private package.
    expect(admin).toEqual(sorted(all.filter((p) => p.visibility !== 'private').map((p) => p.id)));

    const medarbejder = await actorOf('medarbejder');
    const { viaSql: seen } = await bothWays(medarbejder);
    const solsikke = medarbejder.grants[0].institutionId;
    const fjordby = medarbejder.grants[0].kommuneId;
    const expected = all.filter(
      (p) =>
        p.ownerId === medarbejder.id ||
        p.visibility === 'public' ||
        (p.visibility === 'institution' && p.institutionId === solsikke) ||
        (p.visibility === 'kommune' && p.kommuneId === fjordby),
    );
    expect(seen).toEqual(sorted(expected.map((p) => p.id)));
    // Another person's private package is never among them.
    expect(
      all.some((p) => p.visibility === 'private' && p.ownerId !== medarbejder.id && seen.includes(p.id)),
    ).toBe(false);

    // Someone with roles in two kommuner sees kommune packages of both.
    const { viaSql: cross } = await bothWays(await actorOf('cross'));
    const kommuneOnes = all.filter((p) => p.visibility === 'kommune' && p.institutionId === null);
    expect(kommuneOnes.filter((p) => cross.includes(p.id)).length).toBe(2);
  });
});
