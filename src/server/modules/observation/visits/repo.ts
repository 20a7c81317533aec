import { and, asc, desc, eq, gt, inArray, isNotNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/index.js';
import {
  observationAnswers,
  observationSchemas,
  observationSyncs,
  observationVisitGuests,
  observationVisits,
} from '../../../db/observation-schema.js';
import { rows } from '../../../db/rows.js';
import { institutions, roleGrants, users } from '../../../db/schema.js';
import { observesAt } from '../../../policy/sql-observation.js';
import type { RecordResult, VisitSummary } from '../types.js';
import type { AnswerRow } from './answers.js';

/** Visits, their answers, guests and sync keys (SQL only, no rules: callers pass the visibility filter). */

const v = observationVisits;
const teacher = alias(users, 'visit_teacher');
const observer = alias(users, 'visit_observer');

export type VisitRow = typeof observationVisits.$inferSelect;
export type NewVisit = typeof observationVisits.$inferInsert;

const summaryColumns = {
  id: v.id,
  kind: v.kind,
  status: v.status,
  institutionId: v.institutionId,
  institutionName: institutions.name,
  teacherId: v.teacherId,
  teacherName: teacher.name,
  observerId: v.observerId,
  observerName: observer.name,
  plannedFor: v.plannedFor,
  term: v.term,
  classLabel: v.classLabel,
  subject: v.subject,
  grade: v.grade,
  focusAreaKeys: v.focusAreaKeys,
  flag: v.flag,
  nextStepAgreed: sql<boolean>`(${v.nextStepTeacherAgreedAt} is not null and ${v.nextStepObserverAgreedAt} is not null)`,
};

function summaries(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(v)
    .innerJoin(institutions, eq(institutions.id, v.institutionId))
    .innerJoin(teacher, eq(teacher.id, v.teacherId))
    .leftJoin(observer, eq(observer.id, v.observerId));
}

type SummaryRow = Awaited<ReturnType<typeof summaries>>[number];

export function toSummary(r: SummaryRow): VisitSummary {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    institution: { id: r.institutionId, name: r.institutionName },
    teacher: { id: r.teacherId, name: r.teacherName },
    // An observer whose account was deleted is shown without a name.
    observer: { id: r.observerId ?? '', name: r.observerName ?? '' },
    plannedFor: r.plannedFor,
    term: r.term,
    classLabel: r.classLabel,
    subject: r.subject,
    grade: r.grade,
    focusAreaKeys: r.focusAreaKeys,
    flag: r.flag,
    nextStepAgreed: r.nextStepAgreed,
  };
}

export async function summaryOf(db: DbOrTx, id: string): Promise<VisitSummary> {
  const [row] = await summaries(db).where(eq(v.id, id));
  return toSummary(row);
}

export type ListFilter = {
  visible: SQL;
  institutionId?: string;
  from?: string;
  to?: string;
  teacherId?: string;
  observerId?: string;
  /** Self-observations this person was invited to. */
  guestId?: string;
  status?: VisitRow['status'];
  flagged?: boolean;
  after?: { plannedFor: string; id: string };
  limit: number;
};

/** One page of visits, by planned date then id (the calendar order). */
export async function listVisits(db: DbOrTx, f: ListFilter): Promise<VisitSummary[]> {
  const where: (SQL | undefined)[] = [
    f.visible,
    f.institutionId ? eq(v.institutionId, f.institutionId) : undefined,
    f.from ? sql`${v.plannedFor} >= ${f.from}` : undefined,
    f.to ? sql`${v.plannedFor} <= ${f.to}` : undefined,
    f.teacherId ? eq(v.teacherId, f.teacherId) : undefined,
    f.observerId ? eq(v.observerId, f.observerId) : undefined,
    f.guestId
      ? sql`exists (select 1 from ${observationVisitGuests} g where g.visit_id = ${v.id} and g.user_id = ${f.guestId})`
      : undefined,
    f.status ? eq(v.status, f.status) : undefined,
    f.flagged ? isNotNull(v.flag) : undefined,
    f.after
      ? or(
          sql`${v.plannedFor} > ${f.after.plannedFor}`,
          and(sql`${v.plannedFor} = ${f.after.plannedFor}`, gt(v.id, f.after.id)),
        )
      : undefined,
  ];
  const rows = await summaries(db)
    .where(and(...where))
    .orderBy(asc(v.plannedFor), asc(v.id))
    .limit(f.limit);
  return rows.map(toSummary);
}

export async function visitRow(db: DbOrTx, id: string): Promise<VisitRow> {
  const [row] = await db.select().from(v).where(eq(v.id, id));
  return row;
}

export async function insertVisit(db: DbOrTx, values: NewVisit): Promise<string> {
  const [row] = await db.insert(v).values(values).returning({ id: v.id });
  return row.id;
}

export async function updateVisit(db: DbOrTx, id: string, set: Partial<NewVisit>): Promise<void> {
  await db
    .update(v)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(v.id, id));
}

/** The version a visit is recorded against, with its author's name. */
export async function schemaWithAuthor(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ schema: observationSchemas, authorName: users.name })
    .from(observationSchemas)
    .leftJoin(users, eq(users.id, observationSchemas.createdBy))
    .where(eq(observationSchemas.id, id));
  return row;
}

export async function answersOf(db: DbOrTx, visitId: string) {
  return db
    .select({
      itemKey: observationAnswers.itemKey,
      pupil: observationAnswers.pupil,
      valueNum: observationAnswers.valueNum,
      valueText: observationAnswers.valueText,
      answeredAt: observationAnswers.answeredAt,
    })
    .from(observationAnswers)
    .where(eq(observationAnswers.visitId, visitId))
    .orderBy(asc(observationAnswers.itemKey), asc(observationAnswers.pupil));
}

export async function hasAnswers(db: DbOrTx, visitId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(observationAnswers)
    .where(eq(observationAnswers.visitId, visitId))
    .limit(1);
  return !!row;
}

/**
 * Stores answers keyed (visit, item, pupil); an existing answer is replaced only by a newer one (two devices).
 * Answers how many rows were stored or replaced.
 */
export async function upsertAnswers(db: DbOrTx, visitId: string, rows: AnswerRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const a = observationAnswers;
  const changed = await db
    .insert(a)
    .values(rows.map((r) => ({ visitId, ...r })))
    .onConflictDoUpdate({
      target: [a.visitId, a.itemKey, a.pupil],
      set: {
        focusAreaKey: sql`excluded.focus_area_key`,
        valueNum: sql`excluded.value_num`,
        valueText: sql`excluded.value_text`,
        answeredAt: sql`excluded.answered_at`,
      },
      setWhere: sql`${a.answeredAt} < excluded.answered_at`,
    })
    .returning({ itemKey: a.itemKey });
  return changed.length;
}

export async function findSync(db: DbOrTx, visitId: string, syncKey: string) {
  const [row] = await db
    .select({ userId: observationSyncs.userId, result: observationSyncs.result })
    .from(observationSyncs)
    .where(and(eq(observationSyncs.visitId, visitId), eq(observationSyncs.syncKey, syncKey)));
  return row ? { userId: row.userId, result: row.result as RecordResult } : undefined;
}

export async function insertSync(
  db: DbOrTx,
  visitId: string,
  syncKey: string,
  userId: string,
  result: RecordResult,
): Promise<void> {
  await db.insert(observationSyncs).values({ visitId, syncKey, userId, result });
}

export async function guestsOf(db: DbOrTx, visitId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(observationVisitGuests)
    .innerJoin(users, eq(users.id, observationVisitGuests.userId))
    .where(eq(observationVisitGuests.visitId, visitId))
    .orderBy(asc(users.name), asc(users.id));
}

/** Replaces the guests; answers those who were not guests before. */
export async function setGuests(db: DbOrTx, visitId: string, userIds: string[]): Promise<string[]> {
  const g = observationVisitGuests;
  const before = (await db.select({ id: g.userId }).from(g).where(eq(g.visitId, visitId))).map((r) => r.id);
  await db.delete(g).where(eq(g.visitId, visitId));
  if (userIds.length) await db.insert(g).values(userIds.map((userId) => ({ visitId, userId })));
  return userIds.filter((id) => !before.includes(id));
}

/** Of `userIds`, those who hold any role at the institution. */
export async function holdingRoleAt(db: DbOrTx, userIds: string[], institutionId: string): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: roleGrants.userId })
    .from(roleGrants)
    .where(and(inArray(roleGrants.userId, userIds), eq(roleGrants.institutionId, institutionId)));
  return rows.map((r) => r.id);
}

/** May this person observe at the institution? The rule is policy's (sql-observation.observesAt = mayObserve). */
export async function mayObserveAt(db: DbOrTx, userId: string, institutionId: string): Promise<boolean> {
  const [row] = await rows<{ ok: boolean }>(db, sql`select ${observesAt(userId, institutionId)} as ok`);
  return !!row?.ok;
}

/**
 * The same teacher's visits before this one (by date, then creation), newest first, filtered by `visible`;
 * cancelled and not yet started ones left out. `onlyVisits`: leave self-observations out.
 */
export async function earlierVisits(
  db: DbOrTx,
  visit: Pick<VisitRow, 'id' | 'teacherId' | 'plannedFor' | 'createdAt'>,
  visible: SQL,
  onlyVisits: boolean,
  limit: number,
) {
  const rows = await db
    .select({ ...summaryColumns, nextStep: v.nextStep, conversationNotes: v.conversationNotes })
    .from(v)
    .innerJoin(institutions, eq(institutions.id, v.institutionId))
    .innerJoin(teacher, eq(teacher.id, v.teacherId))
    .leftJoin(observer, eq(observer.id, v.observerId))
    .where(
      and(
        visible,
        eq(v.teacherId, visit.teacherId),
        ne(v.id, visit.id),
        inArray(v.status, ['in_progress', 'completed']),
        onlyVisits ? eq(v.kind, 'visit') : undefined,
        or(
          lt(v.plannedFor, visit.plannedFor),
          and(eq(v.plannedFor, visit.plannedFor), lt(v.createdAt, visit.createdAt)),
        ),
      ),
    )
    .orderBy(desc(v.plannedFor), desc(v.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    ...toSummary(r),
    nextStep: r.nextStep,
    conversationNotes: r.conversationNotes,
  }));
}

/**
 * Medarbejdere and ressourcepersoner of the institution with no classroom visit (not cancelled) there in the
 * term, each with the date of their last completed visit there; by name.
 */
export async function notVisited(db: DbOrTx, institutionId: string, range: { from: string; to: string }) {
  const res = await rows<{ id: string; name: string; lastVisit: string | null }>(
    db,
    sql`
    select u.id, u.name,
      (select max(lv.planned_for)::text from ${v} lv
        where lv.teacher_id = u.id and lv.institution_id = ${institutionId}
          and lv.kind = 'visit' and lv.status = 'completed') as "lastVisit"
    from ${users} u
    where u.status <> 'disabled'
      and exists (select 1 from ${roleGrants} rg where rg.user_id = u.id
                  and rg.institution_id = ${institutionId} and rg.role in ('medarbejder', 'ressourceperson'))
      and not exists (select 1 from ${v} tv where tv.teacher_id = u.id
                      and tv.institution_id = ${institutionId} and tv.kind = 'visit'
                      and tv.status <> 'cancelled'
                      and tv.planned_for between ${range.from} and ${range.to})
    order by u.name, u.id`,
  );
  return res;
}
