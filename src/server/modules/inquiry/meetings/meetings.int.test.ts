import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, rows } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { openStream, stateOf } from './live.testing.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let mette: TestClient; // medarbejder, Matematikteamet
let rasmus: TestClient; // ressourceperson, Matematikteamet
let team: string;
let base: string;
const FORGED = '00000000-0000-4000-8000-000000000000';
const plan = (extra: Record<string, unknown> = {}) => ({
  title: 'Teammøde om brøker',
  startsAt: '2026-12-10T13:00:00+01:00',
  purpose: 'Vi ser på elevernes begrundelser.',
  agenda: [
    { id: 'rammen', move: 'stage', title: 'Rammen for mødet', minutes: 5 },
    { id: 'runde', move: 'participation', title: 'Runde: hvad så vi?', minutes: 20 },
    { id: 'svar', move: 'respond', title: 'Hvad gør vi nu?', minutes: 10 },
  ],
  ...extra,
});

beforeAll(async () => {
  // Two live streams per process at most here, so that the limit's test can reach it (no other test holds two).
  t = await createTestApp({ MEETING_STREAMS_MAX: '2' });
  ids = await demoIds(t.ctx.db);
  team = ids.team.Matematikteamet;
  mette = await t.as('medarbejder');
  rasmus = await t.as('ressourceperson');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(() => t?.close());

async function newMeeting(extra: Record<string, unknown> = {}) {
  const r = await mette.post(`/api/v1/teams/${team}/meetings`, plan(extra));
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

describe('planning a meeting', () => {
  it('rotates the roles alphabetically from the previous meeting, and keeps roles someone chose', async () => {
    const first = await newMeeting();
    // Members alphabetically: Mette Nørgaard, Rasmus Kjær.
    expect(first.facilitator.id).toBe(ids.user.medarbejder);
    expect(first.timekeeper.id).toBe(ids.user.ressourceperson);
    expect(first.dataholder.id).toBe(ids.user.medarbejder);
    expect(first.agenda.map((a: { move: string }) => a.move)).toEqual(['stage', 'participation', 'respond']);
    const second = await newMeeting();
    expect(second.facilitator.id).toBe(ids.user.ressourceperson);
    expect(second.timekeeper.id).toBe(ids.user.medarbejder);
    expect(second.dataholder.id).toBe(ids.user.ressourceperson);
    const chosen = await newMeeting({ facilitatorId: ids.user.medarbejder, dataholderId: null });
    expect(chosen.facilitator.id).toBe(ids.user.medarbejder);
    expect(chosen.dataholder).toBeNull();
    const list = await rasmus.get(`/api/v1/teams/${team}/meetings?limit=2`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(2);
    expect(list.json().nextCursor).toBeTruthy();
  });

  it('refuses a role holder who is not a member, and a cycle of another team', async () => {
    const r = await mette.post(`/api/v1/teams/${team}/meetings`, plan({ timekeeperId: ids.user.laerer1 }));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('inquiry.not_team_member');
    const c = await mette.post(`/api/v1/teams/${team}/meetings`, plan({ cycleId: FORGED }));
    expect(c.statusCode).toBe(404);
    expect(c.json().error.code).toBe('inquiry.cycle_not_found');
  });

  it('refuses a stale change (409) and keeps the other’s', async () => {
    const m = await newMeeting();
    const a = await mette.patch(`/api/v1/meetings/${m.id}`, {
      version: m.version,
      purpose: 'Metters formål',
    });
    expect(a.statusCode).toBe(200);
    expect(a.json().version).toBe(m.version + 1);
    const b = await rasmus.patch(`/api/v1/meetings/${m.id}`, {
      version: m.version,
      purpose: 'Rasmus’ formål',
    });
    expect(b.statusCode).toBe(409);
    expect(b.json().error.code).toBe('inquiry.stale');
    expect((await mette.get(`/api/v1/meetings/${m.id}`)).json().purpose).toBe('Metters formål');
  });

  it('is hidden from everyone outside the team (404), and the team’s list is refused', async () => {
    const m = await newMeeting();
    const outsiders = {
      laerer1: 'same school, not in the team',
      leder: 'the school’s leader',
      medarbejder2: 'another institution',
      administrator: 'an administrator',
    };
    for (const who of Object.keys(outsiders)) {
      const c = await t.as(who);
      for (const url of [`/api/v1/meetings/${m.id}`, `/api/v1/meetings/${m.id}/minutes`]) {
        const r = await c.get(url);
        expect(r.statusCode, `${who} ${url}`).toBe(404);
        expect(r.json().error.code).toBe('inquiry.meeting_not_found');
      }
      const p = await c.patch(`/api/v1/meetings/${m.id}`, { version: 1, title: 'Kapret' });
      expect(p.statusCode, who).toBe(404);
      const list = await c.get(`/api/v1/teams/${team}/meetings`);
      expect([403, 404], who).toContain(list.statusCode);
      const made = await c.post(`/api/v1/teams/${team}/meetings`, plan());
      expect([403, 404], who).toContain(made.statusCode);
    }
    const forged = await mette.get(`/api/v1/meetings/${FORGED}`);
    expect(forged.statusCode).toBe(404);
    expect(forged.json().error.code).toBe('inquiry.meeting_not_found');
    const round = await mette.post(`/api/v1/rounds/${FORGED}/contributions`, {
      body: 'x',
      clientKey: 'abcdefgh1',
    });
    expect(round.statusCode).toBe(404);
    expect(round.json().error.code).toBe('inquiry.round_not_found');
    expect((await mette.get(`/api/v1/meetings/${m.id}`)).json().title).toBe('Teammøde om brøker');
  });
});

describe('meeting mode', () => {
  it('runs a round: only the facilitator starts it, a contribution sent twice is stored once', async () => {
    const m = await newMeeting({
      facilitatorId: ids.user.medarbejder,
      timekeeperId: ids.user.ressourceperson,
    });
    const round = {
      prompt: 'Hvad så du i timen?',
      speakerIds: [ids.user.ressourceperson, ids.user.medarbejder],
      turnSeconds: 60,
    };
    const refused = await rasmus.post(`/api/v1/meetings/${m.id}/rounds`, round);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('inquiry.not_facilitator');
    const started = await mette.post(`/api/v1/meetings/${m.id}/rounds`, round);
    expect(started.statusCode).toBe(201);
    expect(started.json().state).toBe('running');
    const r = started.json().rounds[0];
    expect(r.speakers.map((s: { id: string }) => s.id)).toEqual(round.speakerIds);

    const body = { body: 'Eleverne begrundede med tegninger.', clientKey: 'phone-key-0001' };
    const one = await rasmus.post(`/api/v1/rounds/${r.id}/contributions`, body);
    const two = await rasmus.post(`/api/v1/rounds/${r.id}/contributions`, body);
    expect(one.statusCode).toBe(201);
    expect(two.statusCode).toBe(200);
    expect(two.json().id).toBe(one.json().id);
    const [n] = await rows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from meeting_contributions where round_id = ${r.id}`,
    );
    expect(n.n).toBe(1);
    // The same key from another person is their own contribution.
    expect((await mette.post(`/api/v1/rounds/${r.id}/contributions`, body)).statusCode).toBe(201);

    // The timekeeper gives the word on; after the last speaker the round ends.
    const next = await rasmus.post(`/api/v1/rounds/${r.id}/next`);
    expect(next.json().rounds[0].turn).toBe(1);
    const last = await mette.post(`/api/v1/rounds/${r.id}/next`);
    expect(last.json().rounds[0].endedAt).not.toBeNull();
    const late = await rasmus.post(`/api/v1/rounds/${r.id}/contributions`, {
      body: 'For sent',
      clientKey: 'late-key-01',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('inquiry.round_ended');
    // …but a resend of what was stored still answers the stored row.
    expect((await rasmus.post(`/api/v1/rounds/${r.id}/contributions`, body)).json().id).toBe(one.json().id);

    const decided = await mette.post(`/api/v1/meetings/${m.id}/decisions`, {
      body: 'Vi prøver makkerforklaringer.',
    });
    expect(decided.statusCode).toBe(201);
    const action = await mette.post(`/api/v1/meetings/${m.id}/actions`, {
      title: 'Saml tre elevforklaringer',
      ownerId: ids.user.ressourceperson,
      dueOn: '2026-12-17',
    });
    expect(action.statusCode, action.body).toBe(201);
    const [task] = await rows<{ kind: string; owner_id: string; meeting_id: string }>(
      t.ctx.db,
      sql`select kind, owner_id, meeting_id from inquiry_tasks where meeting_id = ${m.id}`,
    );
    expect(task).toMatchObject({ kind: 'action', owner_id: ids.user.ressourceperson, meeting_id: m.id });
    const told = await rows<{ kind: string }>(
      t.ctx.db,
      sql`select kind from notifications where user_id = ${ids.user.ressourceperson} and payload->>'meetingId' = ${m.id}`,
    );
    expect(told).toHaveLength(1);
    const notOwner = await mette.post(`/api/v1/meetings/${m.id}/actions`, {
      title: 'x',
      ownerId: ids.user.laerer1,
    });
    expect(notOwner.statusCode).toBe(409);

    expect((await rasmus.post(`/api/v1/meetings/${m.id}/end`)).statusCode).toBe(403);
    const ended = await mette.post(`/api/v1/meetings/${m.id}/end`);
    expect(ended.json().state).toBe('ended');
    const minutes = (await rasmus.get(`/api/v1/meetings/${m.id}/minutes`)).json();
    expect(minutes.purpose).toBe('Vi ser på elevernes begrundelser.');
    expect(minutes.facilitator.name).toBe('Mette Nørgaard');
    expect(minutes.rounds[0].contributions.map((c: { body: string }) => c.body)).toContain(body.body);
    expect(minutes.decisions[0].body).toBe('Vi prøver makkerforklaringer.');
    expect(minutes.actions[0].owner.id).toBe(ids.user.ressourceperson);
  });
});

describe('the live stream', () => {
  it('sends the state first, then a contribution within a second', async () => {
    const m = await newMeeting({ facilitatorId: ids.user.medarbejder });
    const r = (
      await mette.post(`/api/v1/meetings/${m.id}/rounds`, {
        prompt: 'Runde',
        speakerIds: [ids.user.medarbejder, ids.user.ressourceperson],
      })
    ).json().rounds[0];
    const s = openStream(base, rasmus, m.id);
    await s.head;
    expect(s.status).toBe(200);
    expect(s.contentType).toContain('text/event-stream');
    const first = await s.next((e) => e.event === 'state', 2000, 0);
    expect(JSON.parse(first.data).id).toBe(m.id);
    const sent = Date.now();
    await mette.post(`/api/v1/rounds/${r.id}/contributions`, {
      body: 'Live fra telefonen',
      clientKey: 'live-key-0001',
    });
    await s.next(
      (e) =>
        e.event === 'state' &&
        stateOf(e).rounds[0].contributions.some((c) => c.body === 'Live fra telefonen'),
      1000,
    );
    expect(Date.now() - sent).toBeLessThan(1000);
    s.close();
  });

  it('refuses a stream past the process limit (503 inquiry.live_busy, Retry-After) until one closes', async () => {
    const m = await newMeeting({ facilitatorId: ids.user.medarbejder });
    const a = openStream(base, rasmus, m.id);
    const b = openStream(base, mette, m.id);
    await a.next((e) => e.event === 'state', 2000, 0);
    await b.next((e) => e.event === 'state', 2000, 0);
    const refused = await fetch(`${base}/api/v1/meetings/${m.id}/live`, {
      headers: { cookie: [...mette.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('inquiry.live_busy');
    a.close();
    await a.ended;
    // The server forgets the closed stream when its socket closes; then there is room again.
    let again = openStream(base, mette, m.id);
    for (let i = 0; i < 20; i++) {
      await again.head;
      if (again.status === 200) break;
      await new Promise((r) => setTimeout(r, 50));
      again = openStream(base, mette, m.id);
    }
    expect(again.status).toBe(200);
    again.close();
    b.close();
  });

  it('refuses a stream to an outsider (404) and without a session (401)', async () => {
    const m = await newMeeting();
    const outsider = openStream(base, await t.as('leder'), m.id);
    await outsider.head;
    expect(outsider.status).toBe(404);
    const anonymous = openStream(base, t.client(), m.id);
    await anonymous.head;
    expect(anonymous.status).toBe(401);
  });

  it('closes a removed member’s stream at once; they get no more updates', async () => {
    const m = await newMeeting({ facilitatorId: ids.user.medarbejder });
    const s = openStream(base, rasmus, m.id);
    await s.next((e) => e.event === 'state', 2000, 0);
    const admin = await t.as('administrator');
    const removed = await admin.delete(`/api/v1/teams/${team}/members/${ids.user.ressourceperson}`);
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    const closed = await s.next((e) => e.event === 'closed', 1000);
    expect(JSON.parse(closed.data).reason).toBe('access');
    await s.ended;
    const count = s.events.length;
    await mette.patch(`/api/v1/meetings/${m.id}`, { version: m.version, purpose: 'Efter' });
    await new Promise((r) => setTimeout(r, 200));
    expect(s.events).toHaveLength(count);
    expect((await rasmus.get(`/api/v1/meetings/${m.id}`)).statusCode).toBe(404);
    expect((await admin.put(`/api/v1/teams/${team}/members/${ids.user.ressourceperson}`)).statusCode).toBe(
      200,
    );
  });
});
