import { sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMER_EMPLOYEE_ID } from '../../../shared/former-employee.js';
import { rows } from '../../db/rows.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { AREAS } from './areas.js';
import { erasePerson, runExport } from './index.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const as: Record<string, TestClient> = {};
let me: { id: string; name: string; email: string };
const v = { mine: '', others: '', privateOther: '' };
let courseId = '';

const q = (s: ReturnType<typeof sql>) => t.ctx.db.execute(s);

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const r of ['administrator', 'leder', 'medarbejder', 'medarbejder2']) as[r] = await t.as(r);
  const [u] = await rows<{ id: string; name: string; email: string }>(
    t.ctx.db,
    sql`select id, name, email from users where id = ${ids.user.medarbejder}`,
  );
  if (!u) throw new Error('no medarbejder');
  me = u;
  const inst = ids.institution.Solsikkeskolen;
  const video = async (owner: string, title: string, visibility: string) => {
    const [r] = await rows<{ id: string }>(
      t.ctx.db,
      sql`insert into videos (owner_id, institution_id, kommune_id, title, original_filename, original_size, visibility, status)
          select ${owner}, i.id, i.kommune_id, ${title}, 'lektion.mp4', 12345678, ${visibility}, 'ready' from institutions i where i.id = ${inst}
          returning id`,
    );
    return r?.id ?? '';
  };
  v.mine = await video(me.id, 'H3 min lektion', 'institution');
  v.others = await video(ids.user.leder, 'H3 lederens video', 'institution');
  v.privateOther = await video(ids.user.leder, 'H3 HEMMELIG andens video', 'private');
  // Her comment on the leader's video (stays, anonymised), a colleague's comment on her video (goes with it),
  // the leader's own comments (another person's words: never in her export).
  await q(sql`insert into comments (video_id, author_id, body) values
    (${v.others}, ${me.id}, 'H3 MIN KOMMENTAR'),
    (${v.others}, ${ids.user.leder}, 'H3 LEDERENS KOMMENTAR'),
    (${v.mine}, ${ids.user.leder}, 'H3 KOMMENTAR PÅ HENDES VIDEO'),
    (${v.privateOther}, ${ids.user.leder}, 'H3 ANDENS PRIVATE KOMMENTAR')`);
  // A colleague names her in a reply: the name goes, the reply stays.
  await q(
    sql`insert into comments (video_id, author_id, body) values (${v.others}, ${ids.user.leder}, ${`Tak, ${me.name}!`})`,
  );
  await q(
    sql`insert into video_notes (video_id, user_id, body) values (${v.others}, ${me.id}, 'H3 MIN NOTE')`,
  );
  await q(
    sql`insert into video_signals (video_id, user_id, worked, reflection) values (${v.others}, ${me.id}, true, 'H3 MIN REFLEKSION')`,
  );
  await q(
    sql`insert into video_feedback (video_id, author_id, at_seconds, kind, body) values (${v.others}, ${me.id}, 3, 'strength', 'H3 MIN FEEDBACK')`,
  );
  await q(sql`insert into notifications (user_id, kind, payload) values
    (${me.id}, 'comment', ${JSON.stringify({ text: 'H3 MIN NOTIFIKATION' })}::jsonb),
    (${ids.user.leder}, 'comment', ${JSON.stringify({ actorId: me.id, actorName: me.name, text: 'til lederen' })}::jsonb)`);
  const [schema] = await rows<{ id: string }>(
    t.ctx.db,
    sql`insert into observation_schemas (institution_id, version, definition) values (${inst}, 99, '{}'::jsonb) returning id`,
  );
  await q(sql`insert into observation_visits (institution_id, kind, status, schema_id, teacher_id, observer_id, planned_for, term, notes)
    values (${inst}, 'visit', 'completed', ${schema?.id}, ${me.id}, ${ids.user.leder}, '2026-11-01', '2026/27', 'H3 BESØG HOS HENDE'),
           (${inst}, 'self', 'completed', ${schema?.id}, ${me.id}, ${me.id}, '2026-11-02', '2026/27', 'H3 MIN SELVOBSERVATION'),
           (${inst}, 'visit', 'completed', ${schema?.id}, ${ids.user.leder}, ${ids.user.leder}, '2026-11-03', '2026/27', 'H3 ANDENS BESØG')`);
  const [method] = await rows<{ id: string }>(
    t.ctx.db,
    sql`insert into taxonomy_terms (kind, label) values ('method', 'H3 metode') returning id`,
  );
  const [course] = await rows<{ id: string }>(
    t.ctx.db,
    sql`insert into training_courses (method_id, title, calendar_token) values (${method?.id}, 'H3 forløb', 'h3-token') returning id`,
  );
  courseId = course?.id ?? '';
  await q(sql`insert into training_course_trainers (course_id, user_id) values (${courseId}, ${me.id})`);
  await q(
    sql`insert into training_enrolments (course_id, user_id, status) values (${courseId}, ${ids.user.leder}, 'enrolled')`,
  ).catch(() => undefined);
  await q(
    sql`insert into training_requests (method_id, user_id, institution_id) values (${method?.id}, ${me.id}, ${inst})`,
  );
}, 120_000);
afterAll(() => t?.close());

describe('Mine data export', () => {
  let exportId = '';
  it('asking twice at once makes one export', async () => {
    const [a, b] = await Promise.all([
      as.medarbejder.post('/api/v1/me/exports'),
      as.medarbejder.post('/api/v1/me/exports'),
    ]);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(a.json().id).toBe(b.json().id);
    exportId = a.json().id;
    const n = await rows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int n from data_exports where user_id = ${me.id}`,
    );
    expect(n[0]?.n).toBe(1);
    expect(a.json().downloadUrl).toBeNull();
  });

  it('the job makes a ZIP with every area and index.html, with her data and nobody else’s', async () => {
    await runExport(t.ctx, exportId);
    const list = (await as.medarbejder.get('/api/v1/me/exports')).json();
    expect(list.items[0]).toMatchObject({ id: exportId, status: 'ready', progress: 100 });
    const res = await as.medarbejder.get(list.items[0].downloadUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const text = (n: string) => new TextDecoder().decode(files[n]);
    expect(Object.keys(files).sort()).toEqual([...AREAS.map((a) => `${a.name}.json`), 'index.html'].sort());
    for (const a of AREAS) expect(Array.isArray(JSON.parse(text(`${a.name}.json`)))).toBe(true);
    const all = Object.keys(files).map(text).join('\n');
    expect(JSON.parse(text('profile.json'))[0]).toMatchObject({ name: me.name, email: me.email });
    expect(text('index.html')).toContain(me.name);
    expect(text('index.html')).toContain('anonyme');
    expect(text('index.html')).not.toContain('<script');
    for (const mine of [
      'H3 min lektion',
      'H3 MIN KOMMENTAR',
      'H3 MIN NOTE',
      'H3 MIN REFLEKSION',
      'H3 MIN FEEDBACK',
      'H3 MIN NOTIFIKATION',
      'H3 BESØG HOS HENDE',
      'H3 MIN SELVOBSERVATION',
      'H3 forløb',
      '12345678',
    ])
      expect(all, mine).toContain(mine);
    for (const theirs of [
      'H3 HEMMELIG',
      'H3 LEDERENS KOMMENTAR',
      'H3 KOMMENTAR PÅ HENDES VIDEO',
      'H3 ANDENS',
      'password',
      '$argon',
    ])
      expect(all, theirs).not.toContain(theirs);
    expect(JSON.parse(text('roles.json')).length).toBeGreaterThan(0);
    expect(JSON.parse(text('teams.json')).length).toBeGreaterThan(0);
  });

  it('nobody else can download it, not even a leader or an administrator (404)', async () => {
    const url = `/api/v1/me/exports/${exportId}/download`;
    for (const who of ['leder', 'administrator', 'medarbejder2']) {
      const res = await as[who]?.get(url);
      expect(res?.statusCode, who).toBe(404);
      expect(res?.json().error.code).toBe('mydata.export_not_found');
    }
    expect((await t.client().get(url)).statusCode).toBe(401);
    expect((await as.leder.get('/api/v1/me/exports')).json().items).toEqual([]);
  });

  it('an expired export is gone for its owner too', async () => {
    await q(sql`update data_exports set expires_at = now() - interval '1 minute' where id = ${exportId}`);
    expect((await as.medarbejder.get(`/api/v1/me/exports/${exportId}/download`)).statusCode).toBe(404);
    expect((await as.medarbejder.get('/api/v1/me/exports')).json().items[0].downloadUrl).toBeNull();
    await q(sql`update data_exports set expires_at = now() + interval '7 days' where id = ${exportId}`);
  });
});

describe('erasure', () => {
  it('only administrators see the preview; it says what goes, what is made anonymous and what stays', async () => {
    expect((await as.leder.get(`/api/v1/people/${me.id}/erasure`)).statusCode).toBe(403);
    const res = await as.administrator.get(`/api/v1/people/${me.id}/erasure`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.person.name).toBe(me.name);
    expect(p.videos.map((x: { title: string }) => x.title)).toEqual(['H3 min lektion']);
    const line = (k: string) => p.lines.find((l: { kind: string }) => l.kind === k);
    expect(line('videos')).toMatchObject({ action: 'remove', count: 1 });
    expect(line('comments')).toMatchObject({ action: 'anonymise', count: 1 });
    expect(line('courses_trained')).toMatchObject({ action: 'anonymise', count: 1 });
    expect(line('survey_answers')).toMatchObject({ action: 'keep', count: null });
    expect(p.blockedBy).toBeNull();
  });

  it('refuses a wrong name, oneself and the last administrator', async () => {
    const wrong = await as.administrator.post(`/api/v1/people/${me.id}/erasure`, { confirmName: 'Forkert' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: 'mydata.erase_confirm' });
    expect(wrong.json().error.message).toMatch(/navn/);
    const admin = ids.user.administrator ?? '';
    const preview = (await as.administrator.get(`/api/v1/people/${admin}/erasure`)).json();
    expect(preview.blockedBy).toBe('mydata.erase_self');
    const self = await as.administrator.post(`/api/v1/people/${admin}/erasure`, {
      confirmName: preview.person.name,
    });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.code).toBe('mydata.erase_self');
    await expect(erasePerson(t.ctx, admin, { by: null, reason: 'test' })).rejects.toMatchObject({
      code: 'mydata.erase_last_administrator',
    });
    expect(
      (await as.medarbejder.post(`/api/v1/people/${me.id}/erasure`, { confirmName: me.name })).statusCode,
    ).toBe(403);
  });

  it('after erasure nothing personal is left in any table; others’ words stay, hers show as "Tidligere medarbejder"', async () => {
    const mediaKey = `videos/${v.mine}/poster.jpg`;
    await t.ctx.storage.putBytes(mediaKey, 'jpeg');
    await t.ctx.storage.putBytes(`originals/${v.mine}`, 'original');
    const res = await as.administrator.post(`/api/v1/people/${me.id}/erasure`, { confirmName: me.name });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ erased: true, removedVideos: 1 });
    expect(await t.ctx.storage.stat(mediaKey)).toBeNull();
    expect(await t.ctx.storage.stat(`originals/${v.mine}`)).toBeNull();
    expect(await t.ctx.storage.list('exports')).toEqual([]);

    // Every column of every table that can hold her id, e-mail or name.
    const cols = await rows<{ table_name: string; column_name: string; data_type: string }>(
      t.ctx.db,
      sql`select table_name, column_name, data_type from information_schema.columns where table_schema = 'public'
          and data_type in ('uuid', 'text', 'character varying', 'jsonb', 'ARRAY')`,
    );
    const found: string[] = [];
    for (const c of cols) {
      const col = sql.identifier(c.column_name);
      const tbl = sql.identifier(c.table_name);
      const [hit] = await rows<{ n: number }>(
        t.ctx.db,
        sql`select count(*)::int n from ${tbl} where (${col})::text ilike ${`%${me.id}%`} or (${col})::text ilike ${`%${me.email}%`}
            or (${col})::text ilike ${`%${me.name}%`}`,
      );
      if (hit?.n) found.push(`${c.table_name}.${c.column_name}: ${hit.n}`);
    }
    // The one place her id stays: the erasure's own audit entry (ids and counts only).
    expect(found).toEqual(['audit_log.subject_id: 1']);
    const [entry] = await rows<{ action: string; details: unknown }>(
      t.ctx.db,
      sql`select action, details from audit_log where subject_id = ${me.id}`,
    );
    expect(entry).toMatchObject({ action: 'person.erase', details: { removedVideos: 1 } });

    // The leader's comment and her own (now anonymous) stay on the leader's video.
    const comments = (await as.leder.get(`/api/v1/videos/${v.others}/comments`)).json();
    const bodies = JSON.stringify(comments);
    expect(bodies).toContain('H3 LEDERENS KOMMENTAR');
    expect(bodies).toContain('H3 MIN KOMMENTAR');
    expect(bodies).toContain('Tidligere medarbejder');
    expect(bodies).not.toContain(me.name);
    expect(bodies).toContain('Tak, Tidligere medarbejder!');
    // "Tidligere medarbejder" is nobody an administrator lists or can erase.
    const listed = (await as.administrator.get('/api/v1/people?q=Tidligere')).json();
    expect(listed.items).toEqual([]);
    // The course keeps its (anonymous) trainer.
    const trainers = await rows<{ user_id: string }>(
      t.ctx.db,
      sql`select user_id from training_course_trainers where course_id = ${courseId}`,
    );
    expect(trainers).toEqual([{ user_id: FORMER_EMPLOYEE_ID }]);
    // She can no longer sign in; the erasure cannot be done twice.
    expect((await as.medarbejder.get('/api/v1/me/exports')).statusCode).toBe(401);
    expect(
      (await as.administrator.post(`/api/v1/people/${me.id}/erasure`, { confirmName: me.name })).statusCode,
    ).toBe(404);
    expect(
      (
        await as.administrator.post(`/api/v1/people/${FORMER_EMPLOYEE_ID}/erasure`, { confirmName: 'x' })
      ).json().error.code,
    ).toBe('mydata.erase_former_employee');
  });
  it('two erasures of one person at once: one erases, the other finds no one', async () => {
    const [u] = await rows<{ id: string }>(
      t.ctx.db,
      sql`insert into users (email, name, status) values ('to.gange@example.dk', 'To Gange', 'active') returning id`,
    );
    const url = `/api/v1/people/${u?.id}/erasure`;
    const both = await Promise.all([
      as.administrator.post(url, { confirmName: 'To Gange' }),
      as.administrator.post(url, { confirmName: 'To Gange' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 404]);
    const audits = await rows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int n from audit_log where action = 'person.erase' and subject_id = ${u?.id}`,
    );
    expect(audits[0]?.n).toBe(1);
  });
});
