import { randomUUID } from 'node:crypto';
import { ERRORS } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import type { DomainEvent } from '../../events/types.js';
import { AppError } from '../../http/errors.js';
import { audit } from '../audit.js';
import { createAuthService } from '../auth/index.js';
import {
  emailKey,
  insertInstitutionGrants,
  insertTeamMemberships,
  insertUsers,
  loadStaffLookups,
  parseStaffCsv,
  planImport,
} from '../import/index.js';
import { deactivate, ownedBySource, reactivate, scopeOfSource } from './apply.js';
import { readPath, readUrl, SYNC_MAX_BYTES, SYNC_MAX_ROWS } from './fetch.js';
import * as repo from './repo.js';

/**
 * One run of a CSV source: read the complete list, plan it with the staff import's planner (one way to read a
 * staff CSV), then in one transaction create, update, reactivate and deactivate. Rows with errors are skipped
 * and reported with their line numbers; their people count as present (never deactivated for a typo).
 */

const LEASE_SECONDS = 600;
const MAX_REPORTED_ERRORS = 200;

type Counts = {
  created: number;
  updated: number;
  deactivated: number;
  reactivated: number;
  unchanged: number;
  errorCount: number;
  errors: { line: number | null; message: string }[];
};
type Outcome = Counts & { braked: boolean; events: DomainEvent[] };

async function syncFile(
  ctx: AppContext,
  tx: DbOrTx,
  source: repo.SourceRow,
  bytes: Uint8Array,
  force: boolean,
): Promise<Outcome> {
  const ref = { id: source.id, name: source.name };
  const file = parseStaffCsv(bytes, 'da', { maxRows: SYNC_MAX_ROWS, maxBytes: SYNC_MAX_BYTES });
  const { institutions, scope } = await scopeOfSource(tx, source);
  const lookups = await loadStaffLookups(tx, institutions, file, {
    visible: () => true,
    mayGrant: () => true,
  });
  const plan = planImport(file.rows, lookups, 'da');
  const invalid = plan.rows.filter((r) => r.errors.length);
  const errors = invalid
    .slice(0, MAX_REPORTED_ERRORS)
    .map((r) => ({ line: r.line, message: r.errors.map((e) => `${e.column}: ${e.message}`).join('; ') }));

  const present = new Set(file.rows.map((r) => emailKey(r.values.email)).filter(Boolean));
  const managed = await repo.managedPeople(tx, source.id);
  const active = managed.filter((m) => !m.deactivatedBySource);
  const leaving = active.filter((m) => !present.has(m.email.toLowerCase()));
  const deactivatedByMe = new Set(managed.filter((m) => m.deactivatedBySource).map((m) => m.userId));

  const existingTargets = plan.targets.filter((t) => t.existing);
  const existingIds = existingTargets.map((t) => t.existing?.id as string);
  const current = new Map((await repo.usersByIds(tx, existingIds)).map((u) => [u.id, u]));
  const reactivating = existingIds.filter(
    (id) => current.get(id)?.status === 'disabled' && deactivatedByMe.has(id),
  );

  // The safety brake: a half-empty file must not disable a school.
  const brakeTrips =
    leaving.length > 0 && leaving.length * 100 > source.maxDeactivatePercent * Math.max(active.length, 1);
  if (brakeTrips && !force)
    return {
      braked: true,
      events: [],
      created: plan.summary.create,
      updated: 0,
      deactivated: leaving.length,
      reactivated: reactivating.length,
      unchanged: 0,
      errorCount: invalid.length,
      errors,
    };

  const toCreate = plan.targets.filter((t) => !t.existing);
  const created = await insertUsers(
    tx,
    toCreate.map((t) => ({ email: t.row.email, name: t.row.name })),
  );
  const createdByEmail = new Map(created.map((u) => [u.email.toLowerCase(), u]));
  const userIdOf = (t: (typeof plan.targets)[number]) =>
    t.existing?.id ?? (createdByEmail.get(t.row.email.toLowerCase())?.id as string);

  await insertInstitutionGrants(
    tx,
    plan.targets
      .filter((t) => t.addGrant)
      .map((t) => ({ userId: userIdOf(t), role: t.role, institutionId: t.institution.id })),
  );
  await insertTeamMemberships(
    tx,
    plan.targets.flatMap((t) => t.addTeamIds.map((teamId) => ({ teamId, userId: userIdOf(t) }))),
  );
  // Names follow the source for people who are the source's alone (not someone who also works elsewhere).
  const owned = await ownedBySource(tx, scope, existingIds);
  const renames = existingTargets
    .filter(
      (t) =>
        owned.has(t.existing?.id as string) && current.get(t.existing?.id as string)?.name !== t.row.name,
    )
    .map((t) => ({ id: t.existing?.id as string, name: t.row.name }));
  await repo.renameUsers(tx, renames);
  const renamed = new Set(renames.map((r) => r.id));

  const events: DomainEvent[] = [];
  events.push(...(await reactivate(tx, ref, reactivating)));
  await repo.upsertManaged(
    tx,
    source.id,
    plan.targets.map((t) => ({ userId: userIdOf(t) })),
  );
  events.push(
    ...(await deactivate(
      ctx,
      tx,
      ref,
      scope,
      leaving.map((m) => m.userId),
    )),
  );

  if (source.sendInvitations && created.length) {
    const auth = createAuthService(ctx);
    for (const t of toCreate) {
      const user = createdByEmail.get(t.row.email.toLowerCase());
      if (user) await auth.sendInvitation(tx, user, 'Amongi', t.institution.name);
    }
  }

  const reactivated = new Set(reactivating);
  const updatedTargets = existingTargets.filter((t) => {
    const id = t.existing?.id as string;
    return !reactivated.has(id) && (t.addGrant || t.addTeamIds.length > 0 || renamed.has(id));
  });
  await repo.insertAuditEntries(tx, [
    ...toCreate.map((t) => ({
      action: 'staff_sync.create',
      subjectType: 'person',
      subjectId: userIdOf(t),
      details: {
        source: source.id,
        sourceName: source.name,
        line: t.row.line,
        institutionId: t.institution.id,
        role: t.role,
      },
    })),
    ...updatedTargets.map((t) => ({
      action: 'staff_sync.update',
      subjectType: 'person',
      subjectId: userIdOf(t),
      details: {
        source: source.id,
        sourceName: source.name,
        line: t.row.line,
        institutionId: t.institution.id,
        role: t.addGrant ? t.role : undefined,
        teamIds: t.addTeamIds,
        renamed: renamed.has(userIdOf(t)) || undefined,
      },
    })),
  ]);
  for (const t of updatedTargets) events.push({ type: 'person.changed', userId: userIdOf(t) });

  return {
    braked: false,
    events,
    created: created.length,
    updated: updatedTargets.length,
    deactivated: leaving.length,
    reactivated: reactivating.length,
    unchanged: plan.targets.length - created.length - updatedTargets.length - reactivating.length,
    errorCount: invalid.length,
    errors,
  };
}

async function readSource(ctx: AppContext, source: repo.SourceRow): Promise<Uint8Array> {
  if (source.kind === 'csv_path') return readPath(ctx.config.staffSyncDir, source.location ?? '');
  if (source.kind === 'csv_url') return readUrl(source.location ?? '');
  throw new AppError('staff_sync.not_found');
}

/** Runs a source this process holds the lease of; records and audits the run. Never throws for a bad source. */
async function runClaimed(ctx: AppContext, source: repo.SourceRow, trigger: repo.RunRow['trigger']) {
  const { db } = ctx;
  const run = await repo.insertRun(db, { sourceId: source.id, trigger, status: 'running' });
  const force = source.forceNextRun || trigger === 'confirmed';
  let finished: repo.RunRow;
  try {
    const bytes = await readSource(ctx, source);
    const outcome = await db.transaction(async (tx) => {
      const o = await syncFile(ctx, tx, source, bytes, force);
      const { events: _e, braked, ...counts } = o;
      await audit(tx, null, 'staff_sync.run', 'staff_sync_source', source.id, {
        sourceName: source.name,
        trigger,
        status: braked ? 'needs_confirmation' : 'succeeded',
        ...counts,
        errors: undefined,
      });
      return o;
    });
    for (const e of outcome.events) ctx.events.publish(e);
    const { events: _e, braked, ...counts } = outcome;
    finished = await repo.finishRun(db, run.id, {
      ...counts,
      status: braked ? 'needs_confirmation' : 'succeeded',
      code: braked ? 'staff_sync.brake' : null,
    });
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'staff_sync.source_unreachable';
    if (!(err instanceof AppError)) ctx.log.error({ err, source: source.id }, 'staff sync failed');
    const details = err instanceof AppError ? (err.details ?? []) : [];
    const errors = details.length
      ? details.map((d) => ({ line: null, message: `${d.path}: ${d.message}` }))
      : [{ line: null, message: ERRORS[code].da }];
    finished = await repo.finishRun(db, run.id, {
      status: 'failed',
      code,
      errors,
      errorCount: errors.length,
    });
    await audit(db, null, 'staff_sync.run', 'staff_sync_source', source.id, {
      sourceName: source.name,
      trigger,
      status: 'failed',
      code,
    });
  }
  return finished;
}

/** Claims the source and runs it now ("Kør nu"); null when another process is running it. */
export async function runSourceNow(ctx: AppContext, sourceId: string, trigger: repo.RunRow['trigger']) {
  const owner = `${process.pid}:${randomUUID()}`;
  const source = await repo.claimSource(ctx.db, sourceId, owner, LEASE_SECONDS);
  if (!source) return null;
  try {
    const run = await runClaimed(ctx, source, trigger);
    return run;
  } finally {
    await repo.releaseSource(ctx.db, source.id, owner, { forceNextRun: false });
  }
}

/**
 * The worker's ticker task: runs every enabled CSV source whose next run is due, each claimed with a lease in
 * the database, so that several worker processes never run one source at once.
 */
export async function runDueStaffSyncs(ctx: AppContext, _now: Date = new Date(), max = 10) {
  let ran = 0;
  for (; ran < max; ran++) {
    const owner = `${process.pid}:${randomUUID()}`;
    const source = await repo.claimDueSource(ctx.db, owner, LEASE_SECONDS);
    if (!source) break;
    try {
      await runClaimed(ctx, source, 'schedule');
    } finally {
      await repo.releaseSource(ctx.db, source.id, owner, { forceNextRun: false });
    }
  }
  return ran;
}
