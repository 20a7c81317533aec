import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inquiryTasks, inquiryTemplates } from '../../../db/inquiry-schema.js';
import { auditLog } from '../../../db/schema.js';
import { videos } from '../../../db/videos-schema.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';

/*
 * Team spaces (issue 16, T1): members and the institution's leaders read the team page; only members write the
 * agreement, with a version check so two members writing at once lose nothing; a leader sees the cycles shared
 * with leadership and no tasks; videos shared with the team show to those who may watch them.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
const API = '/api/v1';
const FORGED = '00000000-0000-4000-8000-000000000000';
let math: string;
const videoIds: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  math = ids.team.Matematikteamet;
  for (const who of [
    'medarbejder',
    'ressourceperson',
    'leder',
    'leder2',
    'medarbejder2',
    'administrator',
    'laerer1',
  ])
    c[who] = await t.as(who);
  // Videos of Matematikteamet: one shared with the team, one private, one still processing, one for the institution.
  const base = {
    ownerId: ids.user.medarbejder,
    institutionId: ids.institution.Solsikkeskolen,
    kommuneId: ids.kommune['Fjordby Kommune'],
    teamId: math,
    originalFilename: 'x.mp4',
    originalSize: 1,
  };
  for (const [key, v] of [
    ['team', { visibility: 'team', status: 'ready' }],
    ['private', { visibility: 'private', status: 'ready' }],
    ['processing', { visibility: 'team', status: 'processing' }],
    ['institution', { visibility: 'institution', status: 'ready' }],
  ] as const) {
    const [row] = await t.ctx.db
      .insert(videos)
      .values({ ...base, ...v, title: `Video ${key}` })
      .returning({ id: videos.id });
    videoIds[key] = row.id;
  }
});
afterAll(() => t?.close());

const space = (who: string, team = math) => c[who].get(`${API}/teams/${team}/space`);

describe('the team page', () => {
  it('a member reads members, an empty agreement, and the ready videos shared with the team', async () => {
    const res = await space('ressourceperson');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.team).toMatchObject({
      id: math,
      name: 'Matematikteamet',
      institution: { name: 'Solsikkeskolen', type: 'skole' },
    });
    expect(s.member).toBe(true);
    expect(s.members.map((m: { id: string }) => m.id).sort()).toEqual(
      [ids.user.medarbejder, ids.user.ressourceperson].sort(),
    );
    expect(s.agreement).toEqual({ text: '', version: 0, updatedBy: null, updatedAt: null });
    expect(s.videos.map((v: { id: string }) => v.id)).toEqual([videoIds.team]);
    expect(s.openTasks).toEqual([]);
  });

  it('the institution’s leader reads it as a non-member: no tasks, no team videos', async () => {
    // A task of the team: members see it, the leader does not.
    await t.ctx.db.insert(inquiryTasks).values({ teamId: math, kind: 'action', title: 'Book lokale' });
    const member = (await space('medarbejder')).json();
    expect(member.openTasks.map((x: { title: string }) => x.title)).toEqual(['Book lokale']);
    const res = await space('leder');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ member: false, openTasks: [], videos: [] });
  });

  it('refuses a colleague outside the team (403), another institution, an administrator and a forged id (404)', async () => {
    expect(err(await space('laerer1'))).toEqual([403, 'policy.forbidden']);
    expect(err(await space('medarbejder2'))).toEqual([404, 'team.not_found']);
    expect(err(await space('leder2'))).toEqual([404, 'team.not_found']);
    expect(err(await space('medarbejder', FORGED))).toEqual([404, 'team.not_found']);
    // An administrator sees the institution but is no member or leader of it.
    expect(err(await space('administrator'))).toEqual([403, 'policy.forbidden']);
  });
});

describe('the agreement', () => {
  it('two members save at once from version 0: one wins, the other gets 409 inquiry.stale with the other’s text', async () => {
    const [a, b] = await Promise.all([
      c.medarbejder.put(`${API}/teams/${math}/agreement`, { text: 'Vi lytter, før vi svarer.', version: 0 }),
      c.ressourceperson.put(`${API}/teams/${math}/agreement`, { text: 'Vi møder forberedte.', version: 0 }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(won.json()).toMatchObject({ version: 1 });
    const details = Object.fromEntries(
      (lost.json().error.details as { path: string; message: string }[]).map((d) => [d.path, d.message]),
    );
    expect(lost.json().error.code).toBe('inquiry.stale');
    expect(details.text).toBe(won.json().text);
    expect(details.version).toBe('1');
    expect(details.updatedBy).toBe(won.json().updatedBy.name);
    // Saving again on top of the other's version works; nothing was lost.
    const again = await (a.statusCode === 200 ? c.ressourceperson : c.medarbejder).put(
      `${API}/teams/${math}/agreement`,
      { text: `${details.text}\nVi møder forberedte.`, version: 1 },
    );
    expect(again.statusCode).toBe(200);
    expect(again.json().version).toBe(2);
    expect((await space('leder')).json().agreement.text).toContain('Vi møder forberedte.');
    const audits = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'team.agreement.update'));
    expect(audits).toHaveLength(2);
  });

  it('leaders and colleagues outside the team may not write it; another institution’s member does not see the team', async () => {
    const body = { text: 'Lederens tekst', version: 2 };
    expect(err(await c.leder.put(`${API}/teams/${math}/agreement`, body))).toEqual([403, 'policy.forbidden']);
    expect(err(await c.laerer1.put(`${API}/teams/${math}/agreement`, body))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await c.medarbejder2.put(`${API}/teams/${math}/agreement`, body))).toEqual([
      404,
      'team.not_found',
    ]);
    expect((await space('medarbejder')).json().agreement.text).not.toContain('Lederens');
  });
});

describe('my teams', () => {
  it('lists the person’s teams with active cycles and open tasks counted; a leader also the house’s other teams with what they share', async () => {
    const [tpl] = await t.ctx.db.select().from(inquiryTemplates).where(eq(inquiryTemplates.key, 'smtte'));
    const made = await c.medarbejder.post(`${API}/teams/${math}/cycles`, {
      templateId: tpl.id,
      title: 'Talforståelse',
    });
    expect(made.statusCode).toBe(201);
    const res = await c.medarbejder.get(`${API}/me/teams`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { name: string; activeCycles: number; openTasks: number }[];
    expect(items.map((x) => x.name).sort()).toEqual(['3. årgang', 'Matematikteamet']);
    expect(items.find((x) => x.name === 'Matematikteamet')).toMatchObject({ activeCycles: 1, openTasks: 1 });
    expect(items.find((x) => x.name === '3. årgang')).toMatchObject({ activeCycles: 0, openTasks: 0 });
    expect(res.json().led).toEqual([]);
    const mine2 = (await c.leder2.get(`${API}/me/teams`)).json();
    expect(mine2.items).toEqual([]);
    // A leader sees the other teams of their own house only, with the cycles shared with leadership counted.
    type Led = { id: string; institution: { name: string }; sharedCycles: number };
    expect(mine2.led.length).toBeGreaterThan(0);
    expect((mine2.led as Led[]).every((x) => x.institution.name === 'Børnehuset Mælkebøtten')).toBe(true);
    const ledMath = async () =>
      ((await c.leder.get(`${API}/me/teams`)).json().led as Led[]).find((x) => x.id === math);
    expect(await ledMath()).toMatchObject({ sharedCycles: 0 });
    const shared = await c.medarbejder.patch(`${API}/cycles/${made.json().id}`, {
      version: made.json().version,
      sharedWithLeaders: true,
    });
    expect(shared.statusCode).toBe(200);
    expect(await ledMath()).toMatchObject({ sharedCycles: 1 });
  });
});
