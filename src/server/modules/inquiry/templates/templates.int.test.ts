import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inquiryTemplates } from '../../../db/inquiry-schema.js';
import { auditLog } from '../../../db/schema.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { addTeachers } from '../../../testing/teachers.js';
import { BUILTIN_TEMPLATES } from './builtin.js';
import { syncBuiltinTemplates } from './sync.js';

/*
 * Cycle templates (issue 16, T2): the five built-in ones are rows kept in step with builtin.ts at start-up; a
 * team is offered those for its institution kind plus its kommune's own; forvaltning and administrators write
 * and archive a kommune's own, nobody else.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
const API = '/api/v1';
const FORGED = '00000000-0000-4000-8000-000000000000';

const phases = [
  {
    key: 'plan',
    stage: 'foer',
    title: 'Plan',
    fields: [{ key: 'maal', label: 'Mål', kind: 'text', required: true }],
  },
  { key: 'proev', stage: 'under', title: 'Prøv', fields: [] },
  {
    key: 'evaluer',
    stage: 'efter',
    title: 'Evaluer',
    fields: [{ key: 'svar', label: 'Svar', kind: 'line' }],
  },
];

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const who of [
    'medarbejder',
    'medarbejder2',
    'leder',
    'leder2',
    'forvaltning',
    'administrator',
    'ressourceperson',
  ])
    c[who] = await t.as(who);
  // A teacher at Bakkeskolen, in the other kommune.
  const [bakke] = await addTeachers(t.ctx.db, ids.institution.Bakkeskolen, 'bakke', 1);
  c.bakke = await t.as(bakke.email);
});
afterAll(() => t?.close());

const offered = async (who: string, team: string) => {
  const res = await c[who].get(`${API}/inquiry/templates?teamId=${ids.team[team]}`);
  expect(res.statusCode).toBe(200);
  return (res.json().items as { key: string | null; name: string; kommuneId: string | null }[]).map(
    (x) => x.name,
  );
};

describe('the built-in templates', () => {
  it('are five rows after start-up, each with its phases in før/under/efter order and required fields', async () => {
    const rows = await t.ctx.db.select().from(inquiryTemplates).where(isNull(inquiryTemplates.kommuneId));
    expect(rows.map((r) => r.key).sort()).toEqual(
      ['laeringscirklen', 'positive-afvigelser', 'progressionsmodellen', 'proevehandling', 'smtte'].sort(),
    );
    for (const r of rows) {
      const stages = r.phases.map((p) => p.stage);
      expect(stages[0]).toBe('foer');
      expect(stages.at(-1)).toBe('efter');
      expect(stages).toContain('under');
      expect(r.phases.some((p) => p.fields.some((f) => f.required))).toBe(true);
    }
    const progression = rows.find((r) => r.key === 'progressionsmodellen');
    expect(progression?.kinds).toEqual(['dagtilbud']);
    expect(progression?.description).toMatch(/aldrig en handleplan for et enkelt barn/);
    const smtte = rows.find((r) => r.key === 'smtte');
    expect(smtte?.phases.map((p) => p.title)).toEqual(['Sammenhæng', 'Mål', 'Tegn', 'Tiltag', 'Evaluering']);
  });

  it('the start-up sync puts a changed or archived built-in back as the data file says, and makes no copies', async () => {
    await t.ctx.db
      .update(inquiryTemplates)
      .set({ name: 'Ændret', archivedAt: new Date() })
      .where(eq(inquiryTemplates.key, 'smtte'));
    await syncBuiltinTemplates(t.ctx.db);
    await syncBuiltinTemplates(t.ctx.db);
    const rows = await t.ctx.db.select().from(inquiryTemplates).where(isNull(inquiryTemplates.kommuneId));
    expect(rows).toHaveLength(BUILTIN_TEMPLATES.length);
    const smtte = rows.find((r) => r.key === 'smtte');
    expect(smtte?.name).toBe('SMTTE');
    expect(smtte?.archivedAt).toBeNull();
  });

  it('a school team is offered four (not Progressionsmodellen); a dagtilbud team all five', async () => {
    const school = await offered('medarbejder', 'Matematikteamet');
    expect(school).toHaveLength(4);
    expect(school).not.toContain('Progressionsmodellen for dagtilbud');
    expect(school).toContain('Læringscirklen');
    const dagtilbud = await offered('medarbejder2', 'Vuggestuen');
    expect(dagtilbud).toHaveLength(5);
    expect(dagtilbud).toContain('Progressionsmodellen for dagtilbud');
    // The institution's leader sees the team's list too (team.space).
    expect(await offered('leder', 'Matematikteamet')).toEqual(school);
  });

  it('a team the reader may not know of is team.not_found; a colleague outside the team is refused', async () => {
    expect(
      err(await c.medarbejder.get(`${API}/inquiry/templates?teamId=${ids.team.Naturfagsteamet}`)),
    ).toEqual([404, 'team.not_found']);
    expect(err(await c.medarbejder.get(`${API}/inquiry/templates?teamId=${FORGED}`))).toEqual([
      404,
      'team.not_found',
    ]);
    expect(
      err(await c.medarbejder2.get(`${API}/inquiry/templates?teamId=${ids.team.Matematikteamet}`)),
    ).toEqual([404, 'team.not_found']);
    // Ressourceperson works at Solsikkeskolen but is not in 3. årgang.
    expect(
      err(await c.ressourceperson.get(`${API}/inquiry/templates?teamId=${ids.team['3. årgang']}`)),
    ).toEqual([403, 'policy.forbidden']);
  });
});

describe('a kommune’s own templates', () => {
  let ownId: string;

  it('forvaltning writes one for its kommune; the kommune’s school teams are offered it, its dagtilbud and other kommuner not', async () => {
    const res = await c.forvaltning.post(`${API}/inquiry/templates`, {
      kommuneId: ids.kommune['Fjordby Kommune'],
      name: 'Fjordbys undersøgelsesmodel',
      description: 'Kort og enkel.',
      kinds: ['skole', 'klub'],
      phases,
    });
    expect(res.statusCode).toBe(201);
    ownId = res.json().id;
    expect(res.json()).toMatchObject({
      key: null,
      kommuneId: ids.kommune['Fjordby Kommune'],
      kinds: ['skole', 'klub'],
    });
    expect(res.json().phases[0]).toMatchObject({
      intro: '',
      prompts: [],
      fields: [{ help: '', required: true }],
    });
    expect(await offered('medarbejder', 'Matematikteamet')).toContain('Fjordbys undersøgelsesmodel');
    expect(await offered('medarbejder2', 'Vuggestuen')).not.toContain('Fjordbys undersøgelsesmodel');
    const [row] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.subjectId, ownId));
    expect(row.action).toBe('inquiry.template.create');
  });

  it('nobody else may write one: staff and leaders 403, another kommune or a forged one 404', async () => {
    const body = (kommuneId: string) => ({ kommuneId, name: 'X', kinds: ['skole'], phases });
    const fjordby = ids.kommune['Fjordby Kommune'];
    expect(err(await c.medarbejder.post(`${API}/inquiry/templates`, body(fjordby)))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await c.leder.post(`${API}/inquiry/templates`, body(fjordby)))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(
      err(await c.forvaltning.post(`${API}/inquiry/templates`, body(ids.kommune['Bakkedal Kommune']))),
    ).toEqual([404, 'kommune.not_found']);
    expect(err(await c.administrator.post(`${API}/inquiry/templates`, body(FORGED)))).toEqual([
      404,
      'kommune.not_found',
    ]);
    const n = await t.ctx.db.select().from(inquiryTemplates).where(eq(inquiryTemplates.name, 'X'));
    expect(n).toHaveLength(0);
  });

  it('phases out of stage order, or repeated keys, are refused at the edge', async () => {
    const fjordby = ids.kommune['Fjordby Kommune'];
    const backwards = [phases[2], phases[1], phases[0]];
    const res = await c.forvaltning.post(`${API}/inquiry/templates`, {
      kommuneId: fjordby,
      name: 'Baglæns',
      kinds: ['skole'],
      phases: backwards,
    });
    expect(res.statusCode).toBe(400);
    const twice = [phases[0], { ...phases[1], key: 'plan' }, phases[2]];
    expect(
      (
        await c.forvaltning.post(`${API}/inquiry/templates`, {
          kommuneId: fjordby,
          name: 'To',
          kinds: ['skole'],
          phases: twice,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('the list without a team: the built-ins and the own templates of the person’s kommuner', async () => {
    const names = async (who: string) =>
      ((await c[who].get(`${API}/inquiry/templates`)).json().items as { name: string }[]).map((x) => x.name);
    expect(await names('forvaltning')).toContain('Fjordbys undersøgelsesmodel');
    expect(await names('administrator')).toContain('Fjordbys undersøgelsesmodel');
    const bakkedal = ((await c.bakke.get(`${API}/inquiry/templates`)).json().items as { name: string }[]).map(
      (x) => x.name,
    );
    expect(bakkedal).toHaveLength(5);
    expect(bakkedal).not.toContain('Fjordbys undersøgelsesmodel');
  });

  it('archiving: staff are refused, a built-in is not found, forvaltning archives it and it is offered no more', async () => {
    expect(err(await c.medarbejder.post(`${API}/inquiry/templates/${ownId}/archive`))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await c.bakke.post(`${API}/inquiry/templates/${ownId}/archive`))).toEqual([
      404,
      'inquiry.template_not_found',
    ]);
    const [builtin] = await t.ctx.db.select().from(inquiryTemplates).where(eq(inquiryTemplates.key, 'smtte'));
    expect(err(await c.administrator.post(`${API}/inquiry/templates/${builtin.id}/archive`))).toEqual([
      404,
      'inquiry.template_not_found',
    ]);
    expect(err(await c.forvaltning.post(`${API}/inquiry/templates/${FORGED}/archive`))).toEqual([
      404,
      'inquiry.template_not_found',
    ]);
    const res = await c.forvaltning.post(`${API}/inquiry/templates/${ownId}/archive`);
    expect(res.statusCode).toBe(200);
    expect(await offered('medarbejder', 'Matematikteamet')).not.toContain('Fjordbys undersøgelsesmodel');
    // A cycle cannot start from it any more.
    const start = await c.medarbejder.post(`${API}/teams/${ids.team.Matematikteamet}/cycles`, {
      templateId: ownId,
      title: 'Fra en arkiveret skabelon',
    });
    expect(err(start)).toEqual([404, 'inquiry.template_not_found']);
  });
});
