import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { MyTask, Task, TaskCreate, TaskUpdate } from '../../../../shared/contracts/inquiry.js';
import { INQUIRY_LIMITS } from '../../../../shared/inquiry.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { users } from '../../../db/schema.js';
import { AppError } from '../../../http/errors.js';
import type { Actor } from '../../../policy/index.js';
import { audit } from '../../audit.js';
import { type NotificationPayload, notify, notifyMany } from '../../notifications/index.js';
import { loadCycle, loadTeam } from '../resource.js';
import * as repo from './repo.js';

/**
 * Tasks (issue 16): the lines of a cycle's data plan (which data, who collects it, by when, when the team
 * analyses it) and action items (from a cycle's analysis or a meeting). Team members write them; the owner must be
 * a member; the owner is told when someone else gives them a task, and reminded `remindDays` before it is due.
 */

type TaskOut = z.output<typeof Task>;
type MyTaskOut = z.output<typeof MyTask>;
export type TaskInput = z.output<typeof TaskCreate>;

/** "Mine opgaver" shows at most this many open tasks (soonest due first). */
export const MY_TASKS_MAX = 200;

export const presentTask = (r: repo.TaskRow): TaskOut => ({
  id: r.id,
  teamId: r.teamId,
  cycleId: r.cycleId,
  meetingId: r.meetingId,
  kind: r.kind,
  title: r.title,
  owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '' } : null,
  dueOn: r.dueOn,
  analyseOn: r.analyseOn,
  remindDays: r.remindDays,
  done: r.doneAt !== null,
  createdAt: r.createdAt,
});

/** Where a task belongs: its team, and its cycle or meeting (names for the owner's notification). */
export type TaskScope = {
  teamId: string;
  teamName: string;
  cycleId: string | null;
  cycleTitle: string | null;
  meetingId: string | null;
};

async function checkOwner(db: DbOrTx, teamId: string, ownerId: string | null) {
  if (ownerId && !(await repo.isTeamMember(db, teamId, ownerId)))
    throw new AppError('inquiry.not_team_member');
}

async function nameOf(db: DbOrTx, userId: string) {
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return u?.name ?? '';
}

const payloadOf = (
  s: TaskScope,
  task: { id: string; title: string; dueOn: string | null },
  authorName?: string,
): NotificationPayload => ({
  taskId: task.id,
  taskTitle: task.title,
  teamId: s.teamId,
  teamName: s.teamName,
  cycleId: s.cycleId,
  cycleTitle: s.cycleTitle,
  meetingId: s.meetingId,
  dueOn: task.dueOn,
  ...(authorName !== undefined ? { authorName } : {}),
});

/** Tells the owner they were given the task, unless they gave it to themselves. */
async function tellOwner(
  db: DbOrTx,
  actor: Actor,
  s: TaskScope,
  task: { id: string; title: string; dueOn: string | null; ownerId: string | null },
) {
  if (!task.ownerId || task.ownerId === actor.id) return;
  await notify(db, task.ownerId, 'inquiry.task_assigned', payloadOf(s, task, await nameOf(db, actor.id)));
}

/**
 * Adds a task to a team, in the caller's transaction, after the caller has authorized the actor on the cycle
 * ('cycle.write') or the team ('team.work'; a meeting's action item). Checks the owner's membership and the
 * limit per cycle (or per meeting), and tells the owner. For the meetings sub-module too (through index.ts).
 */
export async function addTask(tx: DbOrTx, actor: Actor, scope: TaskScope, input: TaskInput): Promise<string> {
  await checkOwner(tx, scope.teamId, input.ownerId);
  const where = scope.cycleId
    ? { cycleId: scope.cycleId }
    : scope.meetingId
      ? { meetingId: scope.meetingId }
      : null;
  if (where && (await repo.countTasks(tx, where)) >= INQUIRY_LIMITS.tasksPerCycle)
    throw new AppError('inquiry.too_many_tasks');
  const id = await repo.insertTask(tx, {
    teamId: scope.teamId,
    cycleId: scope.cycleId,
    meetingId: scope.meetingId,
    kind: input.kind,
    title: input.title,
    ownerId: input.ownerId,
    dueOn: input.dueOn,
    analyseOn: input.kind === 'data' ? input.analyseOn : null,
    remindDays: input.remindDays,
    createdBy: actor.id,
  });
  await audit(tx, actor, 'inquiry.task_create', 'team', scope.teamId, { taskId: id, cycleId: scope.cycleId });
  await tellOwner(tx, actor, scope, { id, title: input.title, dueOn: input.dueOn, ownerId: input.ownerId });
  return id;
}

/** A cycle's tasks in the Task contract's shape (the caller has authorized 'cycle.read'). */
export async function listCycleTasks(db: DbOrTx, cycleId: string): Promise<TaskOut[]> {
  return (await repo.listCycleTasks(db, cycleId)).map(presentTask);
}

/** A team's open tasks, soonest due first (the caller has authorized 'team.space'). */
export async function listOpenTeamTasks(db: DbOrTx, teamId: string, limit = 50): Promise<TaskOut[]> {
  return (await repo.listOpenTeamTasks(db, teamId, limit)).map(presentTask);
}

/** A meeting's action items (the caller has authorized the meeting's team). */
export async function listMeetingTasks(db: DbOrTx, meetingId: string): Promise<TaskOut[]> {
  return (await repo.listMeetingTasks(db, meetingId)).map(presentTask);
}

export function createTaskService(ctx: AppContext) {
  const { db } = ctx;

  /**
   * The task after the actor may write it: its cycle's 'cycle.write' (locked), or for a task without a cycle its
   * team's 'team.work'. A task the actor may not know of is inquiry.item_not_found, like one that does not exist.
   */
  async function writable(tx: DbOrTx, actor: Actor, id: string) {
    const s = await repo.getTaskScope(tx, id);
    if (!s) throw new AppError('inquiry.item_not_found');
    try {
      if (s.cycleId) {
        const { cycle } = await loadCycle(tx, actor, s.cycleId, 'cycle.write', { forUpdate: true });
        await repo.lockTask(tx, id);
        return {
          s,
          scope: {
            teamId: s.teamId,
            teamName: cycle.teamName,
            cycleId: cycle.id,
            cycleTitle: cycle.title,
            meetingId: s.meetingId,
          },
        };
      }
      const team = await loadTeam(tx, actor, s.teamId, 'team.work');
      await repo.lockTask(tx, id);
      return {
        s,
        scope: {
          teamId: s.teamId,
          teamName: team.name,
          cycleId: null,
          cycleTitle: null,
          meetingId: s.meetingId,
        },
      };
    } catch (err) {
      if (
        err instanceof AppError &&
        (err.code === 'inquiry.cycle_not_found' || err.code === 'team.not_found')
      )
        throw new AppError('inquiry.item_not_found');
      throw err;
    }
  }

  async function shown(dbx: DbOrTx, id: string): Promise<TaskOut> {
    const row = await repo.getTask(dbx, id);
    if (!row) throw new AppError('inquiry.item_not_found');
    return presentTask(row);
  }

  return {
    /** A member adds a data-plan line or an action item to the cycle. */
    async create(actor: Actor, cycleId: string, input: TaskInput): Promise<TaskOut> {
      return db.transaction(async (tx) => {
        const { cycle } = await loadCycle(tx, actor, cycleId, 'cycle.write', { forUpdate: true });
        if (cycle.state === 'afsluttet') throw new AppError('inquiry.finished');
        const id = await addTask(
          tx,
          actor,
          {
            teamId: cycle.teamId,
            teamName: cycle.teamName,
            cycleId: cycle.id,
            cycleTitle: cycle.title,
            meetingId: null,
          },
          input,
        );
        return shown(tx, id);
      });
    },

    /**
     * A member edits a task or marks it done (or not done). A new owner must be a member and is told; a new
     * owner, due day or reminder lead gets a new reminder.
     */
    async update(actor: Actor, id: string, v: z.output<typeof TaskUpdate>): Promise<TaskOut> {
      return db.transaction(async (tx) => {
        const { scope } = await writable(tx, actor, id);
        const before = await repo.getTask(tx, id);
        if (!before) throw new AppError('inquiry.item_not_found');
        const ownerChanged = v.ownerId !== undefined && v.ownerId !== before.ownerId;
        if (ownerChanged) await checkOwner(tx, scope.teamId, v.ownerId ?? null);
        const patch: Parameters<typeof repo.updateTask>[2] = {};
        if (v.title !== undefined) patch.title = v.title;
        if (v.ownerId !== undefined) patch.ownerId = v.ownerId;
        if (v.dueOn !== undefined) patch.dueOn = v.dueOn;
        if (v.analyseOn !== undefined) patch.analyseOn = before.kind === 'data' ? v.analyseOn : null;
        if (v.remindDays !== undefined) patch.remindDays = v.remindDays;
        if (v.done !== undefined && v.done !== (before.doneAt !== null))
          patch.doneAt = v.done ? new Date() : null;
        const remindAgain =
          ownerChanged ||
          (v.dueOn !== undefined && v.dueOn !== before.dueOn) ||
          (v.remindDays !== undefined && v.remindDays !== before.remindDays);
        if (remindAgain) patch.remindedAt = null;
        await repo.updateTask(tx, id, patch);
        await audit(tx, actor, 'inquiry.task_update', 'team', scope.teamId, { taskId: id, ...v });
        const after = await shown(tx, id);
        if (ownerChanged)
          await tellOwner(tx, actor, scope, {
            id,
            title: after.title,
            dueOn: after.dueOn ?? null,
            ownerId: v.ownerId ?? null,
          });
        return after;
      });
    },

    /** A member removes a task. */
    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const { scope } = await writable(tx, actor, id);
        await repo.deleteTask(tx, id);
        await audit(tx, actor, 'inquiry.task_delete', 'team', scope.teamId, { taskId: id });
      });
      return { ok: true as const };
    },

    /** "Mine opgaver": my open tasks in the teams I am a member of now, soonest due first. */
    async mine(actor: Actor): Promise<{ items: MyTaskOut[] }> {
      const rows = await repo.listMyOpenTasks(db, actor.id, MY_TASKS_MAX);
      return {
        items: rows.map((r) => ({
          ...presentTask(r),
          team: { id: r.teamId, name: r.teamName },
          cycleTitle: r.cycleTitle,
        })),
      };
    },
  };
}

/**
 * Sends every task reminder due at `now` (the worker's ticker, every minute): claims the tasks and notifies their
 * owners in one transaction (a failure leaves them unclaimed for the next tick). Done tasks, tasks past due and
 * owners who left the team get none. Returns how many were sent.
 */
export async function sendDueTaskReminders(ctx: Pick<AppContext, 'db'>, now = new Date()): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const due = await repo.claimDueReminders(tx, now);
    if (!due.length) return 0;
    const teamNames = await repo.teamNames(tx, [...new Set(due.map((d) => d.teamId))]);
    const cycleTitles = await repo.cycleTitles(tx, [
      ...new Set(due.map((d) => d.cycleId).filter((c): c is string => !!c)),
    ]);
    await notifyMany(
      tx,
      due.map((d) => ({
        userId: d.ownerId ?? '',
        kind: 'inquiry.task_reminder',
        payload: payloadOf(
          {
            teamId: d.teamId,
            teamName: teamNames.get(d.teamId) ?? '',
            cycleId: d.cycleId,
            cycleTitle: d.cycleId ? (cycleTitles.get(d.cycleId) ?? '') : null,
            meetingId: d.meetingId,
          },
          d,
        ),
      })),
    );
    return due.length;
  });
}
