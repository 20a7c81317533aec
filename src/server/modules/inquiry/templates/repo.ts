import { and, arrayContains, eq, inArray, isNull, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import { inquiryTemplates } from '../../../db/inquiry-schema.js';
import { kommuner } from '../../../db/schema.js';
import type { BuiltinTemplate } from './builtin.js';

/** Inquiry templates: SQL only. */

export type TemplateRow = typeof inquiryTemplates.$inferSelect;

/** At most this many templates in one list (a kommune writes a handful). */
export const TEMPLATE_LIST_MAX = 200;

/**
 * Templates not archived: the built-in ones and the own ones of `kommuneIds` (every kommune's when 'all'),
 * offered to `kind` when given. Built-ins first, then by name.
 */
export function listTemplates(
  db: DbOrTx,
  opts: { kommuneIds: string[] | 'all'; kind?: string },
): Promise<TemplateRow[]> {
  const owner: SQL | undefined =
    opts.kommuneIds === 'all'
      ? undefined
      : opts.kommuneIds.length
        ? or(isNull(inquiryTemplates.kommuneId), inArray(inquiryTemplates.kommuneId, opts.kommuneIds))
        : isNull(inquiryTemplates.kommuneId);
  return db
    .select()
    .from(inquiryTemplates)
    .where(
      and(
        isNull(inquiryTemplates.archivedAt),
        owner,
        opts.kind ? arrayContains(inquiryTemplates.kinds, [opts.kind]) : undefined,
      ),
    )
    .orderBy(sql`${inquiryTemplates.kommuneId} is not null`, inquiryTemplates.name, inquiryTemplates.id)
    .limit(TEMPLATE_LIST_MAX);
}

export async function findTemplate(db: DbOrTx, id: string): Promise<TemplateRow | undefined> {
  const [row] = await db.select().from(inquiryTemplates).where(eq(inquiryTemplates.id, id));
  return row;
}

export async function kommuneExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: kommuner.id }).from(kommuner).where(eq(kommuner.id, id));
  return !!row;
}

export async function insertTemplate(db: DbOrTx, values: typeof inquiryTemplates.$inferInsert) {
  const [row] = await db.insert(inquiryTemplates).values(values).returning();
  return row;
}

export async function archiveTemplate(db: DbOrTx, id: string) {
  await db
    .update(inquiryTemplates)
    .set({ archivedAt: sql`coalesce(${inquiryTemplates.archivedAt}, now())` })
    .where(eq(inquiryTemplates.id, id));
}

/**
 * Upserts the built-in templates by key (name, description, kinds and phases follow the data file; a built-in no
 * longer in the file is archived, one back in it is offered again). Cycles keep the phases they started with.
 */
export async function upsertBuiltins(db: DbOrTx, templates: BuiltinTemplate[]) {
  for (const t of templates) {
    const values = { name: t.name, description: t.description, kinds: t.kinds, phases: t.phases };
    await db
      .insert(inquiryTemplates)
      .values({ key: t.key, ...values })
      .onConflictDoUpdate({ target: inquiryTemplates.key, set: { ...values, archivedAt: null } });
  }
  const keys = templates.map((t) => t.key);
  await db
    .update(inquiryTemplates)
    .set({ archivedAt: sql`now()` })
    .where(
      and(
        isNull(inquiryTemplates.kommuneId),
        isNull(inquiryTemplates.archivedAt),
        keys.length ? notInArray(inquiryTemplates.key, keys) : undefined,
      ),
    );
}
