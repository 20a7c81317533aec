import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inquiryTasks } from '../../../db/inquiry-schema.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { notificationsOf } from '../../notifications/notify.testing.js';
import { makeCycle } from './cycle.testing.js';
import { sendDueTaskReminders } from './service.js';

/*
 * Tasks (issue 16): a cycle's data plan and action items. Members of the cycle's team write them; the owner must be
 * a member; "Mine opgaver" shows my open tasks in the teams I am in now; reminders go once, never for done tasks
 * and never to someone who left the team.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
let math: string;
let cycle: string;
const API = '/api/v1';
const FORGED = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  math = ids.team.Matematikteamet;
  cycle = await makeCycle(t.ctx.db, math);
  for (const who of ['medarbejder', 'ressourceperson', 'leder', 'medarbejder2', 'administrator'])
    c[who] = await t.as(who);
});
afterAll(() => t?.close());

const dataLine = (extra: Record<string, unknown> = {}) => ({
  kind: 'data',
  title: 'Elevinterview i 4.b',
  ownerId: ids.user.ressourceperson,
  dueOn: '2031-03-14',
  analyseOn: '2031-03-20',
  remindDays: 2,
  ...extra,
});

describe('a cycle’s data plan and action items', () => {
  it('a member adds a data-plan line for a colleague, who is told; one given to oneself tells nobody', async () => {
    const before = (await notificationsOf(t.ctx.db, ids.user.ressourceperson, 'inquiry.task_assigned'))
      .length;
    const res = await c.medarbejder.post(`${API}/cycles/${cycle}/tasks`, dataLine());
    expect(res.statusCode).toBe(201);
    const task = res.json();
    expect(task).toMatchObject({
      cycleId: cycle,
      teamId: math,
      kind: 'data',
      title: 'Elevinterview i 4.b',
      owner: { id: ids.user.ressourceperson },
      dueOn: '2031-03-14',
      analyseOn: '2031-03-20',
      remindDays: 2,
      done: false,
    });
    const told = await notificationsOf(t.ctx.db, ids.user.ressourceperson, 'inquiry.task_assigned');
    expect(told.length).toBe(before + 1);
    expect(told.at(-1)?.payload).toMatchObject({
      taskId: task.id,
      taskTitle: 'Elevinterview i 4.b',
      cycleId: cycle,
    });

    const mine = await c.medarbejder.post(`${API}/cycles/${cycle}/tasks`, {
      kind: 'action',
      title: 'Prøv makkerlæsning',
      ownerId: ids.user.medarbejder,
      analyseOn: '2031-01-01',
    });
    expect(mine.statusCode).toBe(201);
    // An action item has no analysis day.
    expect(mine.json().analyseOn).toBeNull();
    expect(await notificationsOf(t.ctx.db, ids.user.medarbejder, 'inquiry.task_assigned')).toHaveLength(0);
  });

  it('the owner must be a member of the team', async () => {
    const res = await c.medarbejder.post(
      `${API}/cycles/${cycle}/tasks`,
      dataLine({ ownerId: ids.user.leder }),
    );
    expect(err(res)).toEqual([409, 'inquiry.not_team_member']);
    const forged = await c.medarbejder.post(`${API}/cycles/${cycle}/tasks`, dataLine({ ownerId: FORGED }));
    expect(err(forged)).toEqual([409, 'inquiry.not_team_member']);
    const ok = await c.medarbejder.post(`${API}/cycles/${cycle}/tasks`, dataLine());
    const moved = await c.medarbejder.patch(`${API}/tasks/${ok.json().id}`, {
      ownerId: ids.user.medarbejder2,
    });
    expect(err(moved)).toEqual([409, 'inquiry.not_team_member']);
  });

  it('only members write: a leader, another institution, another kommune and forged ids are refused', async () => {
    const res = await c.medarbejder.post(`${API}/cycles/${cycle}/tasks`, dataLine());
    const id = res.json().id;
    // The leader does not see a cycle that is not shared, nor its tasks.
    expect(err(await c.leder.post(`${API}/cycles/${cycle}/tasks`, dataLine()))).toEqual([
      404,
      'inquiry.cycle_not_found',
    ]);
    expect(err(await c.leder.patch(`${API}/tasks/${id}`, { done: true }))).toEqual([
      404,
      'inquiry.item_not_found',
    ]);
    expect(err(await c.leder.delete(`${API}/tasks/${id}`))).toEqual([404, 'inquiry.item_not_found']);
    // Another institution, and an administrator: not theirs either.
    for (const who of ['medarbejder2', 'administrator']) {
      expect(err(await c[who].post(`${API}/cycles/${cycle}/tasks`, dataLine())), who).toEqual([
        404,
        'inquiry.cycle_not_found',
      ]);
      expect(err(await c[who].patch(`${API}/tasks/${id}`, { done: true })), who).toEqual([
        404,
        'inquiry.item_not_found',
      ]);
    }
    // Another kommune's cycle, for a member here.
    const other = await makeCycle(t.ctx.db, ids.team.Naturfagsteamet);
    expect(err(await c.medarbejder.post(`${API}/cycles/${other}/tasks`, dataLine()))).toEqual([
      404,
      'inquiry.cycle_not_found',
    ]);
    // Forged ids.
    expect(err(await c.medarbejder.post(`${API}/cycles/${FORGED}/tasks`, dataLine()))).toEqual([
      404,
      'inquiry.cycle_not_found',
    ]);
    expect(err(await c.medarbejder.patch(`${API}/tasks/${FORGED}`, { done: true }))).toEqual([
      404,
      'inquiry.item_not_found',
    ]);
    expect(err(await c.medarbejder.delete(`${API}/tasks/${FORGED}`))).toEqual([
      404,
      'inquiry.item_not_found',
    ]);
    // Nothing changed.
    const [row] = await t.ctx.db.select().from(inquiryTasks).where(eq(inquiryTasks.id, id));
    expect(row.doneAt).toBeNull();
  });

  it('a leader reads a shared cycle but writes nothing in it', async () => {
    const shared = await makeCycle(t.ctx.db, math, { sharedWithLeaders: true });
    const res = await c.medarbejder.post(`${API}/cycles/${shared}/tasks`, dataLine());
    expect(res.statusCode).toBe(201);
    expect(err(await c.leder.post(`${API}/cycles/${shared}/tasks`, dataLine()))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await c.leder.patch(`${API}/tasks/${res.json().id}`, { done: true }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await c.leder.delete(`${API}/tasks/${res.json().id}`))).toEqual([403, 'policy.forbidden']);
  });

  it('a member edits, marks done and removes; a new owner is told', async () => {
    const res = await c.medarbejder.post(
      `${API}/cycles/${cycle}/tasks`,
      dataLine({ ownerId: ids.user.medarbejder }),
    );
    const id = res.json().id;
    const before = (await notificationsOf(t.ctx.db, ids.user.ressourceperson, 'inquiry.task_assigned'))
      .length;
    const edited = await c.medarbejder.patch(`${API}/tasks/${id}`, {
      title: 'Elevinterview i 4.a',
      ownerId: ids.user.ressourceperson,
      dueOn: '2031-04-01',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Elevinterview i 4.a', dueOn: '2031-04-01', done: false });
    expect(await notificationsOf(t.ctx.db, ids.user.ressourceperson, 'inquiry.task_assigned')).toHaveLength(
      before + 1,
    );
    // The owner, another member, marks it done (and not done again).
    expect((await c.ressourceperson.patch(`${API}/tasks/${id}`, { done: true })).json().done).toBe(true);
    expect((await c.ressourceperson.patch(`${API}/tasks/${id}`, { done: false })).json().done).toBe(false);
    expect((await c.ressourceperson.delete(`${API}/tasks/${id}`)).statusCode).toBe(200);
    expect(await t.ctx.db.select().from(inquiryTasks).where(eq(inquiryTasks.id, id))).toHaveLength(0);
  });

  it('a finished cycle takes no new tasks; a cycle takes at most the limit', async () => {
    const done = await makeCycle(t.ctx.db, math, { state: 'afsluttet' });
    expect(err(await c.medarbejder.post(`${API}/cycles/${done}/tasks`, dataLine()))).toEqual([
      409,
      'inquiry.finished',
    ]);
    const full = await makeCycle(t.ctx.db, math);
    await t.ctx.db.insert(inquiryTasks).values(
      Array.from({ length: 100 }, (_, i) => ({
        teamId: math,
        cycleId: full,
        kind: 'data' as const,
        title: `Linje ${i}`,
        position: i,
      })),
    );
    expect(err(await c.medarbejder.post(`${API}/cycles/${full}/tasks`, dataLine()))).toEqual([
      409,
      'inquiry.too_many_tasks',
    ]);
  });

  it('a task without a cycle (a meeting’s action item) is written by the team’s members only', async () => {
    const [row] = await t.ctx.db
      .insert(inquiryTasks)
      .values({ teamId: math, kind: 'action', title: 'Book lokalet', ownerId: ids.user.medarbejder })
      .returning({ id: inquiryTasks.id });
    expect((await c.ressourceperson.patch(`${API}/tasks/${row.id}`, { done: true })).json().done).toBe(true);
    expect(err(await c.leder.patch(`${API}/tasks/${row.id}`, { done: false }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await c.medarbejder2.patch(`${API}/tasks/${row.id}`, { done: false }))).toEqual([
      404,
      'inquiry.item_not_found',
    ]);
  });
});

describe('Mine opgaver', () => {
  it('my open tasks in the teams I am in now, soonest due first', async () => {
    const later = await c.medarbejder.post(
      `${API}/cycles/${cycle}/tasks`,
      dataLine({ title: 'Senere', dueOn: '2032-06-01' }),
    );
    const sooner = await c.medarbejder.post(
      `${API}/cycles/${cycle}/tasks`,
      dataLine({ title: 'Snart', dueOn: '2032-05-01' }),
    );
    const closed = await c.medarbejder.post(
      `${API}/cycles/${cycle}/tasks`,
      dataLine({ title: 'Lukket', dueOn: '2032-04-01' }),
    );
    await c.ressourceperson.patch(`${API}/tasks/${closed.json().id}`, { done: true });
    const res = await c.ressourceperson.get(`${API}/me/tasks`);
    expect(res.statusCode).toBe(200);
    const items: { id: string; dueOn: string | null; team: { name: string }; cycleTitle: string }[] =
      res.json().items;
    const ids2 = items.map((i) => i.id);
    expect(ids2).toContain(sooner.json().id);
    expect(ids2.indexOf(sooner.json().id)).toBeLessThan(ids2.indexOf(later.json().id));
    expect(ids2).not.toContain(closed.json().id);
    const dues = items.map((i) => i.dueOn ?? '9999');
    expect(dues).toEqual([...dues].sort());
    expect(items[0].team.name).toBe('Matematikteamet');
    expect(items.find((i) => i.id === sooner.json().id)?.cycleTitle).toBe(
      'Hvordan taler eleverne om matematik?',
    );
    // Others' tasks are not mine.
    const theirs = (await (await c.medarbejder.get(`${API}/me/tasks`)).json()).items.map(
      (i: { id: string }) => i.id,
    );
    expect(theirs).not.toContain(sooner.json().id);
  });
});

describe('reminders', () => {
  it('go once, remindDays before the due day from 8 o’clock Danish time, never for done tasks', async () => {
    const a = await c.medarbejder.post(`${API}/cycles/${cycle}/tasks`, dataLine({ dueOn: '2033-03-14' }));
    const b = await c.medarbejder.post(`${API}/cycles/${cycle}/tasks`, dataLine({ dueOn: '2033-03-14' }));
    await c.medarbejder.patch(`${API}/tasks/${b.json().id}`, { done: true });
    const reminders = async () =>
      (await notificationsOf(t.ctx.db, ids.user.ressourceperson, 'inquiry.task_reminder')).filter(
        (n) => (n.payload as { dueOn: string }).dueOn === '2033-03-14',
      );
    // 2033-03-12 08:00 in Copenhagen is 07:00 UTC (winter time).
    expect(await sendDueTaskReminders(t.ctx, new Date('2033-03-12T06:59:00Z'))).toBe(0);
    expect(await sendDueTaskReminders(t.ctx, new Date('2033-03-12T07:00:00Z'))).toBe(1);
    expect(await sendDueTaskReminders(t.ctx, new Date('2033-03-13T07:00:00Z'))).toBe(0);
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0].payload).toMatchObject({
      taskId: a.json().id,
      cycleId: cycle,
      teamName: 'Matematikteamet',
    });
    // A new due day brings a new reminder.
    await c.medarbejder.patch(`${API}/tasks/${a.json().id}`, { dueOn: '2033-03-15' });
    expect(await sendDueTaskReminders(t.ctx, new Date('2033-03-13T07:00:00Z'))).toBe(1);
    // A task already past due is not reminded.
    expect(await sendDueTaskReminders(t.ctx, new Date('2033-03-20T07:00:00Z'))).toBe(0);
  });

  it('never go to someone who left the team, and the task leaves their list', async () => {
    const res = await c.medarbejder.post(`${API}/cycles/${cycle}/tasks`, dataLine({ dueOn: '2034-03-14' }));
    expect(res.statusCode).toBe(201);
    // The leader takes the ressourceperson out of Matematikteamet.
    const out = await c.leder.delete(`${API}/teams/${math}/members/${ids.user.ressourceperson}`);
    expect(out.statusCode).toBe(200);
    expect(await sendDueTaskReminders(t.ctx, new Date('2034-03-12T07:00:00Z'))).toBe(0);
    const mine = (await (await c.ressourceperson.get(`${API}/me/tasks`)).json()).items;
    expect(mine).toHaveLength(0);
    // And they no longer write in the cycle.
    expect(err(await c.ressourceperson.patch(`${API}/tasks/${res.json().id}`, { done: true }))).toEqual([
      404,
      'inquiry.item_not_found',
    ]);
  });
});
