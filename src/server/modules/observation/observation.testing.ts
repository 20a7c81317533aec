import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { SchemaDefinition } from '../../../shared/observation.js';
import type { DbOrTx } from '../../db/index.js';
import { observationObservers, observationSchemas } from '../../db/observation-schema.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, type TestClient } from '../../testing/harness.js';

/** Test helpers for visits: a schema version with fixed keys, and delegating visits to a learning guide. */

/** Fixed item keys of the test schema (the same in every version made here unless `changed`). */
export const K = {
  areaA: '0a000000-0000-4000-8000-00000000000a',
  areaB: '0b000000-0000-4000-8000-00000000000b',
  scale: '1a000000-0000-4000-8000-000000000001',
  yesno: '1a000000-0000-4000-8000-000000000002',
  count: '1a000000-0000-4000-8000-000000000003',
  text: '1a000000-0000-4000-8000-000000000004',
  pupilScale: '1a000000-0000-4000-8000-000000000005',
  pupilYesno: '1a000000-0000-4000-8000-000000000006',
  bScale: '1b000000-0000-4000-8000-000000000001',
  /** Only in a `changed` version: the reworded scale indicator of area B. */
  bScaleNew: '1b000000-0000-4000-8000-000000000002',
  unknown: '1f000000-0000-4000-8000-0000000000ff',
} as const;

/** Area A: scale 1–4, yes/no, count, text; pupils: scale 1–3, yes/no. Area B: one scale 1–7. 3 pupils. */
export function testDefinition(changed = false): SchemaDefinition {
  const scale = (min: number, max: number) => ({ min, max, minLabel: 'Sjældent', maxLabel: 'Altid' });
  return {
    pupilCount: 3,
    focusAreas: [
      {
        key: K.areaA,
        title: 'Læringsmål',
        description: '',
        indicators: [
          { key: K.scale, text: 'Målet er synligt', type: 'scale', scale: scale(1, 4) },
          { key: K.yesno, text: 'Målet nævnes', type: 'yesno', scale: null },
          { key: K.count, text: 'Antal spørgsmål', type: 'count', scale: null },
          { key: K.text, text: 'Iagttagelser', type: 'text', scale: null },
        ],
        pupilItems: [
          { key: K.pupilScale, text: 'Ved du, hvad du skal lære?', type: 'scale', scale: scale(1, 3) },
          { key: K.pupilYesno, text: 'Får du feedback?', type: 'yesno', scale: null },
        ],
      },
      {
        key: K.areaB,
        title: 'Feedback',
        description: '',
        indicators: changed
          ? [{ key: K.bScaleNew, text: 'Feedback fremad', type: 'scale', scale: scale(1, 7) }]
          : [{ key: K.bScale, text: 'Feedback', type: 'scale', scale: scale(1, 7) }],
        pupilItems: [],
      },
    ],
  };
}

/** Inserts the institution's next schema version; answers its id and definition. */
export async function makeSchema(db: DbOrTx, institutionId: string, opts: { changed?: boolean } = {}) {
  const definition = testDefinition(opts.changed);
  const [row] = await db
    .insert(observationSchemas)
    .values({
      institutionId,
      definition,
      version: sql`(select coalesce(max(${observationSchemas.version}), 0) + 1 from ${observationSchemas}
        where ${observationSchemas.institutionId} = ${institutionId})`,
    })
    .returning({ id: observationSchemas.id, version: observationSchemas.version });
  return { ...row, definition };
}

/** Delegates visits at the institution to the person. */
export async function delegate(db: DbOrTx, institutionId: string, userId: string) {
  await db.insert(observationObservers).values({ institutionId, userId }).onConflictDoNothing();
}

/** Takes the delegation back. */
export async function undelegate(db: DbOrTx, institutionId: string, userId: string) {
  await db
    .delete(observationObservers)
    .where(
      and(eq(observationObservers.institutionId, institutionId), eq(observationObservers.userId, userId)),
    );
}

/** One answer as a device sends it (indicator unless `pupil` is given). */
export const answer = (
  itemKey: string,
  value: number | boolean | string | null,
  opts: { pupil?: number; at?: string } = {},
) => ({ itemKey, pupil: opts.pupil ?? 0, value, answeredAt: opts.at ?? new Date().toISOString() });

/** A sync payload with a fresh key. */
export const syncOf = (
  schemaId: string,
  answers: ReturnType<typeof answer>[],
  extra: Record<string, unknown> = {},
) => ({ syncKey: randomUUID(), schemaId, answers, ...extra });

/** A complete, valid set of answers to the test schema (indicators of both areas, pupils 1–3). */
export function fullAnswers(at?: string) {
  const o = { at };
  return [
    answer(K.scale, 3, o),
    answer(K.yesno, true, o),
    answer(K.count, 7, o),
    answer(K.text, 'Eleverne arbejdede i makkerpar.', o),
    answer(K.bScale, 5, o),
    ...[1, 2, 3].flatMap((pupil) => [
      answer(K.pupilScale, 2, { pupil, at }),
      answer(K.pupilYesno, pupil !== 2, { pupil, at }),
    ]),
  ];
}

/**
 * The world most visit tests start from: a test app, Solsikkeskolen with the test schema, visits delegated to
 * `delegated`, and a signed-in client for each of `who`.
 */
export async function observationWorld(who: string[], delegated: string[] = ['ressourceperson']) {
  const t = await createTestApp();
  const ids = await demoIds(t.ctx.db);
  const sol = ids.institution.Solsikkeskolen;
  const schemaId = (await makeSchema(t.ctx.db, sol)).id;
  for (const d of delegated) await delegate(t.ctx.db, sol, ids.user[d]);
  const c: Record<string, TestClient> = {};
  for (const w of who) c[w] = await t.as(w);
  return { t, ids, sol, schemaId, c };
}
