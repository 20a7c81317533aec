import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/constants.js';
import { insertVideo, termId } from '../../testing/catalogue.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, secondApp, type TestApp, TestClient } from '../../testing/harness.js';

type Interests = { ageBands: string[]; subjectIds: string[]; methodIds: string[]; suggested: boolean };
type Home = { newest: { id: string }[]; collections: { videos: { id: string }[] }[]; personal: boolean };

describe('interests on the profile and the personal front page (issue 15)', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const v: Record<string, string> = {};
  const themes: string[] = [];
  const newestIds = (h: Home) => h.newest.map((x) => x.id);

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    ids = await demoIds(db);
    const soon = Date.now() + 400 * 24 * 3600 * 1000; // newer than any demo video
    const at = (n: number) => new Date(soon + n * 60_000);
    const school = { ownerId: ids.user.leder, institutionId: ids.institution.Solsikkeskolen };
    v.maths46 = await insertVideo(db, {
      ...school,
      title: 'Interesse brøker',
      visibility: 'public',
      subject: 'Matematik',
      ageBand: 'kl4-6',
      readyAt: at(1),
    });
    v.vuggestue = await insertVideo(db, {
      ...school,
      title: 'Interesse sprog i vuggestuen',
      visibility: 'public',
      subject: 'Kommunikation og sprog',
      ageBand: '0-2',
      readyAt: at(2),
    });
    v.undescribed = await insertVideo(db, {
      ...school,
      title: 'Interesse uden beskrivelse',
      visibility: 'public',
      readyAt: at(3),
    });
    v.maths03 = await insertVideo(db, {
      ...school,
      title: 'Interesse tælling',
      visibility: 'public',
      subject: 'Matematik',
      ageBand: 'kl0-3',
      methods: ['Feedback'],
      readyAt: at(4),
    });
    for (const label of ['Alsidig personlig udvikling', 'Social udvikling', 'Kommunikation og sprog'])
      themes.push(await termId(db, 'subject', label));
  });
  afterAll(() => t?.close());

  it('never saved: suggested from the institution type and teams', async () => {
    const pædagog = (await (await t.as('medarbejder2')).get('/api/v1/me/interests')).json() as Interests;
    expect(pædagog.suggested).toBe(true);
    expect(pædagog.ageBands).toEqual(['0-2']); // Vuggestuen
    expect(pædagog.subjectIds).toHaveLength(6); // the læreplanstemaer
    expect(pædagog.subjectIds).toEqual(expect.arrayContaining(themes));
    const teacher = (await (await t.as('medarbejder')).get('/api/v1/me/interests')).json() as Interests;
    expect(teacher).toEqual({ ageBands: ['kl0-3'], subjectIds: [], methodIds: [], suggested: true });
    const admin = (await (await t.as('administrator')).get('/api/v1/me/interests')).json() as Interests;
    expect(admin).toEqual({ ageBands: [], subjectIds: [], methodIds: [], suggested: true });
  });

  it('the front page narrows to them: a pædagog does not get 4.–6. klasse maths', async () => {
    const h = (await (await t.as('medarbejder2')).get('/api/v1/home')).json() as Home;
    expect(h.personal).toBe(true);
    expect(newestIds(h)).toContain(v.vuggestue);
    expect(newestIds(h)).toContain(v.undescribed); // not described: not ruled out
    expect(newestIds(h)).not.toContain(v.maths46);
    expect(newestIds(h)).not.toContain(v.maths03);
    const teacher = (await (await t.as('medarbejder')).get('/api/v1/home')).json() as Home;
    expect(newestIds(teacher)).toContain(v.maths03);
    expect(newestIds(teacher)).not.toContain(v.maths46);
    expect(newestIds(teacher)).not.toContain(v.vuggestue);
    // Nobody to narrow for: everything they may see.
    const admin = (await (await t.as('administrator')).get('/api/v1/home')).json() as Home;
    expect(admin.personal).toBe(false);
    expect(newestIds(admin)).toEqual(expect.arrayContaining([v.maths46, v.vuggestue, v.maths03]));
  });

  it('saved interests win at once, in this process and in another one', async () => {
    const c = await t.as('medarbejder');
    const { app: other } = await secondApp(t);
    try {
      await other.ready();
      const elsewhere = new TestClient(other);
      await elsewhere.login('medarbejder@demo.amongi.dk', DEMO_PASSWORD);
      // Both processes have the suggested page cached.
      expect(newestIds((await elsewhere.get('/api/v1/home')).json())).not.toContain(v.maths46);
      expect(newestIds((await c.get('/api/v1/home')).json())).not.toContain(v.maths46);

      const saved = await c.put('/api/v1/me/interests', {
        ageBands: ['kl4-6'],
        subjectIds: [await termId(t.database.db, 'subject', 'Matematik')],
        methodIds: [],
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ ageBands: ['kl4-6'], suggested: false });
      for (const client of [c, elsewhere]) {
        const h = (await client.get('/api/v1/home')).json() as Home;
        expect(h.personal).toBe(true);
        expect(newestIds(h)).toContain(v.maths46);
        expect(newestIds(h)).not.toContain(v.maths03);
        expect(newestIds(h)).not.toContain(v.vuggestue);
      }

      // Emptied: nothing narrows, and that is kept (not suggested again).
      await c.put('/api/v1/me/interests', { ageBands: [], subjectIds: [], methodIds: [] });
      expect((await elsewhere.get('/api/v1/me/interests')).json()).toEqual({
        ageBands: [],
        subjectIds: [],
        methodIds: [],
        suggested: false,
      });
      const all = (await elsewhere.get('/api/v1/home')).json() as Home;
      expect(all.personal).toBe(false);
      expect(newestIds(all)).toEqual(expect.arrayContaining([v.maths46, v.maths03, v.vuggestue]));
    } finally {
      await other.close();
    }
  });

  it('methods narrow too; one person’s interests do not change another’s page', async () => {
    const c = await t.as('ressourceperson');
    await c.put('/api/v1/me/interests', {
      ageBands: [],
      subjectIds: [],
      methodIds: [await termId(t.database.db, 'method', 'Feedback')],
    });
    const h = (await c.get('/api/v1/home')).json() as Home;
    expect(newestIds(h)).toContain(v.maths03); // Feedback
    expect(newestIds(h)).toContain(v.undescribed); // no methods: not ruled out
    const pædagog = (await (await t.as('medarbejder2')).get('/api/v1/home')).json() as Home;
    expect(newestIds(pædagog)).not.toContain(v.maths03);
  });

  it('refuses what does not fit, and anyone not signed in', async () => {
    const c = await t.as('medarbejder2');
    const before = (await c.get('/api/v1/me/interests')).json();
    for (const body of [
      { ageBands: ['kl11-12'], subjectIds: [], methodIds: [] },
      { ageBands: [], subjectIds: ['not-an-id'], methodIds: [] },
      { ageBands: [], subjectIds: [], methodIds: [], userId: ids.user.medarbejder },
      { ageBands: [] },
    ]) {
      const res = await c.put('/api/v1/me/interests', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await c.get('/api/v1/me/interests')).json()).toEqual(before);
    // A method's id given as a subject (or a term that does not exist) is left out, not kept.
    const feedback = await termId(t.database.db, 'method', 'Feedback');
    const res = await c.put('/api/v1/me/interests', {
      ageBands: ['3-5', '0-2'],
      subjectIds: [feedback, '00000000-0000-4000-8000-000000000000', themes[0]],
      methodIds: [feedback],
    });
    expect(res.json()).toEqual({
      ageBands: ['0-2', '3-5'],
      subjectIds: [themes[0]],
      methodIds: [feedback],
      suggested: false,
    });
    const anon = t.client();
    expect((await anon.get('/api/v1/me/interests')).statusCode).toBe(401);
    expect(
      (await anon.put('/api/v1/me/interests', { ageBands: [], subjectIds: [], methodIds: [] })).statusCode,
    ).toBe(401);
  });
});
