import { sql } from 'drizzle-orm';
import {
  type IndicatorType,
  type SchemaDefinition,
  termOf,
  type VisitFlag,
  type VisitKind,
  type VisitStatus,
} from '../../shared/observation.js';
import type { DbOrTx } from '../db/index.js';
import { observationAnswers, observationSchemas, observationVisits } from '../db/observation-schema.js';
import { rows } from '../db/rows.js';

/**
 * Observation data written straight into the tables (no API, so the demo does not depend on the visit and schema
 * services): schema versions, visits of any kind and state, and their answers. Production code (the demo seed),
 * so it lives here and not among the observation module's test helpers (modules/observation/data/data.testing.ts
 * wraps these two with test defaults).
 */

/** Inserts a schema version (the next one unless `version` is given); its id. */
export async function insertSchema(
  db: DbOrTx,
  institutionId: string,
  definition: SchemaDefinition,
  opts: { version?: number; createdBy?: string | null } = {},
): Promise<string> {
  const version =
    opts.version ??
    (
      await rows<{ v: number }>(
        db,
        sql`select coalesce(max(version), 0)::int + 1 as v from observation_schemas where institution_id = ${institutionId}`,
      )
    )[0]?.v ??
    1;
  const [row] = await db
    .insert(observationSchemas)
    .values({ institutionId, version, definition, createdBy: opts.createdBy ?? null })
    .returning({ id: observationSchemas.id });
  return row.id;
}

export type DemoAnswer = { key: string; value: number | boolean | string | null; pupil?: number };
export type DemoVisit = {
  institutionId: string;
  schemaId: string;
  definition: SchemaDefinition;
  teacherId: string;
  observerId: string | null;
  kind?: VisitKind;
  status?: VisitStatus;
  flag?: VisitFlag | null;
  /** yyyy-mm-dd; the term follows from it. */
  plannedFor: string;
  subject?: string;
  grade?: number | null;
  classLabel?: string;
  answers?: DemoAnswer[];
  notes?: string;
  reflection?: string;
  conversationNotes?: string;
  nextStep?: string;
  nextStepAgreed?: boolean;
  pupilNumbers?: number[];
  focusAreaKeys?: string[];
};

/** The focus area of each item key of a definition. */
function areaOfItems(definition: SchemaDefinition): Map<string, { area: string; type: IndicatorType }> {
  const out = new Map<string, { area: string; type: IndicatorType }>();
  for (const a of definition.focusAreas)
    for (const i of [...a.indicators, ...a.pupilItems]) out.set(i.key, { area: a.key, type: i.type });
  return out;
}

/** Inserts visits with their answers (two statements, answers in batches); their ids in order. */
export async function insertVisits(db: DbOrTx, visits: DemoVisit[]): Promise<string[]> {
  if (visits.length === 0) return [];
  const now = new Date();
  const made = await db
    .insert(observationVisits)
    .values(
      visits.map((v) => {
        const done = (v.status ?? 'completed') === 'completed';
        const at = new Date(`${v.plannedFor}T09:00:00Z`);
        return {
          institutionId: v.institutionId,
          kind: v.kind ?? 'visit',
          status: v.status ?? 'completed',
          schemaId: v.schemaId,
          teacherId: v.teacherId,
          observerId: v.observerId,
          plannedBy: v.kind === 'self' ? v.teacherId : v.observerId,
          plannedFor: v.plannedFor,
          term: termOf(v.plannedFor),
          classLabel: v.classLabel ?? '',
          subject: v.subject ?? '',
          grade: v.grade ?? null,
          startedAt: v.answers?.length ? at : null,
          completedAt: done ? new Date(at.getTime() + 45 * 60_000) : null,
          durationSeconds: done ? 45 * 60 : null,
          notes: v.notes ?? '',
          pupilNumbers: v.pupilNumbers ?? (v.answers?.some((a) => (a.pupil ?? 0) > 0) ? [3, 11, 17] : []),
          focusAreaKeys: v.focusAreaKeys ?? [],
          reflection: v.reflection ?? '',
          conversationNotes: v.conversationNotes ?? '',
          nextStep: v.nextStep ?? '',
          nextStepTeacherAgreedAt: v.nextStepAgreed ? now : null,
          nextStepObserverAgreedAt: v.nextStepAgreed ? now : null,
          flag: v.flag ?? null,
          flaggedAt: v.flag ? now : null,
          lastSyncedAt: v.answers?.length ? now : null,
        };
      }),
    )
    .returning({ id: observationVisits.id });
  const answers = visits.flatMap((v, i) => {
    const items = areaOfItems(v.definition);
    return (v.answers ?? []).map((a) => {
      const item = items.get(a.key);
      if (!item) throw new Error(`observation rows: item ${a.key} is not in the visit's schema`);
      return {
        visitId: made[i].id,
        itemKey: a.key,
        pupil: a.pupil ?? 0,
        focusAreaKey: item.area,
        valueNum:
          typeof a.value === 'number' ? a.value : typeof a.value === 'boolean' ? Number(a.value) : null,
        valueText: typeof a.value === 'string' ? a.value : null,
        answeredAt: new Date(`${v.plannedFor}T09:30:00Z`),
      };
    });
  });
  for (let i = 0; i < answers.length; i += 5000)
    await db.insert(observationAnswers).values(answers.slice(i, i + 5000));
  return made.map((m) => m.id);
}
