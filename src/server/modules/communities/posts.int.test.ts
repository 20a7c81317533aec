import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../auth/crypto.js';
import { comments, notifications } from '../../db/community-schema.js';
import { roleGrants, users } from '../../db/schema.js';
import { DEMO_PASSWORD } from '../../demo/index.js';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds, err } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { MAX_FILE_BYTES } from './file-type.js';

/*
 * Posts, files, replies and events in a community (issue 15): only joined members read and write them — not
 * people outside it (in the same or another kommune), not people only invited, not removed members, and not
 * by forging ids. Files are checked by their content; events come as .ics files.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const as: Record<string, TestClient> = {};
const API = '/api/v1';
let open: string; // open community: medarbejder moderates, medarbejder2 and leder are members
let closed: string; // invite-only: medarbejder moderates, ressourceperson only invited
let question: string;

const OCTET = { 'content-type': 'application/octet-stream' };
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000dIHDR-fake-body'),
  Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
]);

async function upload(c: TestClient, community: string, name: string, bytes: Buffer, body = '') {
  const q = new URLSearchParams({ name, body });
  return c.post(`${API}/communities/${community}/posts/file?${q}`, bytes, { headers: OCTET });
}
const post = (c: TestClient, community: string, body: Record<string, unknown>) =>
  c.post(`${API}/communities/${community}/posts`, body);
const event = (c: TestClient, community: string, body: Record<string, unknown>) =>
  c.post(`${API}/communities/${community}/events`, body);
const reply = (c: TestClient, postId: string, body: Record<string, unknown>) =>
  c.post(`${API}/community-posts/${postId}/comments`, body);

async function notes(userId: string, kind: string) {
  return t.database.db
    .select({ payload: notifications.payload, emailState: notifications.emailState })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  ids = await demoIds(db);
  for (const r of ['medarbejder', 'medarbejder2', 'ressourceperson', 'leder', 'administrator'])
    as[r] = await t.as(r);
  // Someone in another kommune (Bakkedal), able to sign in.
  const [far] = await db
    .insert(users)
    .values({
      email: 'fjern@bakkedal.example',
      name: 'Frida Fjern',
      status: 'active',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    })
    .returning();
  await db
    .insert(roleGrants)
    .values({ userId: far.id, role: 'medarbejder', institutionId: ids.institution.Bakkeskolen });
  as.far = await t.as('fjern@bakkedal.example');

  open = (await as.medarbejder.post(`${API}/communities`, { name: 'Matematik sammen' })).json().id;
  for (const r of ['medarbejder2', 'leder'])
    expect((await as[r].post(`${API}/communities/${open}/join`)).statusCode).toBe(200);
  closed = (
    await as.medarbejder.post(`${API}/communities`, { name: 'Lukket kreds', access: 'invite' })
  ).json().id;
  await as.medarbejder.post(`${API}/communities/${closed}/invitations`, {
    personId: ids.user.ressourceperson,
  });
}, 120_000);
afterAll(() => t?.close());

describe('posts', () => {
  it('a member asks a question; the text is kept as written, never turned into markup', async () => {
    const body = 'Hvordan starter I <b>morgensamlingen</b>? <script>alert(1)</script>';
    const res = await post(as.medarbejder2, open, { kind: 'question', body });
    expect(res.statusCode, res.body).toBe(201);
    question = res.json().id;
    expect(res.json()).toMatchObject({
      kind: 'question',
      body,
      url: null,
      file: null,
      event: null,
      author: { id: ids.user.medarbejder2 },
      replyCount: 0,
      can: { delete: true },
    });
    // The moderator may remove it; another member may not.
    expect((await as.medarbejder.get(`${API}/community-posts/${question}`)).json().can.delete).toBe(true);
    expect((await as.leder.get(`${API}/community-posts/${question}`)).json().can.delete).toBe(false);
    expect(err(await post(as.medarbejder2, open, { kind: 'tip', body: '   ' }))).toEqual([
      400,
      'community.post_empty',
    ]);
    expect(err(await post(as.medarbejder2, open, { kind: 'event', body: 'x' }))[0]).toBe(400);
  });

  it('a link post takes only http(s) addresses', async () => {
    const ok = await post(as.leder, open, { kind: 'link', body: 'Godt om tal', url: 'https://emu.dk/tal' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().url).toBe('https://emu.dk/tal');
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'mailto:a@b.dk', 'emu.dk', ''])
      expect(err(await post(as.leder, open, { kind: 'link', body: 'x', url })), url).toEqual([
        400,
        'community.link_invalid',
      ]);
    // A question cannot smuggle a link field in.
    expect(err(await post(as.leder, open, { kind: 'question', body: 'x', url: 'https://a.dk' }))).toEqual([
      400,
      'community.link_invalid',
    ]);
  });

  it('only joined members read and write: not outsiders, the invited, another kommune or forged ids', async () => {
    const outsiders = [as.ressourceperson, as.far, as.administrator];
    for (const c of outsiders) {
      // The open community is visible, its members' posts are not.
      expect(err(await post(c, open, { kind: 'tip', body: 'Hej' }))).toEqual([403, 'policy.forbidden']);
      expect(err(await c.get(`${API}/community-posts/${question}`))).toEqual([403, 'policy.forbidden']);
      expect(err(await c.get(`${API}/community-posts/${question}/comments`))).toEqual([
        403,
        'policy.forbidden',
      ]);
      expect(err(await reply(c, question, { body: 'Hej' }))).toEqual([403, 'policy.forbidden']);
      expect(err(await c.get(`${API}/communities/${open}/events`))).toEqual([403, 'policy.forbidden']);
      expect(err(await upload(c, open, 'a.pdf', pdf))).toEqual([403, 'policy.forbidden']);
      const feed = (await c.get(`${API}/communities/${open}/feed`)).json();
      expect(feed.items.filter((i: { kind: string }) => i.kind === 'post')).toEqual([]);
    }
    // The invite-only community: invited is not joined; others may not know it exists (admins do).
    expect(err(await post(as.ressourceperson, closed, { kind: 'tip', body: 'x' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    for (const c of [as.far, as.leder])
      expect(err(await post(c, closed, { kind: 'tip', body: 'x' }))).toEqual([404, 'community.not_found']);
    const secret = (await post(as.medarbejder, closed, { kind: 'tip', body: 'Kun for os' })).json().id;
    for (const c of [as.far, as.leder, as.ressourceperson])
      expect(err(await c.get(`${API}/community-posts/${secret}/comments`))[0]).toBeGreaterThanOrEqual(403);
    expect(err(await as.leder.get(`${API}/community-posts/${secret}`))).toEqual([404, 'community.not_found']);
    // Forged ids.
    const forged = '00000000-0000-4000-8000-000000000000';
    expect(err(await as.medarbejder.get(`${API}/community-posts/${forged}`))).toEqual([
      404,
      'community.post_not_found',
    ]);
    expect(err(await reply(as.medarbejder, forged, { body: 'x' }))).toEqual([
      404,
      'community.post_not_found',
    ]);
    expect(err(await post(as.medarbejder, forged, { kind: 'tip', body: 'x' }))).toEqual([
      404,
      'community.not_found',
    ]);
    // A reply cannot hang on a comment from another post's thread.
    const elsewhere = (await reply(as.medarbejder, secret, { body: 'Andet sted' })).json().id;
    expect(err(await reply(as.medarbejder, question, { body: 'x', parentId: elsewhere }))).toEqual([
      400,
      'comment.parent_not_found',
    ]);
    // … and a reply to a post has no time in a video.
    expect(err(await reply(as.medarbejder, question, { body: 'x', anchorSeconds: 3 }))).toEqual([
      400,
      'comment.anchor_invalid',
    ]);
  });
});

describe('replies (the discussion of a post)', () => {
  it('a member replies; the author is told as their settings say', async () => {
    const res = await reply(as.leder, question, { body: 'Vi starter med en tælleleg.' });
    expect(res.statusCode, res.body).toBe(201);
    const list = (await as.medarbejder2.get(`${API}/community-posts/${question}/comments`)).json();
    expect(list).toMatchObject({ total: 1, canComment: true });
    expect(list.items[0]).toMatchObject({ body: 'Vi starter med en tælleleg.', anchorSeconds: null });
    expect(list.items[0].author.id).toBe(ids.user.leder);
    expect((await as.medarbejder2.get(`${API}/community-posts/${question}`)).json().replyCount).toBe(1);
    const [n] = await notes(ids.user.medarbejder2, 'comment.reply');
    expect(n.payload).toMatchObject({ postId: question, communityId: open, commentId: res.json().id });
    expect(n.payload.videoId).toBeUndefined();
    // The default for replies is the daily digest.
    expect(n.emailState).toBe('digest');

    // Switched off: no notification at all. Switched to e-mail: one at once.
    const off = await as.medarbejder2.request('PUT', `${API}/notifications/preferences`, {
      items: [{ kind: 'comment.reply', delivery: 'off' }],
    });
    expect(off.statusCode, off.body).toBe(200);
    await reply(as.leder, question, { body: 'Og en sang.' });
    expect(await notes(ids.user.medarbejder2, 'comment.reply')).toHaveLength(1);
    await as.medarbejder2.request('PUT', `${API}/notifications/preferences`, {
      items: [{ kind: 'comment.reply', delivery: 'email' }],
    });
    await reply(as.leder, question, { body: 'Og en remse.' });
    const after = await notes(ids.user.medarbejder2, 'comment.reply');
    // Switching off also stopped the first one's digest e-mail ("from now on").
    expect(after.map((x) => x.emailState).sort()).toEqual(['done', 'email']);
  });

  it('a reply to a reply tells that reply’s author; replies of others can be reported, only moderators hide', async () => {
    const top = (await as.medarbejder2.get(`${API}/community-posts/${question}/comments?sort=oldest`)).json()
      .items[0];
    const res = await reply(as.medarbejder2, question, { body: 'Tak!', parentId: top.id });
    expect(res.statusCode, res.body).toBe(201);
    expect((await notes(ids.user.leder, 'comment.reply')).map((x) => x.payload.commentId)).toContain(
      res.json().id,
    );
    expect(top).toMatchObject({ canReport: true, canHide: false });
    const asMod = (await as.medarbejder.get(`${API}/community-posts/${question}/comments`)).json();
    expect(asMod.canModerate).toBe(true);
    expect((await as.leder.post(`${API}/comments/${res.json().id}/hide`)).statusCode).toBe(403);
    expect((await as.medarbejder.post(`${API}/comments/${res.json().id}/hide`)).statusCode).toBe(200);
    // Editing and reporting go through the same routes as on a video; outsiders cannot reach the reply.
    expect(err(await as.ressourceperson.post(`${API}/comments/${top.id}/report`, { reason: 'x' }))).toEqual([
      404,
      'comment.not_found',
    ]);
    expect((await as.medarbejder2.post(`${API}/comments/${top.id}/report`, { reason: 'x' })).statusCode).toBe(
      200,
    );
  });

  it('a reported reply waits in its community moderators’ queue, and only theirs', async () => {
    const top = (await as.medarbejder2.get(`${API}/community-posts/${question}/comments?sort=oldest`)).json()
      .items[0];
    // medarbejder2 reported it in the test before.
    const queue = (await as.medarbejder.get(`${API}/comment-reports`)).json();
    const item = queue.items.find((i: { comment: { id: string } }) => i.comment.id === top.id);
    expect(item).toMatchObject({
      video: null,
      post: { id: question, communityId: open, communityName: 'Matematik sammen' },
      reports: [{ reason: 'x' }],
    });
    const summary = (await as.medarbejder.get(`${API}/comment-reports/summary`)).json();
    expect(summary.openReports).toBeGreaterThanOrEqual(1);
    // A plain member does not moderate; an administrator outside the community cannot read its replies.
    expect(err(await as.leder.get(`${API}/comment-reports`))).toEqual([403, 'policy.forbidden']);
    const admin = (await as.administrator.get(`${API}/comment-reports`)).json();
    expect(admin.items.map((i: { comment: { id: string } }) => i.comment.id)).not.toContain(top.id);
    // The moderator closes the report: it leaves the queue.
    expect((await as.medarbejder.post(`${API}/comments/${top.id}/resolve`)).statusCode).toBe(200);
    const after = (await as.medarbejder.get(`${API}/comment-reports`)).json();
    expect(after.items.map((i: { comment: { id: string } }) => i.comment.id)).not.toContain(top.id);
  });
});

describe('files', () => {
  it('a PDF is shared and downloaded by members only, with its type from its content', async () => {
    const res = await upload(as.medarbejder2, open, 'Årsplan 3.b.pdf', pdf, 'Vores årsplan');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'file',
      body: 'Vores årsplan',
      file: { name: 'Årsplan 3.b.pdf', type: 'application/pdf', size: pdf.length },
    });
    const url = res.json().file.downloadUrl.replace('/api/v1', API);
    const got = await as.leder.get(url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-disposition']).toContain("filename*=UTF-8''%C3%85rsplan%203.b.pdf");
    expect(got.rawPayload.equals(pdf)).toBe(true);
    expect(err(await as.ressourceperson.get(url))).toEqual([403, 'policy.forbidden']);
    expect(err(await as.far.get(url))).toEqual([403, 'policy.forbidden']);
  });

  it('a deleted community takes its files with it', async () => {
    const gone = (await as.leder.post(`${API}/communities`, { name: 'Kortvarig' })).json().id;
    const res = await upload(as.leder, gone, 'plan.pdf', pdf);
    expect(res.statusCode, res.body).toBe(201);
    expect(await t.ctx.storage.list(`community-files/${gone}/`)).toHaveLength(1);
    expect((await as.leder.request('DELETE', `${API}/communities/${gone}`)).statusCode).toBe(200);
    expect(await t.ctx.storage.list(`community-files/${gone}/`)).toEqual([]);
  });

  it('refuses wrong, disguised, truncated, empty and too large files', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const cases: [string, Buffer, [number, string]][] = [
      ['program.exe', exe, [415, 'community.file_type']],
      ['rapport.pdf', exe, [415, 'community.file_type']], // a program named .pdf
      ['billede.png', pdf, [415, 'community.file_type']], // a PDF named .png
      ['side.html', Buffer.from('<script>alert(1)</script>'), [415, 'community.file_type']],
      ['afkortet.pdf', pdf.subarray(0, 20), [415, 'community.file_type']], // cut off: no %%EOF
      ['afkortet.png', png.subarray(0, png.length - 6), [415, 'community.file_type']],
      ['binaer.txt', Buffer.from([0x68, 0x00, 0x69]), [415, 'community.file_type']],
      ['ugyldig.txt', Buffer.from([0xc3, 0x28]), [415, 'community.file_type']], // not UTF-8
      ['tom.pdf', Buffer.alloc(0), [400, 'community.file_missing']],
      ['stor.pdf', Buffer.alloc(MAX_FILE_BYTES + 1, 0x20), [413, 'community.file_too_large']],
    ];
    for (const [name, bytes, expected] of cases)
      expect(err(await upload(as.medarbejder2, open, name, bytes)), name).toEqual(expected);
    expect((await upload(as.medarbejder2, open, 'billede.png', png)).statusCode).toBe(201);
    const txt = await upload(as.medarbejder2, open, 'noter.txt', Buffer.from('<b>Æblegrød</b>'));
    expect(txt.json().file.type).toBe('text/plain; charset=utf-8');
  });
});

describe('events', () => {
  let eventId: string;
  it('a member creates an event; the other members are told as their settings say', async () => {
    // leder wants no event notifications.
    await as.leder.request('PUT', `${API}/notifications/preferences`, {
      items: [{ kind: 'community.event', delivery: 'off' }],
    });
    const res = await event(as.medarbejder, open, {
      title: 'Læringsdag; tal, leg og bevægelse',
      date: '2027-03-10',
      start: '09:00',
      end: '15:30',
      place: 'Solsikkeskolen, lokale 12\\B',
      onlineUrl: 'https://meet.example.dk/laeringsdag',
      body: 'Vi mødes og prøver aktiviteterne.\nTag indeskotøj med.',
    });
    expect(res.statusCode, res.body).toBe(201);
    eventId = res.json().id;
    expect(res.json()).toMatchObject({
      kind: 'event',
      event: {
        title: 'Læringsdag; tal, leg og bevægelse',
        // 09:00 Danish winter time is 08:00 UTC.
        startsAt: '2027-03-10T08:00:00.000Z',
        endsAt: '2027-03-10T14:30:00.000Z',
        icsUrl: `/api/v1/community-posts/${eventId}/event.ics`,
      },
    });
    const [m2] = await notes(ids.user.medarbejder2, 'community.event');
    expect(m2.payload).toMatchObject({
      postId: eventId,
      communityId: open,
      eventTitle: res.json().event.title,
    });
    expect(m2.emailState).toBe('email');
    expect(await notes(ids.user.leder, 'community.event')).toEqual([]); // switched off
    expect(await notes(ids.user.medarbejder, 'community.event')).toEqual([]); // the author
    expect(await notes(ids.user.ressourceperson, 'community.event')).toEqual([]); // not a member

    const upcoming = (await as.leder.get(`${API}/communities/${open}/events`)).json().items;
    expect(upcoming.map((p: { id: string }) => p.id)).toContain(eventId);
    const feed = (await as.leder.get(`${API}/communities/${open}/feed`)).json().items;
    const item = feed.find((i: { id: string }) => i.id === `post:${eventId}`);
    expect(item?.post).toMatchObject({ kind: 'event', event: { title: res.json().event.title } });
    expect(item?.video).toBeUndefined();
    // The members' personal feed has it too.
    const mine = (await as.medarbejder2.get(`${API}/feed`)).json().items;
    expect(mine.some((i: { id: string }) => i.id === `post:${eventId}`)).toBe(true);
    expect(mine.some((i: { id: string }) => i.id === `post:${question}`)).toBe(true);
  });

  it('the .ics file is valid RFC 5545: escaped, folded, UTC, with a stable UID', async () => {
    const url = `${API}/community-posts/${eventId}/event.ics`;
    const res = await as.medarbejder2.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="Laeringsdag-tal-leg-og-/);
    const text = res.body;
    expect(text.endsWith('\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n /g, '')).toContain('SUMMARY:Læringsdag\\; tal\\, leg og bevægelse');
    expect(text.replace(/\r\n /g, '')).toContain('LOCATION:Solsikkeskolen\\, lokale 12\\\\B');
    expect(text).toContain('DTSTART:20270310T080000Z');
    expect(text).toContain('DTEND:20270310T143000Z');
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
    const ev = new ICAL.Event(vevent ?? undefined);
    expect(ev.summary).toBe('Læringsdag; tal, leg og bevægelse');
    expect(ev.location).toBe('Solsikkeskolen, lokale 12\\B');
    expect(ev.description).toContain('Vi mødes og prøver aktiviteterne.\nTag indeskotøj med.');
    expect(ev.startDate.toJSDate().toISOString()).toBe('2027-03-10T08:00:00.000Z');
    const uid = ev.uid;
    expect(uid).toContain(eventId);
    const again = new ICAL.Event(
      new ICAL.Component(ICAL.parse((await as.leder.get(url)).body)).getFirstSubcomponent('vevent') ??
        undefined,
    );
    expect(again.uid).toBe(uid);
    // Summer time: 14:00 in June is 12:00 UTC.
    const june = await event(as.leder, open, {
      title: 'Netværksmøde',
      date: '2027-06-10',
      start: '14:00',
      end: '16:00',
      onlineUrl: 'https://meet.example.dk/net',
    });
    expect(june.json().event.startsAt).toBe('2027-06-10T12:00:00.000Z');
    // Members only.
    for (const c of [as.ressourceperson, as.far])
      expect(err(await c.get(url))).toEqual([403, 'policy.forbidden']);
  });

  it('refuses an event that ends before it starts, has no place, a bad link or a day that does not exist', async () => {
    const base = { title: 'Møde', date: '2027-03-10', start: '10:00', end: '11:00', place: 'Lokale 1' };
    expect(err(await event(as.leder, open, { ...base, end: '09:00' }))).toEqual([
      400,
      'community.event_times',
    ]);
    expect(err(await event(as.leder, open, { ...base, date: '2027-02-30' }))).toEqual([
      400,
      'community.event_times',
    ]);
    expect(err(await event(as.leder, open, { ...base, place: '' }))).toEqual([400, 'community.event_place']);
    expect(err(await event(as.leder, open, { ...base, onlineUrl: 'javascript:alert(1)' }))).toEqual([
      400,
      'community.link_invalid',
    ]);
    expect(err(await event(as.ressourceperson, open, base))).toEqual([403, 'policy.forbidden']);
  });
});

describe('the community feed shows what members did there', () => {
  it('a comment by someone outside the community on a shared video is not in its feed', async () => {
    const db = t.database.db;
    const v = {
      id: await insertVideo(db, {
        ownerId: ids.user.medarbejder,
        institutionId: ids.institution.Solsikkeskolen,
        title: 'Tælleleg',
        visibility: 'kommune',
      }),
    };
    expect(
      (await as.medarbejder.post(`${API}/communities/${open}/videos`, { videoId: v.id })).statusCode,
    ).toBe(201);
    await db.insert(comments).values([
      { videoId: v.id, authorId: ids.user.ressourceperson, body: 'Udefra' },
      { videoId: v.id, authorId: ids.user.leder, body: 'Indefra' },
    ]);
    const feed = (await as.leder.get(`${API}/communities/${open}/feed`)).json().items;
    const excerpts = feed
      .filter((i: { kind: string }) => i.kind === 'comment')
      .map((i: { comment: { excerpt: string } }) => i.comment.excerpt);
    expect(excerpts).toContain('Indefra');
    expect(excerpts).not.toContain('Udefra');
  });
});

describe('removed members and removing posts', () => {
  it('a removed member can no longer read or write; authors and moderators remove posts', async () => {
    const tip = (await post(as.leder, open, { kind: 'tip', body: 'Brug terninger' })).json().id;
    expect(err(await as.medarbejder2.request('DELETE', `${API}/community-posts/${tip}`))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect((await as.medarbejder.request('DELETE', `${API}/community-posts/${tip}`)).statusCode).toBe(200);
    expect(err(await as.leder.get(`${API}/community-posts/${tip}`))).toEqual([
      404,
      'community.post_not_found',
    ]);

    const del = await as.medarbejder.request(
      'DELETE',
      `${API}/communities/${open}/members/${ids.user.medarbejder2}`,
    );
    expect(del.statusCode, del.body).toBe(200);
    expect(err(await as.medarbejder2.get(`${API}/community-posts/${question}`))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await reply(as.medarbejder2, question, { body: 'Hallo?' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await post(as.medarbejder2, open, { kind: 'tip', body: 'x' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    const mine = (await as.medarbejder2.get(`${API}/feed`)).json().items;
    expect(mine.some((i: { kind: string }) => i.kind === 'post')).toBe(false);
    // Their own post stays for the members, and the author can no longer delete it.
    expect((await as.leder.get(`${API}/community-posts/${question}`)).statusCode).toBe(200);
    expect(err(await as.medarbejder2.request('DELETE', `${API}/community-posts/${question}`))).toEqual([
      403,
      'policy.forbidden',
    ]);
  });
});
