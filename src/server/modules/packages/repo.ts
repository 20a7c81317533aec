import { and, asc, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PackageItemKind, PackageVisibility } from '../../../shared/catalogue.js';
import { learningPackages, packageItems } from '../../db/community-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { users } from '../../db/schema.js';

const p = learningPackages;

const packageColumns = {
  id: p.id,
  title: p.title,
  description: p.description,
  facilitationGuide: p.facilitationGuide,
  ownerId: p.ownerId,
  ownerName: users.name,
  institutionId: p.institutionId,
  kommuneId: p.kommuneId,
  visibility: p.visibility,
  copiedFromId: p.copiedFromId,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
  itemCount: sql<number>`(select count(*)::int from ${packageItems} pi where pi.package_id = ${p.id})`,
};

export type PackageRow = NonNullable<Awaited<ReturnType<typeof getPackage>>>;

export async function getPackage(db: DbOrTx, id: string) {
  const [row] = await db
    .select(packageColumns)
    .from(p)
    .innerJoin(users, eq(users.id, p.ownerId))
    .where(eq(p.id, id));
  return row;
}

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Recently changed first, `limit` rows after the cursor (updatedAt, id of the last row seen). */
export async function listPackages(
  db: DbOrTx,
  where: SQL,
  opts: { q?: string; limit: number; after?: { updatedAt: Date; id: string } },
) {
  const after = opts.after
    ? or(
        lt(p.updatedAt, opts.after.updatedAt),
        and(eq(p.updatedAt, opts.after.updatedAt), lt(p.id, opts.after.id)),
      )
    : undefined;
  const search = opts.q ? sql`${p.title} ilike ${likeText(opts.q)}` : undefined;
  return db
    .select(packageColumns)
    .from(p)
    .innerJoin(users, eq(users.id, p.ownerId))
    .where(and(where, search, after))
    .orderBy(desc(p.updatedAt), desc(p.id))
    .limit(opts.limit);
}

/** The titles of those packages among `ids` that satisfy `where` (the viewer may see them). */
export async function visibleTitles(db: DbOrTx, ids: string[], where: SQL) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .select({ id: p.id, title: p.title })
    .from(p)
    .where(and(inArray(p.id, ids), where));
  return new Map(rows.map((r) => [r.id, r.title]));
}

export type ItemRow = typeof packageItems.$inferSelect;

export async function items(db: DbOrTx, packageId: string): Promise<ItemRow[]> {
  return db
    .select()
    .from(packageItems)
    .where(eq(packageItems.packageId, packageId))
    .orderBy(asc(packageItems.position));
}

export async function insertPackage(
  db: DbOrTx,
  v: {
    title: string;
    description: string;
    facilitationGuide: string;
    ownerId: string;
    institutionId: string | null;
    kommuneId: string | null;
    visibility: PackageVisibility;
    copiedFromId?: string | null;
  },
) {
  const [row] = await db.insert(p).values(v).returning({ id: p.id });
  return row.id;
}

export async function updatePackage(
  db: DbOrTx,
  id: string,
  v: { title?: string; description?: string; facilitationGuide?: string; visibility?: PackageVisibility },
) {
  await db
    .update(p)
    .set({ ...v, updatedAt: sql`now()` })
    .where(eq(p.id, id));
}

export type NewItem = {
  kind: PackageItemKind;
  videoId: string | null;
  title: string;
  body: string;
};

/** Replaces the package's items with `list`, in this order. */
export async function replaceItems(db: DbOrTx, packageId: string, list: NewItem[]) {
  await db.delete(packageItems).where(eq(packageItems.packageId, packageId));
  if (list.length)
    await db.insert(packageItems).values(list.map((it, position) => ({ ...it, packageId, position })));
  await db.update(p).set({ updatedAt: sql`now()` }).where(eq(p.id, packageId));
}

export async function deletePackage(db: DbOrTx, id: string) {
  await db.delete(p).where(eq(p.id, id));
}
