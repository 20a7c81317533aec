import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbOrTx } from '../../../db/index.js';
import { insertVideo, termId } from '../../../testing/catalogue.js';
import { demoIds, err, rows } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { ask, type Demand, demandOf, useThreshold } from './demand.testing.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
const XSS = '<img src=x onerror=alert(1)> "Øvelse" & co';

type Panel = {
  threshold: number;
  canAsk: boolean;
  methods: Demand[];
  documented: {
    courseId: string;
    courseTitle: string;
    methodLabel: string;
    canOpenCourse: boolean;
    documentationVideo: { id: string; title: string } | null;
  }[];
};

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const who of ['medarbejder', 'ressourceperson', 'leder', 'medarbejder2', 'administrator'])
    c[who] = await t.as(who);
});
afterAll(() => t?.close());

/** A course in a given state, straight into the database, linked to the videos its requests came from. */
async function insertCourse(
  db: DbOrTx,
  spec: {
    methodId: string;
    state: string;
    title: string;
    institutionId: string;
    videoIds: string[];
    documentationVideoId?: string;
  },
) {
  const [row] = await rows<{ id: string }>(
    db,
    sql`insert into training_courses (method_id, state, title, calendar_token, documentation_video_id, documented_at)
        values (${spec.methodId}, ${spec.state}, ${spec.title}, ${randomBytes(24).toString('base64url')},
                ${spec.documentationVideoId ?? null}, now())
        returning id`,
  );
  await db.execute(sql`insert into training_course_institutions (course_id, institution_id)
    values (${row.id}, ${spec.institutionId})`);
  for (const videoId of spec.videoIds)
    await db.execute(
      sql`insert into training_course_videos (course_id, video_id) values (${row.id}, ${videoId})`,
    );
  return row.id;
}

describe('the training panel of a video', () => {
  it('shows the demand for each of its methods, by label; labels stay data', async () => {
    const sol = ids.institution.Solsikkeskolen;
    const video = await insertVideo(t.ctx.db, {
      ownerId: ids.user.medarbejder,
      institutionId: sol,
      methods: ['Cirkeltid', 'Aftaler', 'Brøkbånd', XSS],
    });
    const xssId = await termId(t.ctx.db, 'method', XSS);
    await ask(c.leder, { methodId: xssId, videoId: video });
    const res = await c.medarbejder.get(`/api/v1/videos/${video}/training`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const panel = res.json() as Panel;
    expect(panel.threshold).toBe(12);
    expect(panel.canAsk).toBe(true);
    const plain = panel.methods.map((x) => x.method.label).filter((l) => l !== XSS);
    expect(plain).toEqual(['Aftaler', 'Brøkbånd', 'Cirkeltid']);
    const xss = panel.methods.find((x) => x.method.id === xssId);
    expect(xss).toMatchObject({ method: { label: XSS }, count: 1, missing: 11, mine: { asked: false } });
    expect(panel.methods.every((x) => x.teams.some((tm) => tm.name === 'Matematikteamet'))).toBe(true);
    expect(panel.documented).toEqual([]);
  });

  it('is for those who may watch the video', async () => {
    const other = await insertVideo(t.ctx.db, {
      ownerId: ids.user['karin.thomsen'],
      institutionId: ids.institution.Bakkeskolen,
      methods: ['Aftaler'],
    });
    const mine = await insertVideo(t.ctx.db, {
      ownerId: ids.user.medarbejder,
      institutionId: ids.institution.Solsikkeskolen,
      visibility: 'private',
      methods: ['Aftaler'],
    });
    expect(err(await c.medarbejder.get(`/api/v1/videos/${other}/training`))).toEqual([
      404,
      'video.not_found',
    ]);
    expect(err(await c.leder.get(`/api/v1/videos/${mine}/training`))).toEqual([404, 'video.not_found']);
    expect(err(await c.leder.get('/api/v1/videos/00000000-0000-4000-8000-000000000000/training'))).toEqual([
      404,
      'video.not_found',
    ]);
    expect(err(await t.client().get(`/api/v1/videos/${mine}/training`))).toEqual([401, 'auth.required']);
    expect((await c.medarbejder.get(`/api/v1/videos/${mine}/training`)).statusCode).toBe(200);
  });

  it('links documented courses; the documentation video only for those who may watch it', async () => {
    const sol = ids.institution.Solsikkeskolen;
    const method = await termId(t.ctx.db, 'method', 'Dokumenteret metode');
    const source = await insertVideo(t.ctx.db, {
      ownerId: ids.user.medarbejder,
      institutionId: sol,
      visibility: 'public',
      methods: ['Dokumenteret metode'],
    });
    const teamDoc = await insertVideo(t.ctx.db, {
      ownerId: ids.user.ressourceperson,
      institutionId: sol,
      visibility: 'team',
      teamId: ids.team.Matematikteamet,
      title: 'Forløbet på film',
    });
    const bakke = ids.institution.Bakkeskolen;
    const hiddenDoc = await insertVideo(t.ctx.db, {
      ownerId: ids.user['karin.thomsen'],
      institutionId: bakke,
      visibility: 'private',
    });
    const publicDoc = await insertVideo(t.ctx.db, {
      ownerId: ids.user['karin.thomsen'],
      institutionId: bakke,
      visibility: 'public',
      title: 'Bakkedals forløb',
    });
    const ours = await insertCourse(t.ctx.db, {
      methodId: method,
      state: 'documented',
      title: 'Træning i <b>dialog</b>',
      institutionId: sol,
      videoIds: [source],
      documentationVideoId: teamDoc,
    });
    // Another kommune's courses: one whose film nobody here may watch (left out), one public.
    await insertCourse(t.ctx.db, {
      methodId: method,
      state: 'documented',
      title: 'Skjult',
      institutionId: bakke,
      videoIds: [source],
      documentationVideoId: hiddenDoc,
    });
    const theirs = await insertCourse(t.ctx.db, {
      methodId: method,
      state: 'documented',
      title: 'Bakkedal',
      institutionId: bakke,
      videoIds: [source],
      documentationVideoId: publicDoc,
    });
    // Not documented yet: not shown.
    await insertCourse(t.ctx.db, {
      methodId: method,
      state: 'completed',
      title: 'Færdig',
      institutionId: sol,
      videoIds: [source],
    });
    const panel = async (who: TestClient) =>
      ((await who.get(`/api/v1/videos/${source}/training`)).json() as Panel).documented.sort((a, b) =>
        a.courseTitle.localeCompare(b.courseTitle),
      );
    expect(await panel(c.medarbejder)).toEqual([
      {
        courseId: theirs,
        courseTitle: 'Bakkedal',
        methodLabel: 'Dokumenteret metode',
        canOpenCourse: false,
        documentationVideo: { id: publicDoc, title: 'Bakkedals forløb' },
      },
      {
        courseId: ours,
        courseTitle: 'Træning i <b>dialog</b>',
        methodLabel: 'Dokumenteret metode',
        canOpenCourse: true,
        documentationVideo: { id: teamDoc, title: 'Forløbet på film' },
      },
    ]);
    // The leder is not in Matematikteamet: sees the course, not its film.
    const leder = await panel(c.leder);
    expect(leder.find((d) => d.courseId === ours)).toMatchObject({
      canOpenCourse: true,
      documentationVideo: null,
    });
  });
});

describe('my requests', () => {
  it('lists them newest first, with team, course, and the video only while I may watch it', async () => {
    const sol = ids.institution.Solsikkeskolen;
    const video = await insertVideo(t.ctx.db, {
      ownerId: ids.user.ressourceperson,
      institutionId: sol,
      title: 'Rasmus’ video',
      methods: ['Min første', 'Via teamet', 'Med forslag'],
    });
    const first = await termId(t.ctx.db, 'method', 'Min første');
    const viaTeam = await termId(t.ctx.db, 'method', 'Via teamet');
    const proposed = await termId(t.ctx.db, 'method', 'Med forslag');
    await useThreshold(c.administrator, 1);
    const d = await ask(c.medarbejder, { methodId: proposed });
    await useThreshold(c.administrator, 12);
    await ask(c.medarbejder, { methodId: first, videoId: video });
    await ask(c.ressourceperson, { methodId: viaTeam, teamId: ids.team.Matematikteamet });
    const res = await c.medarbejder.get('/api/v1/training/requests/mine');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      method: { id: string };
      video: { id: string; title: string } | null;
      viaTeam: { name: string } | null;
      requestedByName: string | null;
      course: { id: string; state: string; title: string } | null;
      createdAt: string;
    }[];
    expect(items.map((i) => i.method.id)).toEqual([viaTeam, first, proposed]);
    expect(items[0]).toMatchObject({
      viaTeam: { name: 'Matematikteamet' },
      requestedByName: 'Rasmus Kjær',
      course: null,
    });
    expect(items[1]).toMatchObject({
      video: { id: video, title: 'Rasmus’ video' },
      viaTeam: null,
      requestedByName: null,
      course: null,
    });
    expect(items[2]).toMatchObject({
      video: null,
      viaTeam: null,
      course: { id: d.course?.id, state: 'proposed', title: '' },
    });
    expect(Number.isNaN(Date.parse(items[1].createdAt))).toBe(false);
    // Rasmus makes the video private: it is no longer shown to me.
    await t.ctx.db.execute(sql`update videos set visibility = 'private' where id = ${video}`);
    const after = (await c.medarbejder.get('/api/v1/training/requests/mine')).json().items as typeof items;
    expect(after.find((i) => i.method.id === first)?.video).toBeNull();
    // Nobody else's requests are listed.
    const others = (await c.medarbejder2.get('/api/v1/training/requests/mine')).json().items as typeof items;
    expect(others).toEqual([]);
  });

  it('a demand view of a method I did not ask for says so', async () => {
    const none = await termId(t.ctx.db, 'method', 'Ingen har spurgt');
    expect(await demandOf(c.medarbejder2, none)).toMatchObject({
      count: 0,
      missing: 12,
      mine: { asked: false, viaTeam: null, requestedByName: null },
      teams: [{ name: 'Vuggestuen', alreadyAsked: 0 }],
      course: null,
    });
  });
});
