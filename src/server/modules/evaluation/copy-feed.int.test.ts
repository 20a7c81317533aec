import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIcs } from '../../ics/ics.testing.js';
import { demoIds, err } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { notificationsOf } from '../notifications/notify.testing.js';
import { API, addItem, item, YEAR } from './evaluation.testing.js';
import { sendDueEvaluationReminders } from './reminders.js';

/*
 * Evaluation plans (issue 17 part 1): copying last year's plan (once, also when asked twice at once; 29 February),
 * the personal iCal feed (what it holds, renewing stops the old address), and reminders (due at 08:00 Danish
 * time, sent once even by two workers at once, again after the date moves).
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
let sol: string;
let fjordby: string;

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  sol = ids.institution.Solsikkeskolen;
  fjordby = ids.kommune['Fjordby Kommune'];
  for (const who of ['leder', 'ressourceperson', 'medarbejder', 'leder2', 'forvaltning'])
    c[who] = await t.as(who);
});
afterAll(() => t?.close());

const wheelOf = async (who: string, year: number) =>
  (await c[who].get(`${API}/evaluation/wheel?institutionId=${sol}&year=${year}`)).json();

describe('copying last year’s plan', () => {
  it('moves the dates one year (29 February → 28 February), resets the reminders, and is done once', async () => {
    const plan = { scope: 'institution' as const, ownerId: sol };
    await addItem(
      c.leder,
      item(plan, {
        title: 'Ordblindetest',
        kind: 'laeseproeve',
        collectFrom: '2032-02-29',
        collectTo: '2032-03-10',
        analyseOn: null,
        meetingKind: null,
      }),
    );
    await addItem(
      c.leder,
      item(plan, {
        title: 'Trivselsmåling',
        kind: 'trivselsmaaling',
        collectFrom: '2031-11-01',
        collectTo: '2031-11-30',
        analyseOn: '2031-12-05',
        responsibleId: ids.user.ressourceperson,
      }),
    );
    const before = (await wheelOf('leder', YEAR + 1)).plans.find(
      (p: { scope: string }) => p.scope === 'institution',
    );
    expect(before).toMatchObject({ id: null, canCopy: true, itemCount: 0 });
    const ref = { ...plan, schoolYear: YEAR + 1 };
    // Asked twice at once: one copy.
    const [a, b] = await Promise.all([
      c.leder.post(`${API}/evaluation/plans/copy`, ref),
      c.ressourceperson.post(`${API}/evaluation/plans/copy`, ref),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((a.statusCode === 409 ? a : b).json().error.code).toBe('evaluation.already_copied');
    expect((a.statusCode === 200 ? a : b).json()).toMatchObject({
      copied: 2,
      plan: { copiedFromYear: YEAR, canCopy: false },
    });
    const w = await wheelOf('leder', YEAR + 1);
    const copied = Object.fromEntries(w.items.map((x: { title: string }) => [x.title, x]));
    expect(copied.Ordblindetest).toMatchObject({
      collectFrom: '2033-02-28',
      collectTo: '2033-03-10',
      analyseOn: null,
      version: 1,
    });
    expect(copied.Trivselsmåling).toMatchObject({
      collectFrom: '2032-11-01',
      analyseOn: '2032-12-05',
      responsible: { id: ids.user.ressourceperson },
    });
    expect(err(await c.leder.post(`${API}/evaluation/plans/copy`, ref))).toEqual([
      409,
      'evaluation.already_copied',
    ]);
    // Nothing to copy from an empty year; a teacher may not copy; another institution: 404.
    expect(err(await c.leder.post(`${API}/evaluation/plans/copy`, { ...plan, schoolYear: 2040 }))).toEqual([
      409,
      'evaluation.nothing_to_copy',
    ]);
    expect(err(await c.medarbejder.post(`${API}/evaluation/plans/copy`, ref))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await c.leder2.post(`${API}/evaluation/plans/copy`, ref))).toEqual([
      404,
      'evaluation.plan_not_found',
    ]);
  });
});

describe('the calendar feed', () => {
  it('holds every plan the person may read; renewing stops the old address at once', async () => {
    await addItem(
      c.medarbejder,
      item(
        { scope: 'team', ownerId: ids.team.Matematikteamet },
        { title: 'Matematikteamets runde', kind: 'observationsrunde' },
      ),
    );
    await addItem(
      c.forvaltning,
      item(
        { scope: 'kommune', ownerId: fjordby },
        { title: 'Kommunens trivselsmåling', kind: 'trivselsmaaling' },
      ),
    );
    const m = ids.institution['Børnehuset Mælkebøtten'];
    await addItem(
      c.leder2,
      item(
        { scope: 'institution', ownerId: m },
        { title: 'Sprogvurdering af 3-årige', kind: 'sprogvurdering' },
      ),
    );

    expect((await c.medarbejder.get(`${API}/evaluation/feed`)).json()).toEqual({
      active: false,
      createdAt: null,
    });
    const made = await c.medarbejder.post(`${API}/evaluation/feed`);
    expect(made.statusCode).toBe(200);
    const url = new URL(made.json().url);
    expect(url.pathname).toMatch(/^\/api\/v1\/evaluation\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
    expect((await c.medarbejder.get(`${API}/evaluation/feed`)).json().active).toBe(true);

    const anonymous = t.client();
    const feed = await anonymous.get(url.pathname);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const summaries = parseIcs(feed.body).events.map((e) => e.summary);
    expect(summaries).toContain('Dataindsamling: Matematikteamets runde (Observationsrunde)');
    expect(summaries).toContain('Dataindsamling: Trivselsmåling (Trivselsmåling)');
    expect(summaries.some((s) => s.includes('Ordblindetest'))).toBe(true);
    expect(summaries.some((s) => s.startsWith('Analyse: Trivselsmåling — Læringssamtale'))).toBe(true);
    // The kommune plan only once published; another institution's never.
    expect(summaries.some((s) => s.includes('Kommunens trivselsmåling'))).toBe(false);
    expect(summaries.some((s) => s.includes('Sprogvurdering'))).toBe(false);
    await c.forvaltning.post(`${API}/evaluation/plans/publish`, {
      kommuneId: fjordby,
      schoolYear: YEAR,
      published: true,
    });
    const later = parseIcs((await anonymous.get(url.pathname)).body).events.map((e) => e.summary);
    expect(later.some((s) => s.includes('Kommunens trivselsmåling'))).toBe(true);
    const event = parseIcs(feed.body).events.find((e) => e.summary.includes('Ordblindetest'));
    expect(event?.startDate.isDate).toBe(true);

    const renewed = await c.medarbejder.post(`${API}/evaluation/feed`);
    const next = new URL(renewed.json().url).pathname;
    expect(next).not.toBe(url.pathname);
    expect(err(await anonymous.get(url.pathname))).toEqual([404, 'evaluation.feed_not_found']);
    expect((await anonymous.get(next)).statusCode).toBe(200);
    expect(err(await anonymous.get(`${API}/evaluation/calendar/${'A'.repeat(43)}.ics`))).toEqual([
      404,
      'evaluation.feed_not_found',
    ]);
    expect(err(await anonymous.get(`${API}/evaluation/calendar/x.ics`))).toEqual([
      404,
      'evaluation.feed_not_found',
    ]);
    expect((await c.medarbejder.delete(`${API}/evaluation/feed`)).statusCode).toBe(200);
    expect(err(await anonymous.get(next))).toEqual([404, 'evaluation.feed_not_found']);
  });
});

describe('reminders', () => {
  it('go at 08:00 Danish time the set days before, once — also with two workers at once — and again after the date moves', async () => {
    const body = item(
      { scope: 'institution', ownerId: sol },
      {
        title: 'Læseprøve i 2. klasse',
        kind: 'laeseproeve',
        collectFrom: '2031-09-10',
        collectTo: '2031-09-20',
        analyseOn: '2031-09-25',
        responsibleId: ids.user.ressourceperson,
        remindCollectDays: 7,
        remindAnalysisDays: 2,
      },
    );
    const created = await addItem(c.leder, body);
    const told = async () =>
      (await notificationsOf(t.ctx.db, ids.user.ressourceperson, 'evaluation.collect_reminder')).filter(
        (n) => (n.payload as { itemId: string }).itemId === created.id,
      ).length;
    // 3 September 2031, 08:00 in Copenhagen (summer time) is 06:00Z.
    expect(await sendDueEvaluationReminders(t.ctx, new Date('2031-09-03T05:59:00Z'))).toBe(0);
    const both = await Promise.all([
      sendDueEvaluationReminders(t.ctx, new Date('2031-09-03T06:00:00Z')),
      sendDueEvaluationReminders(t.ctx, new Date('2031-09-03T06:00:30Z')),
    ]);
    expect(both[0] + both[1]).toBe(1);
    expect(await sendDueEvaluationReminders(t.ctx, new Date('2031-09-04T06:00:00Z'))).toBe(0);
    expect(await told()).toBe(1);
    const sentence = (
      await notificationsOf(t.ctx.db, ids.user.ressourceperson, 'evaluation.collect_reminder')
    ).at(-1);
    expect(sentence?.payload).toMatchObject({
      itemTitle: 'Læseprøve i 2. klasse',
      planName: 'Solsikkeskolen',
      on: '2031-09-10',
    });

    // The analysis reminder: 2 days before, at 08:00.
    expect(await sendDueEvaluationReminders(t.ctx, new Date('2031-09-23T06:00:00Z'))).toBe(1);
    expect(
      await notificationsOf(t.ctx.db, ids.user.ressourceperson, 'evaluation.analysis_reminder'),
    ).toHaveLength(1);

    // Moving the collection start sends its reminder again; a day past sends nothing.
    const { plan: _p, ...rest } = body;
    const moved = await c.leder.put(`${API}/evaluation/items/${created.id}`, {
      ...rest,
      collectFrom: '2031-09-12',
      version: 1,
    });
    expect(moved.statusCode).toBe(200);
    expect(await sendDueEvaluationReminders(t.ctx, new Date('2031-09-13T06:00:00Z'))).toBe(0);
    expect(await told()).toBe(1);
  });

  it('without a responsible person, the plan’s leders are reminded; a kommune plan only once published', async () => {
    const created = await addItem(
      c.leder,
      item(
        { scope: 'institution', ownerId: sol },
        {
          title: 'Observationsrunde i indskolingen',
          kind: 'observationsrunde',
          collectFrom: '2031-10-06',
          collectTo: '2031-10-10',
          analyseOn: null,
          meetingKind: null,
          remindCollectDays: 0,
        },
      ),
    );
    expect(await sendDueEvaluationReminders(t.ctx, new Date('2031-10-06T06:00:00Z'))).toBeGreaterThanOrEqual(
      1,
    );
    const lene = await notificationsOf(t.ctx.db, ids.user.leder, 'evaluation.collect_reminder');
    expect(lene.some((n) => (n.payload as { itemId: string }).itemId === created.id)).toBe(true);

    // A kommune item: nothing while the plan is not published; then the leders it concerns (schools, not a
    // dagtilbud's leader for a school survey).
    const k = await addItem(
      c.forvaltning,
      item(
        { scope: 'kommune', ownerId: fjordby, schoolYear: 2033 },
        {
          title: 'Kommunens trivselsmåling 2033',
          kind: 'trivselsmaaling',
          collectFrom: '2034-01-09',
          collectTo: '2034-02-10',
          analyseOn: null,
          meetingKind: null,
          remindCollectDays: 7,
        },
      ),
    );
    const got = async (who: string) =>
      (await notificationsOf(t.ctx.db, ids.user[who], 'evaluation.collect_reminder')).some(
        (n) => (n.payload as { itemId: string }).itemId === k.id,
      );
    const due = new Date('2034-01-02T07:00:00Z');
    expect(await sendDueEvaluationReminders(t.ctx, due)).toBe(0);
    expect(await got('leder')).toBe(false);
    await c.forvaltning.post(`${API}/evaluation/plans/publish`, {
      kommuneId: fjordby,
      schoolYear: 2033,
      published: true,
    });
    expect(await sendDueEvaluationReminders(t.ctx, due)).toBe(1);
    expect(await got('leder')).toBe(true);
    expect(await got('leder2')).toBe(false);
  });
});
