import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, rows } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { demoVideoIds, seedDemoContent } from './content.js';
import { seedDemo } from './organisation.js';
import {
  DEMO_COVERAGE,
  DEMO_SECOND_SCHOOL,
  DEMO_STAFF_SETTING,
  DEMO_TEACHERS,
  DEMO_TEAM,
  DEMO_TRAINING_DEMAND,
} from './training.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const staffCounts = () =>
  rows(
    t.ctx.db,
    sql`select (select count(*) from users where email like 'laerer%@demo.amongi.dk')::int as teachers,
      (select count(*) from institutions where name = ${DEMO_SECOND_SCHOOL})::int as schools,
      (select count(*) from team_memberships m join teams x on x.id = m.team_id where x.name = ${DEMO_TEAM})::int as members,
      (select count(*) from training_coverage)::int as coverage`,
  );

describe('demo staff for training', () => {
  it('gives at least 14 teachers who sign in, at two schools of one kommune, five of them in one team', async () => {
    expect(DEMO_TEACHERS.length).toBeGreaterThanOrEqual(14);
    const ids = await demoIds(t.ctx.db);
    const places = await rows<{ name: string; kommune: string; n: number }>(
      t.ctx.db,
      sql`select i.name, k.name as kommune, count(*)::int as n from users u
        join role_grants g on g.user_id = u.id and g.role = 'medarbejder'
        join institutions i on i.id = g.institution_id join kommuner k on k.id = i.kommune_id
        where u.email like 'laerer%@demo.amongi.dk' and u.status = 'active' group by 1, 2 order by 1`,
    );
    expect(places).toEqual([
      { name: DEMO_SECOND_SCHOOL, kommune: 'Fjordby Kommune', n: 7 },
      { name: 'Solsikkeskolen', kommune: 'Fjordby Kommune', n: 7 },
    ]);
    const team = await rows<{ institution: string; members: string[] }>(
      t.ctx.db,
      sql`select i.name as institution, array_agg(u.email order by u.email) as members from teams x
        join institutions i on i.id = x.institution_id
        join team_memberships m on m.team_id = x.id join users u on u.id = m.user_id
        where x.id = ${ids.team[DEMO_TEAM]} group by i.name`,
    );
    expect(team[0].institution).toBe(DEMO_SECOND_SCHOOL);
    expect(team[0].members).toHaveLength(5);

    // They sign in with the demo password, and a team member sees the team among their own.
    const c = await t.as('laerer8');
    const me = (await c.get('/api/v1/me')).json();
    expect(me.name).toBe('Kasper Winther');
    expect(me.grants.map((g: { institutionId: string }) => g.institutionId)).toEqual([
      ids.institution[DEMO_SECOND_SCHOOL],
    ]);
    expect((await (await t.as('laerer14')).get('/api/v1/me')).statusCode).toBe(200);
  });

  it('all demo accounts share one password hash (hashed once, so seeding stays fast)', async () => {
    const hashes = await rows<{ n: number }>(
      t.ctx.db,
      sql`select count(distinct password_hash)::int as n from users
        where email like '%@demo.amongi.dk' and password_hash is not null`,
    );
    expect(hashes).toEqual([{ n: 1 }]);
  });

  it('the resource person covers the demo methods', async () => {
    const covered = await rows<{ label: string }>(
      t.ctx.db,
      sql`select x.label from training_coverage c join taxonomy_terms x on x.id = c.method_id
        join users u on u.id = c.user_id where u.email = 'ressourceperson@demo.amongi.dk' order by 1`,
    );
    expect(covered.map((r) => r.label)).toEqual([...DEMO_COVERAGE.ressourceperson].sort());
  });

  it('is idempotent, and an instance seeded before the staff existed gets them on the next start', async () => {
    const before = await staffCounts();
    expect(before).toEqual([{ teachers: DEMO_TEACHERS.length, schools: 1, members: 5, coverage: 2 }]);
    expect(await seedDemo(t.ctx.db)).toBe(false);
    expect(await staffCounts()).toEqual(before);

    // As it was before this seed existed: no staff, no flag.
    await t.ctx.db.execute(sql`delete from users where email like 'laerer%@demo.amongi.dk'`);
    await t.ctx.db.execute(sql`delete from institutions where name = ${DEMO_SECOND_SCHOOL}`);
    await t.ctx.db.execute(sql`delete from training_coverage`);
    await t.ctx.db.execute(sql`delete from instance_settings where key = ${DEMO_STAFF_SETTING}`);
    const people = await rows(t.ctx.db, sql`select count(*)::int as n from users`);
    expect(await staffCounts()).toEqual([{ teachers: 0, schools: 0, members: 0, coverage: 0 }]);

    expect(await seedDemo(t.ctx.db)).toBe(true);
    expect(await staffCounts()).toEqual(before);
    // The rest of the organisation was not seeded twice.
    expect(await rows(t.ctx.db, sql`select count(*)::int - ${DEMO_TEACHERS.length} as n from users`)).toEqual(
      people,
    );
    expect(await rows(t.ctx.db, sql`select count(*)::int as n from kommuner`)).toEqual([{ n: 2 }]);
  });
});

describe('demo training demand (demo content)', () => {
  it('seeds requests below the threshold, one per person and method, with video and institution', async () => {
    const only = [...new Set(DEMO_TRAINING_DEMAND.map((d) => d.video))];
    expect(await seedDemoContent(t.ctx, { only })).toBe(true);
    const videos = await demoVideoIds(t.ctx.db);
    const got = await rows<{ method: string; email: string; video: string; same: boolean }>(
      t.ctx.db,
      sql`select x.label as method, u.email, r.video_id as video,
          r.institution_id is not distinct from g.institution_id and r.requested_by = r.user_id
            and r.course_id is null and r.team_id is null as same
        from training_requests r join taxonomy_terms x on x.id = r.method_id join users u on u.id = r.user_id
        join role_grants g on g.user_id = u.id order by u.email`,
    );
    const want = DEMO_TRAINING_DEMAND.flatMap((d) =>
      d.people.map((p) => ({
        method: d.method,
        email: `${p}@demo.amongi.dk`,
        video: videos.get(d.video),
        same: true,
      })),
    ).sort((a, b) => a.email.localeCompare(b.email));
    expect(
      [...got].sort((a, b) => a.email.localeCompare(b.email) || a.method.localeCompare(b.method)),
    ).toEqual(want.sort((a, b) => a.email.localeCompare(b.email) || a.method.localeCompare(b.method)));
    expect(got.length).toBeGreaterThanOrEqual(12);
    expect(new Set(got.map((r) => r.video)).size).toBe(6);
    // Below the threshold: no method reaches it, so no course is proposed from demo demand.
    const per = await rows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from training_requests group by method_id order by 1 desc limit 1`,
    );
    expect(per[0].n).toBeLessThan(12);
    expect(await rows(t.ctx.db, sql`select count(*)::int as n from training_courses`)).toEqual([{ n: 0 }]);
    // Seeding the content again adds no demand.
    expect(await seedDemoContent(t.ctx, { only })).toBe(false);
    expect(await rows(t.ctx.db, sql`select count(*)::int as n from training_requests`)).toEqual([
      { n: got.length },
    ]);
  });
  it('Mælkebøtten’s leder sees the house’s demand by method, with the pædagoger who asked', async () => {
    // Runs after the test above, which seeded the demand.
    const ids = await demoIds(t.ctx.db);
    const maelk = ids.institution['Børnehuset Mælkebøtten'];
    const leder2 = await t.as('leder2');
    const res = await leder2.get(`/api/v1/training/institutions/${maelk}/demand`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      methods: { method: { label: string }; count: number; requesters: { name: string }[] }[];
    };
    const byMethod = Object.fromEntries(
      body.methods.map((m) => [m.method.label, m.requesters.map((r) => r.name).sort()]),
    );
    expect(byMethod).toEqual({
      Relationskompetence: ['Emma Krogh', 'Mads Østergaard', 'Pernille Holm', 'Signe Kjeldsen'],
      'Psykologisk tryghed': ['Ahmed Nasser', 'Pernille Holm'],
      Inklusion: ['Ahmed Nasser'],
    });
    expect(body.methods[0].method.label).toBe('Relationskompetence');
    // The school's leder does not see the børnehus's demand; and Mælkebøtten's lists none of the school's.
    expect(
      (await (await t.as('leder')).get(`/api/v1/training/institutions/${maelk}/demand`)).statusCode,
    ).not.toBe(200);
  });
});
