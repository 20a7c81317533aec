import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObservationData } from '../modules/observation/index.js';
import { demoIds, rows } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { seedDemoObservation } from './observation.js';

let t: TestApp;
const now = new Date('2026-11-20T10:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('demo observation data', () => {
  it('seeds once: schemas, guides, the delegated guide, visits of every kind', async () => {
    expect(await seedDemoObservation(t.ctx.db, { now })).toBe(true);
    expect(await seedDemoObservation(t.ctx.db, { now })).toBe(false);
    const [counts] = await rows<Record<string, number>>(
      t.ctx.db,
      sql`select
        (select count(*)::int from observation_schemas) as schemas,
        (select count(*)::int from observation_guides where published_at is not null) as guides,
        (select count(*)::int from observation_observers) as observers,
        (select count(*)::int from observation_visits where kind = 'visit' and status = 'completed') as completed,
        (select count(*)::int from observation_visits where status = 'planned' and planned_for > '2026-11-20') as planned,
        (select count(*)::int from observation_visits where kind = 'self') as self,
        (select count(*)::int from observation_visits where next_step <> '' and reflection <> '') as conversations,
        (select count(distinct term)::int from observation_visits where kind = 'visit' and status = 'completed') as terms`,
    );
    expect(counts).toEqual({
      schemas: 2,
      guides: 2,
      observers: 1,
      completed: 15,
      planned: 3,
      self: 1,
      conversations: expect.any(Number),
      terms: 2,
    });
    expect(counts.conversations).toBeGreaterThanOrEqual(4);
    const ids = await demoIds(t.ctx.db);
    const [mette] = await rows<{ observer: string }>(
      t.ctx.db,
      sql`select observer_id as observer from observation_visits where teacher_id = ${ids.user.medarbejder}
          and status = 'planned'`,
    );
    expect(mette.observer).toBe(ids.user.ressourceperson);
  });

  it('the leader’s dashboard shows real figures for the terms and names no subject with fewer than five teachers', async () => {
    const ids = await demoIds(t.ctx.db);
    const leder = await t.as('leder');
    const res = await leder.request(
      'GET',
      `/api/v1/observation/institutions/${ids.institution.Solsikkeskolen}/data?by=subject`,
    );
    expect(res.statusCode).toBe(200);
    const d = res.json() as ObservationData;
    expect(d.total).toMatchObject({ teachers: 8, visits: 15, suppressed: false });
    // ADR 0009: every subject at Solsikkeskolen has fewer than five observed teachers (Tysk two, Dansk and
    // Matematik three), so no subject is kept: a breakdown by subject names none of them, and the total stays.
    expect(d.groups).toEqual([]);
    expect(d.options.subjects).toEqual([]);
    const byTerm = (
      await leder.request('GET', `/api/v1/observation/institutions/${ids.institution.Solsikkeskolen}/data`)
    ).json() as ObservationData;
    expect(byTerm.groups.map((g) => [g.key, g.total.suppressed, g.total.teachers])).toEqual([
      ['2026-1', false, 8],
      ['2026-2', false, 7],
    ]);
    const values = byTerm.areas.flatMap((a) => a.indicators).filter((i) => i.type === 'scale');
    expect(values.length).toBeGreaterThan(3);
    for (const i of values) {
      expect(i.total.value).toBeGreaterThanOrEqual(1);
      expect(i.total.value).toBeLessThanOrEqual(7);
    }
  });
});
