import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoSignals } from '../../db/community-schema.js';
import { conversationPackages } from '../../db/conversations-schema.js';
import { inquiryCycles, inquiryTemplates } from '../../db/inquiry-schema.js';
import { videos } from '../../db/videos-schema.js';
import { demoIds, err } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { addTeachers } from '../../testing/teachers.js';

/*
 * Learning conversations (issue 17 part 4): forvaltning prepares a data package for one of its kommune's units,
 * shares it (figures frozen), the unit's leaders read it and write the record with forvaltning (version check);
 * staff, other kommuner and forged ids get 404; an uploaded table is checked row by row and saved whole or not at
 * all; the unit's earlier packages are its comparison and its previous agreement comes back for follow-up; the
 * agreed focus becomes the question of a cycle in one of the asker's own teams only.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
const API = '/api/v1';
const FORGED = '00000000-0000-4000-8000-000000000000';
let sol: string;
let first: string;
let second: string;
let template: string;

type Figure = { key: string; label: string; value: number | null; suppressed: boolean; unit: string };
type Detail = {
  id: string;
  version: number;
  state: string;
  themes: { key: string; kind: string; title: string; figures: { label: string; value: number }[] }[];
  figures: { key: string; kind: string; title: string; figures: Figure[] }[];
  record: { version: number; focus: string; nextStep: string };
  previous: { id: string; focus: string; goals: string; nextStep: string } | null;
  can: { prepare: boolean; record: boolean; observationFocus: boolean };
};

const csv = (who: string, id: string, body: string | Buffer, query = 'title=Frav%C3%A6r&unit=%25') =>
  c[who].request('POST', `${API}/conversations/${id}/figures?${query}`, body, {
    headers: { 'content-type': 'text/csv' },
  });
const get = (who: string, id: string) => c[who].get(`${API}/conversations/${id}`);
const detail = async (who: string, id: string): Promise<Detail> => {
  const res = await get(who, id);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const figure = (d: Detail, kind: string, key: string) =>
  d.figures.find((x) => x.kind === kind)?.figures.find((f) => f.key === key);

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  sol = ids.institution.Solsikkeskolen;
  [{ id: template }] = await t.ctx.db
    .select({ id: inquiryTemplates.id })
    .from(inquiryTemplates)
    .where(eq(inquiryTemplates.key, 'laeringscirklen'));
  for (const who of ['forvaltning', 'leder', 'leder2', 'ressourceperson', 'medarbejder', 'administrator'])
    c[who] = await t.as(who);
  const [bakke] = await addTeachers(t.ctx.db, ids.institution.Bakkeskolen, 'bakke', 1);
  c.bakke = await t.as(bakke.email);
  // The demo's own conversations are not this test's: it starts from an empty history.
  await t.ctx.db.delete(conversationPackages);
});
afterAll(() => t?.close());

describe('preparing a package', () => {
  it("forvaltning sees its kommune's units and starts a draft for one; nobody else can", async () => {
    const list = await c.forvaltning.get(`${API}/conversations`);
    expect(list.statusCode).toBe(200);
    const units = (list.json().units as { name: string }[]).map((u) => u.name);
    expect(units).toContain('Solsikkeskolen');
    expect(units).not.toContain('Bakkeskolen');
    const res = await c.forvaltning.post(`${API}/conversations`, {
      institutionId: sol,
      title: 'Læringssamtale efterår',
      plannedOn: '2026-10-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    first = res.json().id;
    expect(res.json()).toMatchObject({ state: 'draft', version: 1, themes: [], can: { prepare: true } });

    const body = { institutionId: sol, title: 'X' };
    expect(err(await c.leder.post(`${API}/conversations`, body))).toEqual([403, 'policy.forbidden']);
    expect(err(await c.medarbejder.post(`${API}/conversations`, body))).toEqual([403, 'policy.forbidden']);
    expect(err(await c.bakke.post(`${API}/conversations`, body))).toEqual([404, 'institution.not_found']);
    expect(
      err(
        await c.forvaltning.post(`${API}/conversations`, {
          ...body,
          institutionId: ids.institution.Bakkeskolen,
        }),
      ),
    ).toEqual([404, 'institution.not_found']);
    expect(err(await c.forvaltning.post(`${API}/conversations`, { ...body, institutionId: FORGED }))).toEqual(
      [404, 'institution.not_found'],
    );
    expect((await c.leder.get(`${API}/conversations`)).json()).toMatchObject({ items: [], units: [] });
  });

  it('a draft is forvaltning’s alone: the leaders, staff, administrators and another kommune get 404', async () => {
    for (const who of ['leder', 'ressourceperson', 'medarbejder', 'administrator', 'bakke', 'leder2'])
      expect([who, ...err(await get(who, first))]).toEqual([who, 404, 'conversation.not_found']);
    expect(err(await get('forvaltning', FORGED))).toEqual([404, 'conversation.not_found']);
  });

  it('themes are chosen in priority order; a stale version is 409 with the current values', async () => {
    const themes = [
      { key: 'obs', kind: 'observation', note: 'Hvad ser vi i undervisningen?' },
      { key: 'tried', kind: 'tried' },
      { key: 'training', kind: 'training' },
      { key: 'prog', kind: 'progression' },
    ];
    const res = await c.forvaltning.patch(`${API}/conversations/${first}`, { version: 1, themes });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Detail;
    expect(d.themes.map((x) => x.kind)).toEqual(['observation', 'tried', 'training', 'progression']);
    expect(d.figures.map((x) => x.kind)).toEqual(['observation', 'tried', 'training', 'progression']);
    const stale = await c.forvaltning.patch(`${API}/conversations/${first}`, { version: 1, title: 'Andet' });
    expect(err(stale)).toEqual([409, 'conversation.stale']);
    expect(stale.json().error.details).toContainEqual({ path: 'version', message: '2' });
    const dup = await c.forvaltning.patch(`${API}/conversations/${first}`, {
      version: 2,
      themes: [themes[0], themes[0]],
    });
    expect(dup.statusCode).toBe(400);
    expect(err(await c.leder.patch(`${API}/conversations/${first}`, { version: 2, title: 'X' }))).toEqual([
      404,
      'conversation.not_found',
    ]);
  });

  it('an uploaded table: BOM, semicolons and decimal commas read; row errors in Danish; nothing saved until clean', async () => {
    const bad =
      '\uFEFFKlassetrin;Fravær %\n0. klasse;4,5\n1. klasse;=SUM(A1)\n2. klasse;abc\n0. klasse;5\n=HYPERLINK("x");3\n';
    const preview = await csv('forvaltning', first, bad);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      saved: false,
      delimiter: ';',
      figures: [{ label: '0. klasse', value: 4.5 }],
    });
    const messages = preview.json().errors as { line: number; message: string }[];
    expect(messages.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(messages[0].message).toContain('ligner en formel');
    expect(messages[1].message).toBe('»abc« er ikke et tal.');
    expect(messages[2].message).toContain('står allerede');

    const refused = await csv('forvaltning', first, bad, 'title=Frav%C3%A6r&dryRun=false&version=2');
    expect(err(refused)).toEqual([422, 'conversation.figures_invalid']);
    expect((await detail('forvaltning', first)).themes).toHaveLength(4);

    const good = Buffer.from('\uFEFFPeriode,Fravær\n2025/26,"6,1"\n2026/27,"5,4"\n', 'utf8');
    const saved = await csv('forvaltning', first, good, 'title=Frav%C3%A6r&unit=%25&dryRun=false&version=2');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ saved: true, delimiter: ',' });
    const d = await detail('forvaltning', first);
    expect(d.themes.at(-1)).toMatchObject({
      kind: 'csv',
      title: 'Fravær',
      figures: [{ value: 6.1 }, { value: 5.4 }],
    });
    expect(d.figures.at(-1)?.figures.map((f) => f.value)).toEqual([6.1, 5.4]);

    // A file of garbage names its faults and saves nothing; one over 1 MB is refused whole.
    const garbage = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    const g = await csv('forvaltning', first, garbage);
    expect(g.statusCode).toBe(200);
    expect(g.json().errors.length).toBeGreaterThan(0);
    expect(g.json().errors.length).toBeLessThanOrEqual(50);
    expect((await csv('forvaltning', first, Buffer.alloc(1024 * 1024 + 10, 65))).statusCode).toBe(413);
    expect(err(await csv('leder', first, good))).toEqual([404, 'conversation.not_found']);
  });
});

describe('sharing freezes the figures', () => {
  it('tried/worked by fewer than five staff is hidden; sharing shows the package to the unit’s leaders only', async () => {
    const d = await detail('forvaltning', first);
    for (const f of d.figures.find((x) => x.kind === 'tried')?.figures ?? []) {
      if (f.suppressed) expect(f.value).toBeNull();
      if (f.unit === 'count' && f.value !== null) expect(f.value === 0 || f.value >= 5).toBe(true);
    }
    const res = await c.forvaltning.post(`${API}/conversations/${first}/share`, { version: d.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('shared');
    const leder = await detail('leder', first);
    expect(leder.figures).toEqual((res.json() as Detail).figures);
    expect(leder.can).toEqual({ prepare: false, record: true, observationFocus: true });
    for (const who of ['ressourceperson', 'medarbejder', 'administrator', 'bakke', 'leder2'])
      expect([who, ...err(await get(who, first))]).toEqual([who, 404, 'conversation.not_found']);
    expect(
      err(await c.forvaltning.patch(`${API}/conversations/${first}`, { version: leder.version, themes: [] })),
    ).toEqual([409, 'conversation.shared']);
    expect(err(await c.forvaltning.delete(`${API}/conversations/${first}`))).toEqual([
      409,
      'conversation.shared',
    ]);
    expect(
      err(await c.leder.post(`${API}/conversations/${first}/share`, { version: leder.version })),
    ).toEqual([403, 'policy.forbidden']);
  });

  it('new data later changes a new draft’s figures, never the shared package’s', async () => {
    const before = figure(await detail('forvaltning', first), 'tried', 'tried:triers');
    const staff = await addTeachers(t.ctx.db, sol, 'afprov', 7);
    const [video] = await t.ctx.db
      .insert(videos)
      .values({
        ownerId: ids.user.medarbejder,
        institutionId: sol,
        kommuneId: ids.kommune['Fjordby Kommune'],
        title: 'Læsebånd',
        visibility: 'institution',
        status: 'ready',
        originalFilename: 'x.mp4',
        originalSize: 1,
      })
      .returning({ id: videos.id });
    await t.ctx.db
      .insert(videoSignals)
      .values(staff.map((s, i) => ({ videoId: video.id, userId: s.id, worked: i < 5 })));
    const res = await c.forvaltning.post(`${API}/conversations`, {
      institutionId: sol,
      title: 'Læringssamtale forår',
      plannedOn: '2027-03-01',
    });
    second = res.json().id;
    const themes = [
      { key: 'tried', kind: 'tried' },
      { key: 'obs', kind: 'observation' },
    ];
    const draft = (
      await c.forvaltning.patch(`${API}/conversations/${second}`, { version: 1, themes })
    ).json() as Detail;
    const now = figure(draft, 'tried', 'tried:triers');
    expect(now?.value).toBeGreaterThanOrEqual(7);
    expect(figure(await detail('forvaltning', first), 'tried', 'tried:triers')).toEqual(before);
    expect(figure(await detail('leder', first), 'tried', 'tried:triers')).toEqual(before);
  });
});

describe('the record', () => {
  it('leaders and forvaltning write it together; the later of two writers gets 409 with the other’s change', async () => {
    const body = {
      version: 0,
      heldOn: '2026-10-01',
      participants: [{ id: ids.user.leder, name: 'Lene Dalgaard' }],
      guests: 'Læsevejleder Karen',
      followUp: '',
      reflections: 'Læsningen løfter sig i indskolingen.',
      focus: 'Hvordan styrker vi elevernes læseforståelse i 3. årgang?',
      goals: 'Flere elever læser alderssvarende.',
      efforts: 'Læsebånd og fælles observation.',
      nextStep: 'Teamene prøver læsebånd i seks uger.',
    };
    const mine = await c.leder.put(`${API}/conversations/${first}/record`, body);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().record).toMatchObject({ version: 1, focus: body.focus });
    const theirs = await c.forvaltning.put(`${API}/conversations/${first}/record`, {
      ...body,
      goals: 'Andet',
    });
    expect(err(theirs)).toEqual([409, 'conversation.stale']);
    expect(theirs.json().error.details).toContainEqual({ path: 'updatedBy', message: 'Lene Dalgaard' });
    const again = await c.forvaltning.put(`${API}/conversations/${first}/record`, { ...body, version: 1 });
    expect(again.statusCode).toBe(200);
    expect(again.json().record.version).toBe(2);
    for (const who of ['medarbejder', 'ressourceperson', 'bakke', 'leder2'])
      expect([who, ...err(await c[who].put(`${API}/conversations/${first}/record`, body))]).toEqual([
        who,
        404,
        'conversation.not_found',
      ]);
    // A draft's record is not the leaders' yet.
    expect(err(await c.leder.put(`${API}/conversations/${second}/record`, body))).toEqual([
      404,
      'conversation.not_found',
    ]);
  });

  it('the next conversation shows what was agreed last time, and compares the unit’s own packages only', async () => {
    const d = await detail('forvaltning', second);
    expect(d.previous).toMatchObject({
      id: first,
      focus: 'Hvordan styrker vi elevernes læseforståelse i 3. årgang?',
      nextStep: 'Teamene prøver læsebånd i seks uger.',
    });
    expect((await detail('forvaltning', first)).previous).toBeNull();
    const cmp = await c.forvaltning.get(`${API}/conversations/${second}/compare`);
    expect(cmp.statusCode, cmp.body).toBe(200);
    const { packages, series } = cmp.json() as {
      packages: { id: string }[];
      series: { key: string; values: (number | null)[] }[];
    };
    expect(packages.map((p) => p.id)).toEqual([first, second]);
    const triers = series.find((s) => s.key === 'tried:triers');
    expect(triers?.values[1]).toBeGreaterThanOrEqual(7);
    expect(err(await c.leder.get(`${API}/conversations/${second}/compare`))).toEqual([
      404,
      'conversation.not_found',
    ]);
    expect(err(await c.bakke.get(`${API}/conversations/${first}/compare`))).toEqual([
      404,
      'conversation.not_found',
    ]);
    // The leaders' list: the shared package, not the draft.
    const list = (await c.leder.get(`${API}/conversations`)).json() as {
      items: { id: string; focus: string }[];
    };
    expect(list.items.map((i) => i.id)).toEqual([first]);
  });
});

describe('handing the focus down', () => {
  it('starts a cycle with the focus as its question in a team of mine at the unit, and nowhere else', async () => {
    const own = ids.team.Ledelsesteamet;
    const res = await c.leder.post(`${API}/conversations/${first}/cycle`, {
      teamId: own,
      templateId: template,
    });
    expect(res.statusCode, res.body).toBe(201);
    const [cycle] = await t.ctx.db
      .select()
      .from(inquiryCycles)
      .where(eq(inquiryCycles.id, res.json().cycleId));
    expect(cycle).toMatchObject({
      teamId: own,
      question: 'Hvordan styrker vi elevernes læseforståelse i 3. årgang?',
    });
    // A team at the unit the leader is not on; a team at another unit; forvaltning is on no team.
    expect(
      err(
        await c.leder.post(`${API}/conversations/${first}/cycle`, {
          teamId: ids.team.Matematikteamet,
          templateId: template,
        }),
      ),
    ).toEqual([403, 'policy.forbidden']);
    expect(
      err(
        await c.leder.post(`${API}/conversations/${first}/cycle`, {
          teamId: ids.team.Vuggestuen,
          templateId: template,
        }),
      ),
    ).toEqual([404, 'conversation.team_elsewhere']);
    expect(
      err(
        await c.forvaltning.post(`${API}/conversations/${first}/cycle`, {
          teamId: own,
          templateId: template,
        }),
      ),
    ).toEqual([403, 'policy.forbidden']);
    expect(
      err(
        await c.medarbejder.post(`${API}/conversations/${first}/cycle`, {
          teamId: ids.team.Matematikteamet,
          templateId: template,
        }),
      ),
    ).toEqual([404, 'conversation.not_found']);
    // No focus agreed yet on the draft.
    expect(
      err(
        await c.forvaltning.post(`${API}/conversations/${second}/cycle`, {
          teamId: own,
          templateId: template,
        }),
      ),
    ).toEqual([409, 'conversation.no_focus']);
  });

  it('forvaltning deletes a draft', async () => {
    expect((await c.forvaltning.delete(`${API}/conversations/${second}`)).statusCode).toBe(204);
    expect(err(await get('forvaltning', second))).toEqual([404, 'conversation.not_found']);
  });
});
