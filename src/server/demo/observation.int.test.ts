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
    // Solsikkeskolen 15 completed visits, Mælkebøtten 10 (five pædagoger, two terms), Klub Lynet 2.
    expect(counts).toEqual({
      schemas: 4,
      guides: 4,
      observers: 1,
      completed: 27,
      planned: 4,
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

  it('answers fit their lessons: a maths visit is answered with maths, a Danish one with Danish', async () => {
    const answers = await rows<{ subject: string; text: string }>(
      t.ctx.db,
      sql`select v.subject, a.value_text as text from observation_answers a
          join observation_visits v on v.id = a.visit_id
          join institutions i on i.id = v.institution_id
          where i.name = 'Solsikkeskolen' and a.pupil > 0 and a.value_text is not null`,
    );
    expect(new Set(answers.map((a) => a.subject))).toEqual(new Set(['Dansk', 'Matematik', 'Tysk']));
    const fits: Record<string, RegExp> = {
      Dansk: /hovedperson|indledning|betoning|tillægsord|tekst|punktum|ved ikke/i,
      Matematik: /brøk|regne|facit|tabel|tal|forklare|ved ikke/i,
      Tysk: /tysk|verber|familien|gloser|ved ikke/i,
    };
    for (const a of answers) expect(a.text, `${a.subject}: ${a.text}`).toMatch(fits[a.subject]);
    expect(answers.some((a) => a.subject === 'Matematik' && /hovedperson/i.test(a.text))).toBe(false);
  });

  it('Mælkebøtten and Klub Lynet use their own starter, in words that read right to a pædagog', async () => {
    const ids = await demoIds(t.ctx.db);
    const visits = await rows<{
      place: string;
      status: string;
      grade: number | null;
      subject: string;
      written: string;
    }>(
      t.ctx.db,
      sql`select i.name as place, v.status, v.grade, v.subject,
            concat_ws(' ', v.notes, v.reflection, v.conversation_notes, v.next_step,
              (select string_agg(a.value_text, ' ') from observation_answers a where a.visit_id = v.id)) as written
          from observation_visits v join institutions i on i.id = v.institution_id
          where i.type in ('dagtilbud', 'klub')`,
    );
    const at = (place: string) => visits.filter((v) => v.place === place);
    expect(at('Børnehuset Mælkebøtten').filter((v) => v.status === 'completed')).toHaveLength(10);
    expect(at('Klub Lynet').filter((v) => v.status === 'completed')).toHaveLength(2);
    for (const v of visits) {
      expect(v.grade).toBeNull();
      expect(v.written, v.written).not.toMatch(/\belev|lærer|lektion|tavle|timen\b/i);
    }
    expect(at('Børnehuset Mælkebøtten').map((v) => v.subject)).toContain('Natur, udeliv og science');
    const leder2 = await t.as('leder2');
    const maelk = ids.institution['Børnehuset Mælkebøtten'];
    const schema = (await leder2.get(`/api/v1/observation/institutions/${maelk}/schema`)).json();
    expect(schema.current.definition.focusAreas[0].title).toBe('Læringsmiljøet hele dagen');
    const data = (
      await leder2.get(`/api/v1/observation/institutions/${maelk}/data`)
    ).json() as ObservationData;
    expect(data.scope.words).toBe('dagtilbud');
    expect(data.total).toMatchObject({ teachers: 5, visits: 10, suppressed: false });
    // Learning conversations with agreed next steps, seen by the pædagog.
    const mads = await t.as('medarbejder2');
    const mine = (await mads.get('/api/v1/observation/visits?role=teacher')).json() as {
      items: { status: string; nextStepAgreed: boolean }[];
    };
    expect(mine.items.some((v) => v.status === 'completed' && v.nextStepAgreed)).toBe(true);
    expect(mine.items.some((v) => v.status === 'planned')).toBe(true);
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
