import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Locale } from '../../../shared/constants.js';
import type * as c from '../../../shared/contracts/staff-sync.js';
import { type ErrorCode, errorMessage } from '../../../shared/errors.js';
import { sha256 } from '../../auth/crypto.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { type Actor, authorize } from '../../policy/index.js';
import { audit } from '../audit.js';
import { allowedPath, checkUrl } from './fetch.js';
import * as repo from './repo.js';
import { runSourceNow } from './sync.js';

/** Administrators configure staff sync sources, rotate SCIM tokens and run sources now (issue 20 part 2). */

type CreateInput = z.output<typeof c.CreateStaffSyncSource>;
type UpdateInput = z.output<typeof c.UpdateStaffSyncSource>;

/** A SCIM bearer token: 32 random bytes, shown once; only its SHA-256 digest is stored. */
function newScimToken() {
  const token = `amongi_scim_${randomBytes(32).toString('base64url')}`;
  return { token, hash: sha256(token) };
}

function runView(r: repo.RunRow, locale: Locale) {
  return {
    ...r,
    message: r.code ? errorMessage(r.code as ErrorCode, locale) : null,
  };
}

export function createStaffSyncService(ctx: AppContext) {
  const { db } = ctx;
  const guard = (actor: Actor) => authorize(actor, 'staff_sync.manage', { type: 'instance' });

  async function found(id: string) {
    const s = await repo.getSource(db, id);
    if (!s) throw new AppError('staff_sync.not_found');
    return s;
  }

  async function view(sources: repo.SourceRow[], locale: Locale) {
    const ids = sources.map((s) => s.id);
    const [scope, counts, last] = await Promise.all([
      repo.scopeOf(db, ids),
      repo.countManaged(db),
      repo.lastRuns(db, ids),
    ]);
    return sources.map((s) => {
      const run = last.find((r) => r.sourceId === s.id);
      return {
        id: s.id,
        name: s.name,
        kind: s.kind,
        location: s.location,
        intervalMinutes: s.intervalMinutes,
        kommuneId: s.kommuneId,
        institutionIds: scope.filter((x) => x.sourceId === s.id).map((x) => x.institutionId),
        defaultInstitutionId: s.defaultInstitutionId,
        sendInvitations: s.sendInvitations,
        maxDeactivatePercent: s.maxDeactivatePercent,
        enabled: s.enabled,
        hasToken: s.tokenHash !== null,
        tokenCreatedAt: s.tokenCreatedAt,
        nextRunAt: s.nextRunAt,
        managed: counts.find((n) => n.sourceId === s.id)?.n ?? 0,
        lastRun: run ? runView(run, locale) : null,
      };
    });
  }

  /** Checks a source's settings as they will be after this change. */
  async function validate(kind: repo.SourceRow['kind'], v: UpdateInput & { institutionIds: string[] }) {
    if (kind === 'csv_path') await allowedPath(ctx.config.staffSyncDir, v.location ?? '');
    if (kind === 'csv_url') checkUrl(v.location ?? '');
    const known = await repo.existingInstitutionIds(db, v.institutionIds);
    if (known.size !== new Set(v.institutionIds).size) throw new AppError('institution.not_found');
    if (v.kommuneId && !(await repo.kommuneExists(db, v.kommuneId))) throw new AppError('kommune.not_found');
    if (!v.institutionIds.length && !v.kommuneId) throw new AppError('staff_sync.scope_required');
    if (kind === 'scim') {
      const inScope = await repo.scopeInstitutions(db, {
        id: '00000000-0000-0000-0000-000000000000',
        kommuneId: v.kommuneId ?? null,
      });
      const ok =
        v.defaultInstitutionId &&
        (v.institutionIds.includes(v.defaultInstitutionId) ||
          inScope.some((i) => i.id === v.defaultInstitutionId));
      if (!ok) throw new AppError('staff_sync.default_institution_required');
    }
  }

  return {
    async list(actor: Actor, locale: Locale) {
      guard(actor);
      return {
        items: await view(await repo.listSources(db), locale),
        pathsAllowed: Boolean(ctx.config.staffSyncDir),
        pathRoot: ctx.config.staffSyncDir ?? null,
        scimBaseUrl: `${ctx.config.publicUrl}/scim/v2`,
      };
    },

    async create(actor: Actor, v: CreateInput, locale: Locale) {
      guard(actor);
      const institutionIds = [...new Set(v.institutionIds ?? [])];
      await validate(v.kind, { ...v, institutionIds });
      const token = v.kind === 'scim' ? newScimToken() : null;
      const source = await db.transaction(async (tx) => {
        const s = await repo.insertSource(tx, {
          name: v.name,
          kind: v.kind,
          location: v.kind === 'scim' ? null : (v.location ?? null),
          intervalMinutes: v.kind === 'scim' ? null : (v.intervalMinutes ?? null),
          kommuneId: v.kommuneId ?? null,
          defaultInstitutionId: v.defaultInstitutionId ?? null,
          sendInvitations: v.sendInvitations ?? false,
          maxDeactivatePercent: v.maxDeactivatePercent ?? 20,
          enabled: v.enabled ?? true,
          tokenHash: token?.hash ?? null,
          tokenCreatedAt: token ? new Date() : null,
        });
        await repo.setScope(tx, s.id, institutionIds);
        await audit(tx, actor, 'staff_sync.source_create', 'staff_sync_source', s.id, {
          name: s.name,
          kind: s.kind,
          location: s.location,
          kommuneId: s.kommuneId,
          institutionIds,
        });
        return s;
      });
      const [out] = await view([source], locale);
      return { source: out, token: token?.token ?? null };
    },

    async update(actor: Actor, id: string, v: UpdateInput, locale: Locale) {
      guard(actor);
      const s = await found(id);
      const scope = (await repo.scopeOf(db, [id])).map((x) => x.institutionId);
      const institutionIds = v.institutionIds ? [...new Set(v.institutionIds)] : scope;
      const next = {
        location: v.location !== undefined ? v.location : s.location,
        kommuneId: v.kommuneId !== undefined ? v.kommuneId : s.kommuneId,
        defaultInstitutionId:
          v.defaultInstitutionId !== undefined ? v.defaultInstitutionId : s.defaultInstitutionId,
      };
      await validate(s.kind, { ...v, ...next, institutionIds });
      const updated = await db.transaction(async (tx) => {
        const u = await repo.updateSource(tx, id, {
          name: v.name,
          location: s.kind === 'scim' ? null : next.location,
          intervalMinutes: s.kind === 'scim' ? null : v.intervalMinutes,
          kommuneId: next.kommuneId,
          defaultInstitutionId: next.defaultInstitutionId,
          sendInvitations: v.sendInvitations,
          maxDeactivatePercent: v.maxDeactivatePercent,
          enabled: v.enabled,
          // A changed interval counts from now.
          ...(v.intervalMinutes !== undefined ? { nextRunAt: null } : {}),
        });
        if (v.institutionIds) await repo.setScope(tx, id, institutionIds);
        await audit(tx, actor, 'staff_sync.source_update', 'staff_sync_source', id, v);
        return u;
      });
      return (await view([updated], locale))[0];
    },

    async remove(actor: Actor, id: string) {
      guard(actor);
      await found(id);
      await db.transaction(async (tx) => {
        await repo.deleteSource(tx, id);
        await audit(tx, actor, 'staff_sync.source_delete', 'staff_sync_source', id);
      });
    },

    async rotateToken(actor: Actor, id: string) {
      guard(actor);
      const s = await found(id);
      if (s.kind !== 'scim') throw new AppError('staff_sync.not_scim');
      const token = newScimToken();
      await db.transaction(async (tx) => {
        await repo.updateSource(tx, id, { tokenHash: token.hash, tokenCreatedAt: new Date() });
        await audit(tx, actor, 'staff_sync.token_rotate', 'staff_sync_source', id);
      });
      return { token: token.token };
    },

    async revokeToken(actor: Actor, id: string) {
      guard(actor);
      const s = await found(id);
      if (s.kind !== 'scim') throw new AppError('staff_sync.not_scim');
      await db.transaction(async (tx) => {
        await repo.updateSource(tx, id, { tokenHash: null, tokenCreatedAt: null });
        await audit(tx, actor, 'staff_sync.token_revoke', 'staff_sync_source', id);
      });
    },

    async run(actor: Actor, id: string, opts: { confirm?: boolean }, locale: Locale) {
      guard(actor);
      const s = await found(id);
      if (s.kind === 'scim') throw new AppError('staff_sync.not_found');
      if (opts.confirm) {
        const [last] = await repo.listRuns(db, id, 1);
        if (last?.status !== 'needs_confirmation') throw new AppError('staff_sync.nothing_to_confirm');
        await audit(db, actor, 'staff_sync.confirm', 'staff_sync_source', id, { run: last.id });
      }
      const run = await runSourceNow(ctx, id, opts.confirm ? 'confirmed' : 'manual');
      if (!run) throw new AppError('staff_sync.busy');
      return runView(run, locale);
    },

    async runs(actor: Actor, id: string, locale: Locale) {
      guard(actor);
      await found(id);
      return { items: (await repo.listRuns(db, id)).map((r) => runView(r, locale)) };
    },
  };
}

export type StaffSyncService = ReturnType<typeof createStaffSyncService>;
