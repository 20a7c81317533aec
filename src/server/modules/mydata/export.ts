import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { dataExports } from '../../db/mydata-schema.js';
import { users } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { JobContext } from '../../jobs/index.js';
import type { Actor } from '../../policy/index.js';
import { audit } from '../audit.js';
import { writeExportZip } from './zip.js';

/** How long a finished export can be downloaded; the retention purge removes it after. */
const EXPORT_DAYS = 7;
/** How many earlier exports the page lists. */
const LISTED = 5;

type Row = typeof dataExports.$inferSelect;

const present = (r: Row, now = new Date()) => ({
  id: r.id,
  status: r.status,
  progress: r.progress,
  sizeBytes: r.sizeBytes,
  createdAt: r.createdAt,
  finishedAt: r.finishedAt,
  expiresAt: r.expiresAt,
  downloadUrl:
    r.status === 'ready' && r.storageKey && r.expiresAt && r.expiresAt > now
      ? `/api/v1/me/exports/${r.id}/download`
      : null,
});

export function createExportService(ctx: AppContext) {
  const { db } = ctx;
  return {
    /** The signed-in person's recent exports, newest first. Nobody sees another person's. */
    async list(actor: Actor) {
      const rows = await db
        .select()
        .from(dataExports)
        .where(eq(dataExports.userId, actor.id))
        .orderBy(desc(dataExports.createdAt))
        .limit(LISTED);
      return { items: rows.map((r) => present(r)) };
    },

    /**
     * Asks for a new export of everything about the signed-in person. While one is queued or running, asking again
     * (at once from two tabs, or twice in a row) answers that one: the partial unique index makes it one row.
     */
    async request(actor: Actor) {
      const [made] = await db
        .insert(dataExports)
        .values({ userId: actor.id })
        .onConflictDoNothing({
          target: dataExports.userId,
          where: sql`status in ('queued', 'running')`,
        })
        .returning();
      if (made) {
        await audit(db, actor, 'mydata.export.request', 'user', actor.id, { exportId: made.id });
        await ctx.jobs.send('mydata.export', { exportId: made.id }, { key: made.id });
        return present(made);
      }
      const [active] = await db
        .select()
        .from(dataExports)
        .where(and(eq(dataExports.userId, actor.id), inArray(dataExports.status, ['queued', 'running'])));
      if (!active) throw new AppError('mydata.export_not_found'); // finished between the two statements
      return present(active);
    },

    /** The ZIP, for its owner only while it has not expired; 404 for anyone else (even a leader or administrator). */
    async download(actor: Actor, id: string) {
      const [r] = await db
        .select()
        .from(dataExports)
        .where(
          and(
            eq(dataExports.id, id),
            eq(dataExports.userId, actor.id),
            eq(dataExports.status, 'ready'),
            gt(dataExports.expiresAt, sql`now()`),
          ),
        );
      const st = r?.storageKey ? await ctx.storage.stat(r.storageKey) : null;
      if (!r?.storageKey || !st) throw new AppError('mydata.export_not_found');
      await audit(db, actor, 'mydata.export.download', 'user', actor.id, { exportId: id });
      return {
        type: 'application/zip',
        size: st.size,
        name: `amongi-mine-data-${r.createdAt.toISOString().slice(0, 10)}.zip`,
        stream: await ctx.storage.read(r.storageKey),
      };
    },
  };
}
export type ExportService = ReturnType<typeof createExportService>;

/**
 * The `mydata.export` job: writes the ZIP to a temporary file (streamed, page by page), stores it under
 * `exports/<id>.zip`, and marks the export ready for EXPORT_DAYS. A retry starts over; the last failed try marks
 * it failed (the person can ask again).
 */
export async function runExport(
  ctx: AppContext,
  exportId: string,
  job?: Pick<JobContext, 'retryCount' | 'retryLimit'>,
) {
  const { db } = ctx;
  const [claimed] = await db
    .update(dataExports)
    .set({ status: 'running', progress: 0 })
    .where(and(eq(dataExports.id, exportId), inArray(dataExports.status, ['queued', 'running'])))
    .returning();
  if (!claimed) return; // done already, or the person was erased meanwhile
  const [person] = await db.select({ name: users.name }).from(users).where(eq(users.id, claimed.userId));
  if (!person) return;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'amongi-export-'));
  const file = path.join(dir, 'export.zip');
  const key = `exports/${exportId}.zip`;
  try {
    await writeExportZip(
      ctx.database,
      claimed.userId,
      file,
      { name: person.name, createdAt: claimed.createdAt },
      (done, total) =>
        db
          .update(dataExports)
          .set({ progress: Math.min(95, Math.floor((done / total) * 95)) })
          .where(eq(dataExports.id, exportId))
          .then(() => undefined),
    );
    const { size } = await fs.stat(file);
    await ctx.storage.putFile(key, file, 'application/zip');
    const done = await db
      .update(dataExports)
      .set({
        status: 'ready',
        progress: 100,
        storageKey: key,
        sizeBytes: size,
        finishedAt: sql`now()`,
        expiresAt: sql`now() + make_interval(days => ${EXPORT_DAYS})`,
      })
      .where(eq(dataExports.id, exportId))
      .returning({ id: dataExports.id });
    // The person was erased while the ZIP was being written: it must not outlive them.
    if (!done.length) await ctx.storage.delete(key);
  } catch (err) {
    if (!job || job.retryCount >= job.retryLimit)
      await db
        .update(dataExports)
        .set({ status: 'failed', finishedAt: sql`now()` })
        .where(eq(dataExports.id, exportId));
    throw err;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Starts this process's `mydata.export` workers (worker processes, beside the video pipeline's). */
export async function startExportWorker(ctx: AppContext) {
  await ctx.jobs.work('mydata.export', (data, job) => runExport(ctx, data.exportId, job));
}
