import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIcsLines, parseIcs } from '../../../ics/ics.testing.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { addTeachers } from '../../../testing/teachers.js';
import { makeProposal, sessionAt } from './course.testing.js';

/*
 * Calendars: one session as an .ics download (signed in, for those who may read the course) and the course's
 * feed at its secret token URL (no sign-in). Parsed with ical.js; Danish letters, commas and semicolons must
 * come back exactly.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let rp: TestClient;
let mette: TestClient;
let bakke: TestClient;
let course: { id: string; token: string };
let sessions: { id: string; startsAt: string; endsAt: string; place: string; onlineUrl: string | null }[];

const TITLE = 'Læsning, skrivning; og “æøå” i 3.–4. klasse';
const DESCRIPTION = 'Vi øver; I tager jeres egne eksempler med, gerne 2–3 stk.\nNy linje med \\ backslash';
const PLACE = 'Solsikkeskolen, lokale 12; indgang ved gården (Ø)';

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  rp = await t.as('ressourceperson');
  mette = await t.as('medarbejder');
  const [b] = await addTeachers(t.ctx.db, ids.institution.Bakkeskolen, 'bakke', 1);
  bakke = await t.as(b.email);
  course = await makeProposal(t.ctx.db, 'Læseforståelse', [{ userId: ids.user.medarbejder }]);
  await rp.put(`/api/v1/training/courses/${course.id}`, {
    title: TITLE,
    description: DESCRIPTION,
    capacity: 20,
    trainerIds: [ids.user.ressourceperson],
    institutionIds: [],
  });
  await rp.post(`/api/v1/training/courses/${course.id}/sessions`, { ...sessionAt(3, 7), place: PLACE });
  const res = await rp.post(`/api/v1/training/courses/${course.id}/sessions`, {
    ...sessionAt(10, 13),
    place: '',
    onlineUrl: 'https://meet.example/rum?id=1;x=2,3',
  });
  sessions = res.json().sessions;
});
afterAll(() => t?.close());

describe('one session as .ics', () => {
  it('downloads with the right headers and parses back exactly', async () => {
    const res = await mette.get(`/api/v1/training/sessions/${sessions[0].id}/ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9-]+\.ics"$/);
    expect(disposition).toContain('Laesning-skrivning-og-aeoeaa');
    checkIcsLines(res.body);
    const { calendar, events } = parseIcs(res.body);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events).toHaveLength(1);
    const e = events[0];
    expect(e.uid).toBe(`${sessions[0].id}@amongi.test`);
    expect(e.summary).toBe(`${TITLE} (1/2)`);
    expect(e.location).toBe(PLACE);
    expect(e.description).toContain(DESCRIPTION);
    expect(e.description).toContain(`http://amongi.test/traening/forloeb/${course.id}`);
    expect(e.startDate.toJSDate().toISOString()).toBe(new Date(sessions[0].startsAt).toISOString());
    expect(e.endDate.toJSDate().toISOString()).toBe(new Date(sessions[0].endsAt).toISOString());
    expect(e.component.getFirstProperty('dtstart')?.toICALString()).toMatch(/^DTSTART:\d{8}T\d{6}Z$/);
    expect(e.component.getFirstPropertyValue('url')).toBe(`http://amongi.test/traening/forloeb/${course.id}`);
    expect(e.component.getFirstPropertyValue('dtstamp')).toBeTruthy();
  });

  it('an online session names its link as location and conference', async () => {
    const res = await mette.get(`/api/v1/training/sessions/${sessions[1].id}/ics`);
    const [e] = parseIcs(res.body).events;
    expect(e.location).toBe('https://meet.example/rum?id=1;x=2,3');
    expect(e.component.getFirstPropertyValue('conference')).toBe('https://meet.example/rum?id=1;x=2,3');
    expect(e.description).toContain('Online: https://meet.example/rum?id=1;x=2,3');
  });

  it('is not there for those who may not read the course, nor for a made-up id', async () => {
    const path = `/api/v1/training/sessions/${sessions[0].id}/ics`;
    expect(err(await bakke.get(path))).toEqual([404, 'training.session_not_found']);
    expect(err(await (await t.as('medarbejder2')).get(path))).toEqual([404, 'training.session_not_found']);
    expect((await t.client().get(path)).statusCode).toBe(401);
    expect(err(await mette.get(`/api/v1/training/sessions/${crypto.randomUUID()}/ics`))).toEqual([
      404,
      'training.session_not_found',
    ]);
    expect(err(await mette.get('/api/v1/training/sessions/abc/ics'))).toEqual([400, 'request.invalid']);
  });
});

describe('the course feed', () => {
  const feedPath = () => `/api/v1/training/calendar/${course.token}.ics`;

  it('is the link on the course page and works without signing in', async () => {
    const page = (await mette.get(`/api/v1/training/courses/${course.id}`)).json();
    expect(page.calendarUrl).toBe(`http://amongi.test${feedPath()}`);
    const res = await t.client().get(feedPath());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['set-cookie']).toBeUndefined();
    checkIcsLines(res.body);
    const { calendar, events } = parseIcs(res.body);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(TITLE);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT1H');
    expect(events.map((e) => e.uid)).toEqual(sessions.map((s) => `${s.id}@amongi.test`));
    expect(events.map((e) => e.summary)).toEqual([`${TITLE} (1/2)`, `${TITLE} (2/2)`]);
  });

  it('follows changes: a moved session keeps its UID with a later SEQUENCE; a deleted one is gone', async () => {
    // The course and its sessions were made an hour ago and not changed since.
    await t.ctx.db.execute(
      sql`update training_sessions set created_at = created_at - interval '1 hour' where course_id = ${course.id}`,
    );
    await t.ctx.db.execute(
      sql`update training_courses set updated_at = updated_at - interval '1 hour' where id = ${course.id}`,
    );
    const before = parseIcs((await t.client().get(feedPath())).body).events;
    const moved = sessionAt(4, 9);
    const res = await rp.put(`/api/v1/training/courses/${course.id}/sessions/${sessions[0].id}`, {
      ...moved,
      place: PLACE,
    });
    expect(res.statusCode).toBe(200);
    const after = parseIcs((await t.client().get(feedPath())).body).events;
    const b0 = before.find((e) => e.uid.startsWith(sessions[0].id));
    const a0 = after.find((e) => e.uid.startsWith(sessions[0].id));
    expect(a0?.startDate.toJSDate().toISOString()).toBe(moved.startsAt);
    expect(a0?.sequence).toBeGreaterThan(b0?.sequence ?? 0);
    await rp.delete(`/api/v1/training/courses/${course.id}/sessions/${sessions[1].id}`);
    const left = parseIcs((await t.client().get(feedPath())).body).events;
    expect(left.map((e) => e.uid)).toEqual([`${sessions[0].id}@amongi.test`]);
  });

  it('a guessed or altered token finds nothing', async () => {
    const tok = course.token;
    const flipped = `${tok.slice(0, -1)}${tok.endsWith('A') ? 'B' : 'A'}`;
    for (const file of [
      `${flipped}.ics`,
      `${tok.toUpperCase()}.ics`,
      `${tok.slice(0, 20)}.ics`,
      tok,
      `${tok}.ICS`,
      `${tok}.ics.ics`,
      `${'A'.repeat(32)}.ics`,
      '..%2F..%2Fetc%2Fpasswd.ics',
      `${course.id}.ics`,
    ]) {
      const res = await t.client().get(`/api/v1/training/calendar/${file}`);
      expect(err(res), file).toEqual([404, 'training.course_not_found']);
    }
  });
});
