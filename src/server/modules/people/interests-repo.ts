import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.js';
import { personInterests } from '../../db/schema.js';
import { taxonomyTerms } from '../../db/videos-schema.js';

export type InterestsRow = { ageBands: string[]; subjectIds: string[]; methodIds: string[] };

/** The saved interests, or undefined when the person never saved any. */
export async function findInterests(db: DbOrTx, userId: string): Promise<InterestsRow | undefined> {
  const [row] = await db
    .select({
      ageBands: personInterests.ageBands,
      subjectIds: personInterests.subjectIds,
      methodIds: personInterests.methodIds,
    })
    .from(personInterests)
    .where(eq(personInterests.userId, userId));
  return row;
}

export async function saveInterests(db: DbOrTx, userId: string, v: InterestsRow) {
  await db
    .insert(personInterests)
    .values({ userId, ...v })
    .onConflictDoUpdate({ target: personInterests.userId, set: { ...v, updatedAt: sql`now()` } });
}

/** The ids of the terms of `kind` among `ids` (those that still exist), in the given order. */
export async function existingTerms(db: DbOrTx, kind: 'subject' | 'method', ids: string[]) {
  if (ids.length === 0) return [];
  const found = await db
    .select({ id: taxonomyTerms.id })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.kind, kind), inArray(taxonomyTerms.id, ids)));
  const ok = new Set(found.map((r) => r.id));
  return ids.filter((id) => ok.has(id));
}

/** The subject terms with these labels (compared case-insensitively). */
export async function subjectsByLabel(db: DbOrTx, labels: string[]) {
  if (labels.length === 0) return [];
  const rows = await db
    .select({ id: taxonomyTerms.id })
    .from(taxonomyTerms)
    .where(
      and(
        eq(taxonomyTerms.kind, 'subject'),
        inArray(
          sql`lower(${taxonomyTerms.label})`,
          labels.map((l) => l.toLowerCase()),
        ),
      ),
    )
    .orderBy(taxonomyTerms.label);
  return rows.map((r) => r.id);
}
