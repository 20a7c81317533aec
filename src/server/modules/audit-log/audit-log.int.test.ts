import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, err, rows } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';

/* The audit log page (issue 20 part 5): filters, paging, CSV, each person's own entries, and who may not. */
let t: TestApp;
let admin: TestClient;
let ids: Awaited<ReturnType<typeof demoIds>>;
let ownVideo: string;
let otherVideo: string;

type Entry = {
  action: string;
  label: string;
  actor: { name: string } | null;
  subjectId: string | null;
  subjectName: string | null;
  details: string | null;
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('administrator');
  ids = await demoIds(t.ctx.db);
  const db = t.ctx.db;
  await db.execute(sql`delete from audit_log`);
  const video = async (owner: string, title: string) =>
    (
      await rows<{ id: string }>(
        db,
        sql`insert into videos (owner_id, institution_id, kommune_id, title, status, original_filename, original_size)
          select ${owner}, i.id, i.kommune_id, ${title}, 'ready', 'a.mp4', 1 from institutions i where i.name = 'Solsikkeskolen'
          returning id`,
      )
    )[0].id;
  ownVideo = await video(ids.user.medarbejder, 'Min egen time');
  otherVideo = await video(ids.user.leder, 'Ledelsens video');
  const u = ids.user;
  const entry = (actor: string | null, action: string, type: string, subject: string | null, at: string) =>
    db.execute(sql`insert into audit_log (actor_id, action, subject_type, subject_id, details, created_at)
      values (${actor}, ${action}, ${type}, ${subject}, ${JSON.stringify({ n: 1 })}::jsonb, ${at}::timestamptz)`);
  await entry(u.administrator, 'role.grant', 'person', u.medarbejder, '2026-03-01T10:00:00Z');
  await entry(u.leder, 'video.view_shared', 'video', ownVideo, '2026-03-02T10:00:00Z');
  await entry(
    u.leder,
    'observation.data.view',
    'institution',
    ids.institution.Solsikkeskolen,
    '2026-03-03T10:00:00Z',
  );
  await entry(u.administrator, 'role.revoke', 'person', u.leder, '2026-03-04T10:00:00Z');
  await entry(u.medarbejder, 'video.view_shared', 'video', otherVideo, '2026-03-05T10:00:00Z');
  await entry(null, 'retention.purge', 'instance', null, '2026-03-06T10:00:00Z');
  for (let i = 0; i < 25; i++)
    await entry(
      u.leder,
      'auth.sign_in',
      'user',
      u.leder,
      `2026-04-${String(i + 1).padStart(2, '0')}T08:00:00Z`,
    );
}, 120_000);
afterAll(() => t?.close());

const list = async (q = '') => {
  const res = await admin.get(`/api/v1/audit-log${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Entry[]; nextCursor: string | null };
};

describe('audit log for administrators', () => {
  it('shows entries newest first with readable labels, names and details', async () => {
    const { items } = await list('?limit=200');
    expect(items).toHaveLength(31);
    expect(items[0].action).toBe('auth.sign_in');
    const grant = items.find((e) => e.action === 'role.grant');
    expect(grant).toMatchObject({
      label: 'gav en rolle',
      actor: { name: 'Asta Administrator' },
      subjectId: ids.user.medarbejder,
      details: '{"n":1}',
    });
    expect(grant?.subjectName).toBeTruthy();
    expect(items.find((e) => e.action === 'retention.purge')?.actor).toBeNull();
    // A private video's title is not shown to administrators.
    expect(items.find((e) => e.subjectId === ownVideo)?.subjectName).toBeNull();
  });

  it('filters by person (name or e-mail), action, group, subject and period', async () => {
    const actions = async (q: string) => (await list(q)).items.map((e) => e.action);
    expect(await actions('?person=Asta')).toEqual(['role.revoke', 'role.grant']);
    expect(await actions('?person=administrator%40demo')).toEqual(['role.revoke', 'role.grant']);
    expect(await actions('?action=video.view_shared')).toEqual(['video.view_shared', 'video.view_shared']);
    expect(await actions('?group=access')).toEqual([
      'video.view_shared',
      'observation.data.view',
      'video.view_shared',
    ]);
    expect(await actions(`?subjectType=person&subjectId=${ids.user.leder}`)).toEqual(['role.revoke']);
    expect(await actions('?from=2026-03-02&to=2026-03-04')).toEqual([
      'role.revoke',
      'observation.data.view',
      'video.view_shared',
    ]);
    expect(await actions('?person=nobody-at-all')).toEqual([]);
    expect(await actions('?person=%25')).toEqual([]); // a LIKE wildcard is a plain character
  });

  it('refuses a period that ends before it starts, and bad filters, with stable codes', async () => {
    expect(err(await admin.get('/api/v1/audit-log?from=2026-03-05&to=2026-03-01'))).toEqual([
      422,
      'audit.bad_period',
    ]);
    expect(err(await admin.get('/api/v1/audit-log?group=nonsense'))).toEqual([400, 'request.invalid']);
    expect(err(await admin.get('/api/v1/audit-log?from=2026-02-30'))[0]).toBe(400);
    expect(err(await admin.get('/api/v1/audit-log?cursor=bm90LWEtY3Vyc29y'))).toEqual([
      400,
      'request.invalid',
    ]);
  });

  it('pages with a cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { items: (Entry & { id: string })[]; nextCursor: string | null } = (await list(
        `?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      )) as never;
      seen.push(...res.items.map((e) => e.id));
      cursor = res.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(31);
  });

  it('downloads the filtered log as CSV for Danish Excel, and the download is itself logged', async () => {
    const res = await admin.get('/api/v1/audit-log.csv?group=roles');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="auditlog-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Tidspunkt;Person;E-mail;Handling;Handlingskode;Emnetype;Emne-id;Emne;Detaljer');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(
      ';Asta Administrator;administrator@demo.amongi.dk;fjernede en rolle;role.revoke;person;',
    );
    const logged = await rows<{ details: { rows: number } }>(
      t.ctx.db,
      sql`select details from audit_log where action = 'audit.export'`,
    );
    expect(logged.map((r) => r.details.rows)).toEqual([2]);
  });

  it('is for administrators only', async () => {
    for (const who of ['leder', 'forvaltning', 'redaktoer', 'medarbejder']) {
      const c = await t.as(who);
      expect(err(await c.get('/api/v1/audit-log'))).toEqual([403, 'policy.forbidden']);
      expect(err(await c.get('/api/v1/audit-log.csv'))).toEqual([403, 'policy.forbidden']);
    }
    expect(err(await t.client().get('/api/v1/audit-log'))[0]).toBe(401);
  });
});

describe('a person’s own log', () => {
  it('shows what was done about them and their own recordings, without details', async () => {
    const me = await t.as('medarbejder');
    const all = (await me.get('/api/v1/me/audit-log')).json().items as Entry[];
    // Her own sign-in (just now) comes first.
    expect([all[0].action, all[0].actor?.name]).toEqual(['auth.sign_in', 'Mette Nørgaard']);
    const items = all.filter((e) => e.action !== 'auth.sign_in');
    expect(items.map((e) => [e.action, e.actor?.name])).toEqual([
      ['video.view_shared', 'Lene Dalgaard'],
      ['role.grant', 'Asta Administrator'],
    ]);
    expect(items[0].subjectName).toBe('Min egen time');
    expect(items.every((e) => e.details === null)).toBe(true);
  });

  it('never shows entries about someone else or their recordings', async () => {
    const leder = await t.as('leder');
    const res = await leder.get('/api/v1/me/audit-log?limit=100');
    const items = res.json().items as Entry[];
    // Her own sign-ins, the role taken from her, and the medarbejder watching HER video — not the medarbejder's.
    expect(new Set(items.map((e) => e.action))).toEqual(
      new Set(['auth.sign_in', 'role.revoke', 'video.view_shared']),
    );
    expect(items.some((e) => e.subjectId === ownVideo || e.subjectId === ids.user.medarbejder)).toBe(false);
    const colleague = await t.as('laerer1@demo.amongi.dk').catch(() => t.as('forvaltning'));
    const theirs = (await colleague.get('/api/v1/me/audit-log')).json().items as Entry[];
    expect(theirs.some((e) => e.subjectId === ownVideo || e.subjectId === ids.user.medarbejder)).toBe(false);
  });
});

describe('sensitive reads are audited', () => {
  const logged = async (action: string, actor: string) =>
    (
      await rows<{ n: number }>(
        t.ctx.db,
        sql`select count(*)::int as n from audit_log where action = ${action} and actor_id = ${actor}`,
      )
    )[0].n;

  it('a sign-in', async () => {
    const before = await logged('auth.sign_in', ids.user.redaktoer);
    await t.as('redaktoer');
    expect(await logged('auth.sign_in', ids.user.redaktoer)).toBe(before + 1);
  });

  it('a colleague watching a private recording shared with them: once per hour, in the owner’s log', async () => {
    await t.ctx.db.execute(sql`update videos set visibility = 'private' where id = ${ownVideo}`);
    await t.ctx.db.execute(
      sql`insert into video_grants (video_id, grantee_id, granted_by) values (${ownVideo}, ${ids.user.leder}, ${ids.user.medarbejder})`,
    );
    const leder = await t.as('leder');
    const before = await logged('video.view_shared', ids.user.leder);
    expect((await leder.get(`/api/v1/videos/${ownVideo}`)).statusCode).toBe(200);
    expect((await leder.get(`/api/v1/videos/${ownVideo}`)).statusCode).toBe(200);
    expect(await logged('video.view_shared', ids.user.leder)).toBe(before + 1);
    // The owner watching her own recording is not logged.
    const me = await t.as('medarbejder');
    const mine = await logged('video.view_shared', ids.user.medarbejder);
    expect((await me.get(`/api/v1/videos/${ownVideo}`)).statusCode).toBe(200);
    expect(await logged('video.view_shared', ids.user.medarbejder)).toBe(mine);
  });

  it('observation data: a view once per filter set, each CSV download', async () => {
    const leder = await t.as('leder');
    const url = `/api/v1/observation/institutions/${ids.institution.Solsikkeskolen}/data`;
    expect((await leder.get(url)).statusCode).toBe(200);
    expect((await leder.get(url)).statusCode).toBe(200);
    expect(await logged('observation.data.view', ids.user.leder)).toBe(2); // the fixture's one + this
    expect((await leder.get(`${url}.csv`)).statusCode).toBe(200);
    expect((await leder.get(`${url}.csv`)).statusCode).toBe(200);
    expect(await logged('observation.data.export', ids.user.leder)).toBe(2);
  });
});
