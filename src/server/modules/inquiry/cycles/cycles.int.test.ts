import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inquiryCycles, inquiryTemplates } from '../../../db/inquiry-schema.js';
import { auditLog } from '../../../db/schema.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { addTeachers } from '../../../testing/teachers.js';

/*
 * Inquiry cycles (issue 16, T2): members start, read and write a cycle; the institution's leaders read it only
 * while the team shares it; nobody else knows it exists. Two members editing at once lose nothing; answers must
 * fit the cycle's phases; a finished loop is read-only; the next loop carries the question and the open data plan.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
const API = '/api/v1';
const FORGED = '00000000-0000-4000-8000-000000000000';
let math: string;
const tpl: Record<string, string> = {};
let cycle: string;

type Detail = {
  id: string;
  version: number;
  state: string;
  loop: number;
  seriesId: string;
  question: string;
  content: Record<string, Record<string, string>>;
  canWrite: boolean;
  tasks: { title: string; kind: string; owner: { id: string } | null; done: boolean }[];
  loops: { id: string; loop: number; state: string }[];
  reflections: { person: { id: string }; body: string }[];
  members: { id: string }[];
  phases: { key: string; stage: string; fields: { key: string; label: string; required: boolean }[] }[];
};

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  math = ids.team.Matematikteamet;
  for (const r of await t.ctx.db.select().from(inquiryTemplates)) if (r.key) tpl[r.key] = r.id;
  for (const who of [
    'medarbejder',
    'ressourceperson',
    'leder',
    'leder2',
    'medarbejder2',
    'administrator',
    'forvaltning',
    'laerer1',
  ])
    c[who] = await t.as(who);
  const [bakke] = await addTeachers(t.ctx.db, ids.institution.Bakkeskolen, 'bakke', 1);
  c.bakke = await t.as(bakke.email);
});
afterAll(() => t?.close());

const get = (who: string, id = cycle) => c[who].get(`${API}/cycles/${id}`);
const patch = (who: string, body: Record<string, unknown>, id = cycle) =>
  c[who].patch(`${API}/cycles/${id}`, body);
const detail = async (who = 'medarbejder', id = cycle): Promise<Detail> => {
  const res = await get(who, id);
  expect(res.statusCode).toBe(200);
  return res.json();
};

describe('starting a cycle', () => {
  it('a member starts one from Læringscirklen: loop 1 of its own series, in før, the phases kept, not shared', async () => {
    const res = await c.medarbejder.post(`${API}/teams/${math}/cycles`, {
      templateId: tpl.laeringscirklen,
      title: 'Elevernes matematiksamtaler',
      question: 'Hvornår begrunder eleverne deres svar?',
    });
    expect(res.statusCode).toBe(201);
    const d = res.json() as Detail & { templateName: string; sharedWithLeaders: boolean };
    cycle = d.id;
    expect(d).toMatchObject({
      loop: 1,
      seriesId: d.id,
      state: 'foer',
      templateName: 'Læringscirklen',
      sharedWithLeaders: false,
      canWrite: true,
      version: 1,
      content: {},
    });
    expect(d.phases.map((p) => p.key)[0]).toBe('nysgerrighed');
    expect(d.loops).toEqual([{ id: d.id, loop: 1, state: 'foer', title: 'Elevernes matematiksamtaler' }]);
    expect(d.members.map((m) => m.id).sort()).toEqual(
      [ids.user.medarbejder, ids.user.ressourceperson].sort(),
    );
    const [a] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.subjectId, d.id));
    expect(a.action).toBe('inquiry.cycle.create');
  });

  it('a dagtilbud team starts Progressionsmodellen; a school team may not (not offered)', async () => {
    const ok = await c.medarbejder2.post(`${API}/teams/${ids.team.Vuggestuen}/cycles`, {
      templateId: tpl.progressionsmodellen,
      title: 'Overgange i garderoben',
    });
    expect(ok.statusCode).toBe(201);
    const no = await c.medarbejder.post(`${API}/teams/${math}/cycles`, {
      templateId: tpl.progressionsmodellen,
      title: 'X',
    });
    expect(err(no)).toEqual([404, 'inquiry.template_not_found']);
    expect(
      err(await c.medarbejder.post(`${API}/teams/${math}/cycles`, { templateId: FORGED, title: 'X' })),
    ).toEqual([404, 'inquiry.template_not_found']);
  });

  it('only members start one: leader and colleague 403, other places and forged teams 404', async () => {
    const body = { templateId: tpl.smtte, title: 'Nej' };
    expect(err(await c.leder.post(`${API}/teams/${math}/cycles`, body))).toEqual([403, 'policy.forbidden']);
    expect(err(await c.laerer1.post(`${API}/teams/${math}/cycles`, body))).toEqual([403, 'policy.forbidden']);
    expect(err(await c.medarbejder2.post(`${API}/teams/${math}/cycles`, body))).toEqual([
      404,
      'team.not_found',
    ]);
    expect(err(await c.bakke.post(`${API}/teams/${math}/cycles`, body))).toEqual([404, 'team.not_found']);
    expect(err(await c.medarbejder.post(`${API}/teams/${FORGED}/cycles`, body))).toEqual([
      404,
      'team.not_found',
    ]);
    const rows = await t.ctx.db.select().from(inquiryCycles).where(eq(inquiryCycles.title, 'Nej'));
    expect(rows).toHaveLength(0);
  });
});

describe('who may read and write a cycle', () => {
  const hidden = ['leder', 'laerer1', 'administrator', 'forvaltning', 'medarbejder2', 'leder2', 'bakke'];

  it('members read and write; everyone else (not shared) gets inquiry.cycle_not_found, a forged id too', async () => {
    expect((await detail('ressourceperson')).canWrite).toBe(true);
    for (const who of hidden)
      expect([who, ...err(await get(who))]).toEqual([who, 404, 'inquiry.cycle_not_found']);
    for (const who of hidden)
      expect([who, ...err(await patch(who, { version: 1, title: 'Kapret' }))]).toEqual([
        who,
        404,
        'inquiry.cycle_not_found',
      ]);
    expect(err(await get('medarbejder', FORGED))).toEqual([404, 'inquiry.cycle_not_found']);
    expect(err(await patch('medarbejder', { version: 1 }, FORGED))).toEqual([404, 'inquiry.cycle_not_found']);
  });

  it('shared with leaders: the institution’s leader reads it (not writes); nobody else; unshared again: gone at once', async () => {
    const v = (await detail()).version;
    expect((await patch('medarbejder', { version: v, sharedWithLeaders: true })).statusCode).toBe(200);
    const seen = await detail('leder');
    expect(seen.canWrite).toBe(false);
    expect(err(await patch('leder', { version: seen.version, title: 'Lederens titel' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await c.leder.put(`${API}/cycles/${cycle}/reflection`, { body: 'Min' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await c.leder.post(`${API}/cycles/${cycle}/next-loop`))).toEqual([403, 'policy.forbidden']);
    // On the team page too.
    const space = (await c.leder.get(`${API}/teams/${math}/space`)).json();
    expect(space.cycles.map((x: { id: string }) => x.id)).toContain(cycle);
    for (const who of hidden.filter((w) => w !== 'leder'))
      expect([who, ...err(await get(who))]).toEqual([who, 404, 'inquiry.cycle_not_found']);
    expect(
      (await patch('ressourceperson', { version: seen.version, sharedWithLeaders: false })).statusCode,
    ).toBe(200);
    expect(err(await get('leder'))).toEqual([404, 'inquiry.cycle_not_found']);
    const after = (await c.leder.get(`${API}/teams/${math}/space`)).json();
    expect(after.cycles.map((x: { id: string }) => x.id)).not.toContain(cycle);
  });
});

describe('editing the plan', () => {
  it('two members save the same version at once: one wins, the other gets 409 inquiry.stale with the current values', async () => {
    const v = (await detail()).version;
    const [a, b] = await Promise.all([
      patch('medarbejder', { version: v, content: { nysgerrighed: { undren: 'Eleverne gætter.' } } }),
      patch('ressourceperson', {
        version: v,
        content: { nysgerrighed: { antagelser: 'De mangler sprog.' } },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [won, lost, loser] = a.statusCode === 200 ? [a, b, 'ressourceperson'] : [b, a, 'medarbejder'];
    expect(lost.json().error.code).toBe('inquiry.stale');
    const current = Object.fromEntries(
      (lost.json().error.details as { path: string; message: string }[]).map((d) => [d.path, d.message]),
    );
    expect(current.version).toBe(String(v + 1));
    expect(current.title).toBe('Elevernes matematiksamtaler');
    const wonContent = (won.json() as Detail).content.nysgerrighed;
    const [[field, value]] = Object.entries(wonContent);
    expect(current[`content.nysgerrighed.${field}`]).toBe(value);
    // The loser saves again on top: both answers are kept.
    const mine =
      loser === 'ressourceperson' ? { antagelser: 'De mangler sprog.' } : { undren: 'Eleverne gætter.' };
    const again = await patch(loser, { version: v + 1, content: { nysgerrighed: mine } });
    expect(again.statusCode).toBe(200);
    expect((again.json() as Detail).content.nysgerrighed).toEqual({
      undren: 'Eleverne gætter.',
      antagelser: 'De mangler sprog.',
    });
  });

  it('answers must fit the cycle’s phases: unknown phase, unknown field, an impossible date → 400 inquiry.invalid_content', async () => {
    const d = await detail();
    for (const content of [
      { ukendt: { x: 'y' } },
      { nysgerrighed: { ukendt: 'y' } },
      { fokus: { analysedato: '2027-02-30' } },
      { fokus: { analysedato: 'næste uge' } },
    ]) {
      const res = await patch('medarbejder', { version: d.version, content });
      expect([JSON.stringify(content), ...err(res)]).toEqual([
        JSON.stringify(content),
        400,
        'inquiry.invalid_content',
      ]);
    }
    expect((await detail()).version).toBe(d.version);
    const ok = await patch('medarbejder', {
      version: d.version,
      content: { fokus: { analysedato: '2027-02-12' }, nysgerrighed: { undren: '' } },
    });
    expect(ok.statusCode).toBe(200);
    // '' clears an answer.
    expect((ok.json() as Detail).content).toEqual({
      nysgerrighed: { antagelser: 'De mangler sprog.' },
      fokus: { analysedato: '2027-02-12' },
    });
  });

  it('the cycle shows its evidence (through the evidence sub-module): a note a member added', async () => {
    const res = await c.ressourceperson.post(`${API}/cycles/${cycle}/evidence`, {
      kind: 'note',
      title: 'Fra 4.b',
      body: 'Tre elever begrundede uden at blive spurgt.',
    });
    expect(res.statusCode).toBe(201);
    const d = (await detail()) as Detail & { evidence: { kind: string; body: string; available: boolean }[] };
    expect(d.evidence.map((e) => [e.kind, e.body, e.available])).toEqual([
      ['note', 'Tre elever begrundede uden at blive spurgt.', true],
    ]);
  });

  it('each member writes their own reflection', async () => {
    const res = await c.ressourceperson.put(`${API}/cycles/${cycle}/reflection`, {
      body: 'Jeg stiller færre lukkede spørgsmål.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      person: { id: ids.user.ressourceperson },
      body: 'Jeg stiller færre lukkede spørgsmål.',
    });
    await c.medarbejder.put(`${API}/cycles/${cycle}/reflection`, { body: 'Vi skal lytte længere.' });
    await c.medarbejder.put(`${API}/cycles/${cycle}/reflection`, {
      body: 'Vi skal lytte længere, og vente.',
    });
    const d = await detail();
    expect(d.reflections.map((r) => [r.person.id, r.body]).sort()).toEqual(
      [
        [ids.user.medarbejder, 'Vi skal lytte længere, og vente.'],
        [ids.user.ressourceperson, 'Jeg stiller færre lukkede spørgsmål.'],
      ].sort(),
    );
  });

  it('state moves før → under → efter → afsluttet and back; a finished cycle is read-only but may be reopened', async () => {
    const before = await detail();
    let v = before.version;
    // A required answer still empty: the cycle stays where it is, and the answer says which ones are missing.
    const refused = await patch('medarbejder', { version: v, state: 'under' });
    expect(err(refused)).toEqual([409, 'inquiry.required_missing']);
    const required = before.phases.flatMap((p) =>
      p.fields
        .filter((f) => f.required)
        .map((f) => ({ stage: p.stage, phase: p.key, field: f.key, label: f.label })),
    );
    const foerPaths = required.filter((r) => r.stage === 'foer' && !before.content[r.phase]?.[r.field]);
    expect(
      refused
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(foerPaths.map((r) => `content.${r.phase}.${r.field}`).sort());
    expect((await detail()).state).toBe('foer');
    // Answering them in the same change lets it move on; finishing needs every stage's required answers.
    const content: Record<string, Record<string, string>> = {};
    for (const r of required.filter((x) => x.stage === 'foer'))
      content[r.phase] = { ...content[r.phase], [r.field]: `Svar på ${r.label}` };
    const moved = await patch('medarbejder', { version: v, state: 'under', content });
    expect(moved.statusCode).toBe(200);
    v = moved.json().version;
    expect(err(await patch('medarbejder', { version: v, state: 'afsluttet' }))).toEqual([
      409,
      'inquiry.required_missing',
    ]);
    const rest: Record<string, Record<string, string>> = {};
    for (const r of required.filter((x) => x.stage !== 'foer'))
      rest[r.phase] = { ...rest[r.phase], [r.field]: `Svar på ${r.label}` };
    v = (await patch('medarbejder', { version: v, content: rest })).json().version;
    for (const state of ['efter', 'under', 'efter', 'afsluttet']) {
      const res = await patch('medarbejder', { version: v, state });
      expect(res.statusCode).toBe(200);
      expect(res.json().state).toBe(state);
      v = res.json().version;
    }
    const finished = await detail();
    expect((finished as unknown as { finishedAt: string }).finishedAt).not.toBeNull();
    expect(err(await patch('medarbejder', { version: v, title: 'Ny titel' }))).toEqual([
      409,
      'inquiry.finished',
    ]);
    expect(err(await patch('medarbejder', { version: v, content: { analyse: { moenstre: 'x' } } }))).toEqual([
      409,
      'inquiry.finished',
    ]);
    expect(err(await c.medarbejder.put(`${API}/cycles/${cycle}/reflection`, { body: 'Sent' }))).toEqual([
      409,
      'inquiry.finished',
    ]);
    const reopened = await patch('medarbejder', { version: v, state: 'efter' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().finishedAt).toBeNull();
  });
});

describe('the next loop', () => {
  it('carries the question and the open data-plan lines into loop 2; the first loop is finished and stays as history', async () => {
    const line = (title: string, kind = 'data', ownerId: string | null = ids.user.ressourceperson) =>
      c.medarbejder.post(`${API}/cycles/${cycle}/tasks`, {
        kind,
        title,
        ownerId,
        dueOn: '2031-03-14',
        analyseOn: kind === 'data' ? '2031-03-20' : null,
      });
    expect((await line('Elevinterview i 4.b')).statusCode).toBe(201);
    expect((await line('Videooptagelse af gruppearbejde', 'data', null)).statusCode).toBe(201);
    const done = (await line('Observation i 5.a')).json();
    expect((await c.medarbejder.patch(`${API}/tasks/${done.id}`, { done: true })).statusCode).toBe(200);
    expect((await line('Book lokale', 'action')).statusCode).toBe(201);

    const res = await c.ressourceperson.post(`${API}/cycles/${cycle}/next-loop`);
    expect(res.statusCode).toBe(201);
    const next = res.json() as Detail;
    expect(next).toMatchObject({
      loop: 2,
      seriesId: cycle,
      state: 'foer',
      question: 'Hvornår begrunder eleverne deres svar?',
      content: {},
      version: 1,
    });
    expect(next.tasks.map((x) => [x.kind, x.title, x.owner?.id ?? null, x.done])).toEqual([
      ['data', 'Elevinterview i 4.b', ids.user.ressourceperson, false],
      ['data', 'Videooptagelse af gruppearbejde', null, false],
    ]);
    expect(next.loops.map((l) => [l.id, l.loop, l.state])).toEqual([
      [cycle, 1, 'afsluttet'],
      [next.id, 2, 'foer'],
    ]);
    const first = await detail();
    expect(first.state).toBe('afsluttet');
    expect(first.tasks).toHaveLength(4); // the first loop keeps its own plan
    expect(first.loops).toEqual(next.loops);
    const [a] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, next.id), eq(auditLog.action, 'inquiry.cycle.next_loop')));
    expect(a.details).toMatchObject({ from: cycle, loop: 2, carriedTasks: 2 });

    // The first loop is history now: no reopening, no second next loop from it.
    expect(err(await patch('medarbejder', { version: first.version, state: 'efter' }))).toEqual([
      409,
      'inquiry.finished',
    ]);
    expect(err(await c.medarbejder.post(`${API}/cycles/${cycle}/next-loop`))).toEqual([409, 'inquiry.stale']);
    // Two members clicking "next loop" on loop 2 at once make one loop 3.
    const both = await Promise.all([
      c.medarbejder.post(`${API}/cycles/${next.id}/next-loop`),
      c.ressourceperson.post(`${API}/cycles/${next.id}/next-loop`),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const series = await t.ctx.db.select().from(inquiryCycles).where(eq(inquiryCycles.seriesId, cycle));
    expect(series.map((s) => s.loop).sort()).toEqual([1, 2, 3]);
  });

  it('others cannot start it: a colleague 403, another institution or a forged id 404', async () => {
    const last = (await detail()).loops.at(-1)?.id as string;
    expect(err(await c.laerer1.post(`${API}/cycles/${last}/next-loop`))).toEqual([
      404,
      'inquiry.cycle_not_found',
    ]);
    expect(err(await c.medarbejder2.post(`${API}/cycles/${last}/next-loop`))).toEqual([
      404,
      'inquiry.cycle_not_found',
    ]);
    expect(err(await c.medarbejder.post(`${API}/cycles/${FORGED}/next-loop`))).toEqual([
      404,
      'inquiry.cycle_not_found',
    ]);
  });
});

describe('a member removed from the team', () => {
  it('loses access at once: the next request is refused everywhere', async () => {
    expect((await get('ressourceperson')).statusCode).toBe(200);
    const removed = await c.administrator.delete(`${API}/teams/${math}/members/${ids.user.ressourceperson}`);
    expect(removed.statusCode).toBe(200);
    expect(err(await get('ressourceperson'))).toEqual([404, 'inquiry.cycle_not_found']);
    expect(err(await patch('ressourceperson', { version: 1, title: 'Stadig her' }))).toEqual([
      404,
      'inquiry.cycle_not_found',
    ]);
    expect(err(await c.ressourceperson.get(`${API}/teams/${math}/space`))).toEqual([403, 'policy.forbidden']);
    const mine = (await c.ressourceperson.get(`${API}/me/teams`)).json().items as { id: string }[];
    expect(mine.map((x) => x.id)).not.toContain(math);
    // The remaining member still works; the removed one is no longer among the members.
    const d = await detail();
    expect(d.members.map((m) => m.id)).toEqual([ids.user.medarbejder]);
  });
});
