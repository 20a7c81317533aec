import { and, eq, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  termOf,
  VISIT_FLAGS,
  VISIT_KINDS,
  VISIT_STATUSES,
  type VisitKind,
} from '../../shared/observation.js';
import type { Db } from '../db/index.js';
import { observationObservers, observationVisitGuests, observationVisits } from '../db/observation-schema.js';
import { rows } from '../db/rows.js';
import { institutions } from '../db/schema.js';
import { makeSchema } from '../modules/observation/observation.testing.js';
import { loadVisitResource } from '../modules/observation/resource.js';
import { AGREEMENT_ACTORS, actorFor, agreementWorld, sorted } from './agreement.testing.js';
import { type Actor, ANONYMOUS, mayObserve, seesVisit } from './index.js';
import { countsTowardData, observesAt, visibleVisits } from './sql-observation.js';

/*
 * Visit lists filter with sql-observation.visibleVisits; a single visit is decided by rules-observation.seesVisit
 * over observation/resource.loadVisitResource. For every actor and every visit the two must agree — above all,
 * nobody but the owner and their guests ever sees a self-observation.
 */
let db: Db;
let drop: () => Promise<void>;
let userId: Record<string, string> = {};
let inst: Record<string, string> = {};

/** Where, who is observed, who observes (null: a deleted account), who is invited. */
const CASES: [string, string, string | null, string[]][] = [
  ['Solsikkeskolen', 'medarbejder', 'ressourceperson', []],
  ['Solsikkeskolen', 'laerer1', 'leder', ['medarbejder']],
  ['Bakkeskolen', 'karin.thomsen', 'cross', ['nobody']],
  ['Børnehuset Mælkebøtten', 'medarbejder2', 'leder2', []],
  ['Kildeskolen', 'laerer8', null, ['cross', 'leder']],
];

beforeAll(async () => {
  ({ db, drop, userId, inst } = await agreementWorld({
    medarbejder: 'Klub Lynet',
    ressourceperson: 'Bakkeskolen',
  }));
  const schemaOf: Record<string, string> = {};
  for (const [place] of CASES) schemaOf[place] ??= (await makeSchema(db, inst[place])).id;
  let n = 0;
  for (const kind of ['visit', 'self'] as VisitKind[])
    for (const [place, teacher, observer, guests] of CASES) {
      n++;
      const [v] = await db
        .insert(observationVisits)
        .values({
          institutionId: inst[place],
          kind,
          status: VISIT_STATUSES[n % VISIT_STATUSES.length],
          schemaId: schemaOf[place],
          teacherId: userId[teacher],
          observerId: kind === 'self' ? userId[teacher] : observer ? userId[observer] : null,
          plannedFor: '2026-03-02',
          term: termOf('2026-03-02'),
          flag: n % 3 === 0 ? 'observer_lost_role' : null,
        })
        .returning({ id: observationVisits.id });
      if (guests.length)
        await db
          .insert(observationVisitGuests)
          .values(guests.map((g) => ({ visitId: v.id, userId: userId[g] })));
    }
});
afterAll(() => drop?.());

async function bothWays(actor: Actor) {
  const all = await db
    .select({ id: observationVisits.id, kind: observationVisits.kind })
    .from(observationVisits);
  const pure: string[] = [];
  for (const v of all) if (seesVisit(actor, await loadVisitResource(db, v.id))) pure.push(v.id);
  const viaSql = (
    await db.select({ id: observationVisits.id }).from(observationVisits).where(visibleVisits(actor))
  ).map((r) => r.id);
  return { pure: sorted(pure), viaSql: sorted(viaSql), all };
}

const ACTORS = [...AGREEMENT_ACTORS, 'laerer1', 'laerer8'];
const actorOf = (key: string) => actorFor(db, userId[key]);

describe('visibleVisits agrees with seesVisit', () => {
  it.each(ACTORS)('%s sees the same visits both ways', async (key) => {
    const { pure, viaSql } = await bothWays(await actorOf(key));
    expect(viaSql).toEqual(pure);
  });

  it('anonymous sees none, both ways', async () => {
    const { pure, viaSql } = await bothWays(ANONYMOUS);
    expect(pure).toEqual([]);
    expect(viaSql).toEqual([]);
  });

  it('the comparison is not vacuous, and self-observations stay with owner and guests', async () => {
    const count = async (key: string) => (await bothWays(await actorOf(key))).viaSql;
    const { all } = await bothWays(ANONYMOUS);
    expect(all).toHaveLength(10);
    const selfIds = all.filter((v) => v.kind === 'self').map((v) => v.id);
    // Administrators, editors and forvaltning see no visits at all.
    for (const key of ['administrator', 'redaktoer', 'forvaltning'])
      expect(await count(key), key).toEqual([]);
    // The leader: the classroom visits of Solsikkeskolen, and the Kildeskolen self-observation they were invited to.
    const leder = await count('leder');
    expect(leder).toHaveLength(3);
    expect(leder.filter((id) => selfIds.includes(id))).toHaveLength(1);
    // The leader of Mælkebøtten never sees its teacher's self-observation.
    const leder2 = await count('leder2');
    expect(leder2).toHaveLength(1);
    expect(leder2.filter((id) => selfIds.includes(id))).toEqual([]);
    // A guest row on a classroom visit shows nothing: medarbejder sees the visit and the self-observation of
    // their own, and laerer1's self-observation they were invited to — not laerer1's classroom visit.
    const med = await count('medarbejder');
    expect(med).toHaveLength(3);
    expect(med.filter((id) => selfIds.includes(id))).toHaveLength(2);
    expect(await count('nobody')).toHaveLength(1);
    expect((await count('cross')).length).toBeGreaterThan(0);
  });
});

describe('observesAt agrees with mayObserve', () => {
  it('for every actor at every institution, delegated or not, with a role there or not', async () => {
    // Delegations: where the person holds a role (counts), where they hold none (does not), and a leader's
    // (counts anyway).
    await db.insert(observationObservers).values([
      { institutionId: inst.Solsikkeskolen, userId: userId.ressourceperson },
      { institutionId: inst.Bakkeskolen, userId: userId.cross },
      { institutionId: inst['Klub Lynet'], userId: userId.medarbejder2 },
      { institutionId: inst.Solsikkeskolen, userId: userId.leder },
    ]);
    const delegations = await db.select().from(observationObservers);
    const places = await db.select({ id: institutions.id }).from(institutions);
    let allowed = 0;
    for (const key of ACTORS) {
      const actor = await actorOf(key);
      for (const { id } of places) {
        const delegated = delegations.some((d) => d.userId === actor.id && d.institutionId === id);
        const [row] = await rows<{ ok: boolean }>(db, sql`select ${observesAt(actor.id, id)} as ok`);
        expect(row.ok, `${key} at ${id}`).toBe(mayObserve(actor, { institutionId: id, delegated }));
        if (row.ok) allowed++;
      }
    }
    // Not vacuous: the leaders, and the delegated ressourceperson and cross (who holds a role at Bakkeskolen).
    expect(allowed).toBeGreaterThanOrEqual(4);
  });
});

describe('countsTowardData agrees with the data-cell triggers (drizzle/0005_data_cells.sql)', () => {
  const countedBy = async (where: SQL, institutionId: string) =>
    (
      await db
        .select({ id: observationVisits.id })
        .from(observationVisits)
        .where(and(where, eq(observationVisits.institutionId, institutionId)))
    ).length;
  const cellCount = async (institutionId: string) => {
    const found = await rows<{ visits: number }>(
      db,
      sql`select visits from observation_data_cells
      where institution_id = ${institutionId} and dims = 0 and item_key is null and area_key is null`,
    );
    return Number(found[0]?.visits ?? 0);
  };

  it('a visit walked through every kind, status and flag counts in the cells exactly when countsTowardData says', async () => {
    const place = inst.Solsikkeskolen;
    const [visit] = await db
      .select({ id: observationVisits.id })
      .from(observationVisits)
      .where(eq(observationVisits.institutionId, place))
      .limit(1);
    let counted = 0;
    for (const kind of VISIT_KINDS)
      for (const status of VISIT_STATUSES)
        for (const flag of [null, ...VISIT_FLAGS]) {
          await db
            .update(observationVisits)
            .set({ kind, status, flag })
            .where(eq(observationVisits.id, visit.id));
          const expected = await countedBy(countsTowardData, place);
          expect(await cellCount(place), `${kind} ${status} ${flag}`).toBe(expected);
          if (
            (await countedBy(and(countsTowardData, eq(observationVisits.id, visit.id)) as SQL, place)) === 1
          )
            counted++;
        }
    // Exactly one combination counts: a completed, unflagged classroom visit.
    expect(counted).toBe(1);
  });
});
