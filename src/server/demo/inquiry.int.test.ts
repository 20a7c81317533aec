import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema.js';
import { videos } from '../db/videos-schema.js';
import { demoIds, err, rows } from '../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/harness.js';
import { seedDemoContent } from './content.js';
import { DEMO_STUE } from './inquiry.js';
import { seedDemo } from './organisation.js';

/*
 * The demo's team inquiry (issue 16 "Demo"): three teams at three points of a cycle, read through the API as the
 * members and as people who must not see them.
 */

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const API = '/api/v1';
const now = new Date();
const day = (d: Date) => d.toISOString().slice(0, 10);

type Cycle = {
  id: string;
  state: string;
  templateName: string;
  question: string;
  finishedAt: string | null;
  phases: { key: string; stage: string; fields: { key: string; required: boolean }[] }[];
  content: Record<string, Record<string, string>>;
  tasks: {
    kind: string;
    owner: { id: string } | null;
    dueOn: string | null;
    remindDays: number;
    done: boolean;
  }[];
  evidence: {
    kind: string;
    available: boolean;
    visit: { id: string } | null;
    video: { id: string } | null;
  }[];
  reflections: { person: { id: string } }[];
};
type Space = {
  team: { type: string };
  member: boolean;
  members: { id: string }[];
  agreement: { text: string };
  cycles: { id: string; state: string; templateName: string }[];
  openTasks: { kind: string; owner: { id: string } | null }[];
};

const clients = new Map<string, TestClient>();
async function as(local: string) {
  let c = clients.get(local);
  if (!c) {
    c = await t.as(local);
    clients.set(local, c);
  }
  return c;
}
const space = async (local: string, team: string) =>
  (await (await as(local)).get(`${API}/teams/${ids.team[team]}/space`)).json() as Space;
const cycle = async (local: string, id: string) =>
  (await (await as(local)).get(`${API}/cycles/${id}`)).json() as Cycle;
const onlyCycle = async (local: string, team: string) => {
  const s = await space(local, team);
  expect(s.cycles).toHaveLength(1);
  return cycle(local, s.cycles[0].id);
};

beforeAll(async () => {
  t = await createTestApp();
  // A few videos only (the two the cycles link and one more): the demo must not depend on the whole catalogue.
  expect(await seedDemoContent(t.ctx, { only: ['talsnak', 'tydelige-overgange', 'putteritual'] })).toBe(true);
  ids = await demoIds(t.ctx.db);
  // As the media pipeline leaves them a few minutes after the first start (the test makes no media).
  await t.ctx.db.update(videos).set({ status: 'ready', readyAt: new Date() });
});
afterAll(() => t?.close());

describe('demo team inquiry', () => {
  it('seeds once, in a handful of statements', async () => {
    expect(await seedDemoContent(t.ctx, { only: ['talsnak'] })).toBe(false);
    const [n] = await rows<Record<string, number>>(
      t.ctx.db,
      sql`select (select count(*)::int from inquiry_cycles) as cycles,
        (select count(*)::int from team_meetings) as meetings,
        (select count(*)::int from teams where name = ${DEMO_STUE}) as stuer`,
    );
    expect(n).toEqual({ cycles: 3, meetings: 2, stuer: 1 });
  });

  it('Matematikteamet is mid-cycle: Læringscirklen "under", før filled, a data plan with two owners', async () => {
    const s = await space('medarbejder', 'Matematikteamet');
    expect(s.member).toBe(true);
    expect(s.members.map((m) => m.id).sort()).toEqual(
      [ids.user.medarbejder, ids.user.ressourceperson, ids.user.laerer4].sort(),
    );
    expect(s.agreement.text).toContain('Vi beskriver, før vi tolker');
    const c = await onlyCycle('medarbejder', 'Matematikteamet');
    expect([c.state, c.templateName]).toEqual(['under', 'Læringscirklen']);
    expect(c.question).toMatch(/forklare/);
    // Every required field of the før-phases is answered.
    for (const p of c.phases.filter((x) => x.stage === 'foer'))
      for (const f of p.fields.filter((x) => x.required)) expect(c.content[p.key]?.[f.key]).toBeTruthy();
    const plan = c.tasks.filter((x) => x.kind === 'data');
    expect(new Set(plan.map((x) => x.owner?.id))).toEqual(new Set([ids.user.medarbejder, ids.user.laerer4]));
    const open = plan.filter((x) => !x.done);
    expect(open.length).toBeGreaterThanOrEqual(2);
    for (const x of open) {
      expect(x.dueOn && x.dueOn > day(now)).toBe(true);
      expect(x.remindDays).toBeGreaterThan(0);
    }
    // The open action item shows on the team page, with its owner.
    expect(s.openTasks.filter((x) => x.kind === 'action').map((x) => x.owner?.id)).toEqual([
      ids.user.ressourceperson,
    ]);
  });

  it("Matematikteamet's evidence: Mette sees both her visits and the video; Rasmus only the visit he made", async () => {
    const mine = await onlyCycle('medarbejder', 'Matematikteamet');
    const kinds = mine.evidence.map((e) => e.kind).sort();
    expect(kinds).toEqual(['note', 'quote', 'table', 'video', 'visit', 'visit']);
    expect(mine.evidence.every((e) => e.available)).toBe(true);
    const visitIds = mine.evidence.flatMap((e) => (e.visit ? [e.visit.id] : []));
    const teachers = await rows<{ teacher: string; observer: string }>(
      t.ctx.db,
      sql`select teacher_id as teacher, observer_id as observer from observation_visits
          where id in (${sql.join(
            visitIds.map((v) => sql`${v}`),
            sql`, `,
          )}) and status = 'completed' and kind = 'visit'`,
    );
    expect(teachers.map((v) => v.teacher)).toEqual([ids.user.medarbejder, ids.user.medarbejder]);
    expect(new Set(teachers.map((v) => v.observer))).toEqual(
      new Set([ids.user.leder, ids.user.ressourceperson]),
    );
    // The visits' own rules still apply: Rasmus sees the one he observed, not the leader's.
    const his = await onlyCycle('ressourceperson', 'Matematikteamet');
    expect(
      his.evidence
        .filter((e) => e.kind === 'visit')
        .map((e) => e.available)
        .sort(),
    ).toEqual([false, true]);
  });

  it("Matematikteamet's meetings: last week's ended, next week's planned under the three moves, roles rotated", async () => {
    const c = await as('laerer4');
    const list = (await c.get(`${API}/teams/${ids.team.Matematikteamet}/meetings`)).json() as {
      items: { id: string; state: string; startsAt: string; facilitator: { id: string } | null }[];
    };
    const planned = list.items.filter((m) => m.state === 'planned');
    const ended = list.items.filter((m) => m.state === 'ended');
    expect([planned.length, ended.length]).toEqual([1, 1]);
    const inDays = (new Date(planned[0].startsAt).getTime() - now.getTime()) / 86_400_000;
    expect(inDays).toBeGreaterThan(5);
    expect(inDays).toBeLessThan(9);
    const next = (await c.get(`${API}/meetings/${planned[0].id}`)).json() as {
      agenda: { move: string }[];
      facilitator: { id: string };
      timekeeper: { id: string };
      dataholder: { id: string };
    };
    expect(new Set(next.agenda.map((a) => a.move))).toEqual(new Set(['stage', 'participation', 'respond']));
    expect(new Set([next.facilitator.id, next.timekeeper.id, next.dataholder.id]).size).toBe(3);
    expect(next.facilitator.id).not.toBe(ended[0].facilitator?.id);
    const minutes = (await c.get(`${API}/meetings/${ended[0].id}/minutes`)).json() as {
      decisions: unknown[];
      actions: unknown[];
    };
    expect([minutes.decisions.length, minutes.actions.length]).toEqual([1, 1]);
  });

  it("Mælkebøtten's stue has a Progressionsmodellen cycle about the group, with tasks and a note", async () => {
    const s = await space('medarbejder2', DEMO_STUE);
    expect([s.team.type, s.member]).toEqual(['stue', true]);
    const c = await onlyCycle('medarbejder2', DEMO_STUE);
    expect([c.state, c.templateName]).toEqual(['foer', 'Progressionsmodellen for dagtilbud']);
    expect(c.content.udgangspunkt.udgangspunkt).toMatch(/børn/);
    expect(c.tasks.filter((x) => x.kind === 'data').length).toBeGreaterThanOrEqual(2);
    expect(c.tasks.every((x) => x.owner !== null)).toBe(true);
    expect(c.evidence.map((e) => e.kind)).toEqual(['note']);
  });

  it('Indskolingsteamet has a finished Prøvehandling, every required field filled, visits before and after', async () => {
    const c = await onlyCycle('laerer9', 'Indskolingsteamet');
    expect([c.state, c.templateName]).toEqual(['afsluttet', 'Prøvehandling']);
    expect(c.finishedAt).not.toBeNull();
    for (const p of c.phases)
      for (const f of p.fields.filter((x) => x.required)) expect(c.content[p.key]?.[f.key]).toBeTruthy();
    expect(c.evidence.filter((e) => e.kind === 'visit')).toHaveLength(10);
    expect(c.evidence.filter((e) => e.kind === 'video' && e.available)).toHaveLength(1);
    expect(c.reflections.length).toBeGreaterThanOrEqual(3);
    // Five teachers visited before and five after, so both groups reach the minimum group.
    const split = await rows<{ after: boolean; teachers: number }>(
      t.ctx.db,
      sql`select v.planned_for >= current_date - 40 as after, count(distinct v.teacher_id)::int as teachers
          from inquiry_evidence e join observation_visits v on v.id = e.visit_id
          where e.cycle_id = ${c.id} group by 1 order by 1`,
    );
    expect(split).toEqual([
      { after: false, teachers: 5 },
      { after: true, teachers: 5 },
    ]);
  });

  it('nobody outside a team sees its cycle: colleagues, leaders (not shared), other institutions', async () => {
    const cycleOf = async (team: string) =>
      (
        await rows<{ id: string }>(
          t.ctx.db,
          sql`select id from inquiry_cycles where team_id = ${ids.team[team]}`,
        )
      )[0].id;
    const cases: [string, string][] = [
      ['Matematikteamet', 'laerer1'],
      ['Matematikteamet', 'leder'],
      ['Matematikteamet', 'medarbejder2'],
      [DEMO_STUE, 'leder2'],
      [DEMO_STUE, 'medarbejder'],
      ['Indskolingsteamet', 'laerer13'],
      ['Indskolingsteamet', 'medarbejder3'],
    ];
    for (const [team, local] of cases) {
      const id = await cycleOf(team);
      expect([team, local, ...err(await (await as(local)).get(`${API}/cycles/${id}`))]).toEqual([
        team,
        local,
        404,
        'inquiry.cycle_not_found',
      ]);
    }
    // And the members do.
    for (const [team, local] of [
      ['Matematikteamet', 'laerer4'],
      [DEMO_STUE, 'medarbejder2'],
      ['Indskolingsteamet', 'laerer12'],
    ] as const)
      expect((await (await as(local)).get(`${API}/cycles/${await cycleOf(team)}`)).statusCode).toBe(200);
  });

  it("the data plan's owners find their tasks in Mine opgaver", async () => {
    const mine = (await (await as('laerer4')).get(`${API}/me/tasks`)).json() as {
      items: { team: { name: string }; kind: string }[];
    };
    expect(mine.items.map((x) => [x.team.name, x.kind])).toContainEqual(['Matematikteamet', 'data']);
  });
});

describe("Indskolingsteamet's practice story", () => {
  type StoryRow = {
    id: string;
    state: string;
    visibility: string;
    reviewer: string;
    age_bands: string[];
    subject: string;
    methods: number;
    videos: number;
    before: number;
    after: number;
    cycle_state: string;
  };
  const story = async () =>
    (
      await rows<StoryRow>(
        t.ctx.db,
        sql`select s.id, s.state, s.visibility, u.email as reviewer, s.age_bands, t.label as subject,
          (select count(*)::int from story_methods m where m.story_id = s.id) as methods,
          (select count(*)::int from story_videos v where v.story_id = s.id) as videos,
          (select count(*)::int from inquiry_evidence e join observation_visits v on v.id = e.visit_id
            where e.cycle_id = s.cycle_id and v.planned_for < s.data_split_on) as before,
          (select count(*)::int from inquiry_evidence e join observation_visits v on v.id = e.visit_id
            where e.cycle_id = s.cycle_id and v.planned_for >= s.data_split_on) as after,
          c.state as cycle_state
        from practice_stories s join users u on u.id = s.reviewed_by
        join taxonomy_terms t on t.id = s.subject_id join inquiry_cycles c on c.id = s.cycle_id
        where s.team_id = ${ids.team.Indskolingsteamet}`,
      )
    )[0];

  it('is published to every kommune, reviewed by the editor, tagged, with a video and visits on both sides', async () => {
    expect(await story()).toEqual({
      id: expect.any(String),
      state: 'published',
      visibility: 'all',
      reviewer: 'redaktoer@demo.amongi.dk',
      age_bands: ['kl0-3'],
      subject: 'Understøttende undervisning',
      methods: 2,
      videos: 1,
      before: 5,
      after: 5,
      cycle_state: 'afsluttet',
    });
  });

  it('medarbejder3 (Bakkedal) and medarbejder2 (Fjordby) find it by searching "prøvehandling"; anonymous do not', async () => {
    const { id } = await story();
    const search = async (c: TestClient) =>
      (
        (await c.get(`${API}/stories?q=${encodeURIComponent('prøvehandling')}`)).json() as {
          items: { id: string }[];
        }
      ).items.map((x) => x.id);
    for (const local of ['medarbejder3', 'medarbejder2'])
      expect([local, await search(await as(local))]).toEqual([local, [id]]);
    // 'all' is every signed-in person, not the public.
    const anonymous = t.client();
    expect(await search(anonymous)).toEqual([]);
    expect(err(await anonymous.get(`${API}/stories/${id}`))).toEqual([404, 'story.not_found']);
  });

  it('shows medarbejder3 the video and figures before and after (five teachers each side), and may be tried', async () => {
    const { id } = await story();
    const s = (await (await as('medarbejder3')).get(`${API}/stories/${id}`)).json() as {
      videos: unknown[];
      may: { try: boolean };
      data: {
        indicators: {
          label: string;
          before: { value: number | null; teachers: number | null; suppressed: boolean };
          after: { value: number | null; teachers: number | null; suppressed: boolean };
        }[];
      } | null;
    };
    expect(s.videos).toHaveLength(1);
    expect(s.may.try).toBe(true);
    const calm = s.data?.indicators.find((i) => i.label.startsWith('Overgange mellem aktiviteter'));
    expect(calm?.before).toMatchObject({ suppressed: false, teachers: 5 });
    expect(calm?.after).toMatchObject({ suppressed: false, teachers: 5 });
    expect(calm?.after.value).toBeGreaterThan(calm?.before.value ?? Number.POSITIVE_INFINITY);
    const minutes = s.data?.indicators.find((i) => i.label.startsWith('Antal minutter'));
    expect(minutes?.after.value).toBeLessThan(minutes?.before.value ?? 0);
  });

  it('medarbejder3 starts a cycle from it in Naturfagsteamet; not in a team of which he is no member', async () => {
    const { id } = await story();
    const c = await as('medarbejder3');
    expect(
      err(await c.post(`${API}/stories/${id}/try`, { teamId: ids.team.Indskolingsteamet }))[0],
    ).toBeGreaterThanOrEqual(403);
    const res = await c.post(`${API}/stories/${id}/try`, { teamId: ids.team.Naturfagsteamet });
    expect(res.statusCode).toBe(201);
    const started = await cycle('medarbejder3', (res.json() as { cycleId: string }).cycleId);
    expect([started.state, started.templateName]).toEqual(['foer', 'Prøvehandling']);
    expect(started.question).toBe((await onlyCycle('laerer8', 'Indskolingsteamet')).question);
  });
});

describe('medarbejder3, a teacher in another kommune', () => {
  it('works at Bakkeskolen (Bakkedal) in Naturfagsteamet', async () => {
    const c = await as('medarbejder3');
    const me = (await c.get(`${API}/me`)).json() as { grants: { role: string; institutionId: string }[] };
    expect(me.grants).toEqual([
      expect.objectContaining({ role: 'medarbejder', institutionId: ids.institution.Bakkeskolen }),
    ]);
    const teams = (await c.get(`${API}/me/teams`)).json() as { items: { name: string }[] };
    expect(teams.items.map((x) => x.name)).toEqual(['Naturfagsteamet']);
  });

  it('an instance seeded before the account was listed gets it at the next start', async () => {
    await t.ctx.db.delete(users).where(eq(users.email, 'medarbejder3@demo.amongi.dk'));
    expect(await seedDemo(t.ctx.db)).toBe(true);
    expect(await seedDemo(t.ctx.db)).toBe(false);
    const c = t.client();
    await c.login('medarbejder3@demo.amongi.dk', 'demo1234');
    const teams = (await c.get(`${API}/me/teams`)).json() as { items: { name: string }[] };
    expect(teams.items.map((x) => x.name)).toEqual(['Naturfagsteamet']);
  });
});
