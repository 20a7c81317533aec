import type { Locale } from '../../../shared/constants.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { isUniqueViolation } from '../../db/rows.js';
import { AppError } from '../../http/errors.js';
import { type Actor, authorize, can, personResource } from '../../policy/index.js';
import { audit } from '../audit.js';
import { type AuthService, findUserById } from '../auth/index.js';
import type { OrgService } from '../org/index.js';
import { type ParsedFile, parseStaffCsv } from './csv.js';
import { loadStaffLookups } from './lookups.js';
import { linePath } from './messages.js';
import { type Lookups, type Plan, planImport } from './plan.js';
import * as repo from './repo.js';

/**
 * CSV staff import (see README.md in this folder for the decisions).
 * Authorize first (the actor must manage at least one institution), read the file, load everything the rows
 * refer to in a handful of bulk queries, plan the rows (pure), and on commit apply the plan in one transaction.
 */
export function createImportService(ctx: AppContext, org: OrgService, auth: AuthService) {
  const { db } = ctx;

  /** Institutions the actor may import into: the visible ones the policy allows 'person.import' on. */
  async function managedInstitutions(actor: Actor) {
    const visible = await org.listInstitutions(actor);
    return visible.filter((i) =>
      can(actor, 'person.import', { type: 'institution', id: i.id, kommuneId: i.kommuneId }),
    );
  }

  async function loadLookups(
    q: DbOrTx,
    actor: Actor,
    institutions: Awaited<ReturnType<typeof managedInstitutions>>,
    file: ParsedFile,
  ): Promise<Lookups> {
    return loadStaffLookups(q, institutions, file, {
      visible: (id, grants) => can(actor, 'person.read', personResource(id, grants)),
      mayGrant: (role, inst) =>
        can(actor, 'role.grant', { type: 'grant', role, institutionId: inst.id, kommuneId: null }),
    });
  }

  /** Writes the plan: users, grants, team memberships, invitation e-mails (outbox) and audit entries. */
  async function apply(tx: DbOrTx, actor: Actor, plan: Plan, file: ParsedFile) {
    const seen = new Set<string>();
    for (const t of plan.targets) {
      if (seen.has(t.institution.id)) continue;
      seen.add(t.institution.id);
      authorize(actor, 'person.import', {
        type: 'institution',
        id: t.institution.id,
        kommuneId: t.institution.kommuneId,
      });
    }
    const toCreate = plan.targets.filter((t) => !t.existing);
    const created = await repo.insertUsers(
      tx,
      toCreate.map((t) => ({ email: t.row.email, name: t.row.name })),
    );
    const createdByEmail = new Map(created.map((u) => [u.email.toLowerCase(), u]));
    const userIdOf = (t: Plan['targets'][number]) =>
      t.existing?.id ?? (createdByEmail.get(t.row.email.toLowerCase())?.id as string);

    await repo.insertInstitutionGrants(
      tx,
      plan.targets
        .filter((t) => t.addGrant)
        .map((t) => ({ userId: userIdOf(t), role: t.role, institutionId: t.institution.id })),
    );
    await repo.insertTeamMemberships(
      tx,
      plan.targets.flatMap((t) => t.addTeamIds.map((teamId) => ({ teamId, userId: userIdOf(t) }))),
    );

    const inviter = await findUserById(tx, actor.id);
    for (const t of toCreate) {
      const user = createdByEmail.get(t.row.email.toLowerCase());
      if (user) await auth.sendInvitation(tx, user, inviter?.name ?? 'Amongi', t.institution.name);
    }

    await repo.insertAuditEntries(
      tx,
      actor.id,
      plan.targets
        .filter((t) => t.addGrant || t.addTeamIds.length)
        .map((t) => ({
          action: t.existing ? 'person.import_update' : 'person.import',
          subjectType: 'person',
          subjectId: userIdOf(t),
          details: {
            email: t.row.email,
            line: t.row.line,
            institutionId: t.institution.id,
            role: t.addGrant ? t.role : undefined,
            teamIds: t.addTeamIds,
          },
        })),
    );
    await audit(tx, actor, 'import.staff', 'import', null, {
      summary: plan.summary,
      encoding: file.encoding,
      delimiter: file.delimiter,
    });
  }

  /** The 422 for a commit with invalid rows: one detail per error, "linje 3: e-mail". */
  function hasErrors(plan: Plan, locale: Locale) {
    return new AppError(
      'import.has_errors',
      plan.rows.flatMap((r) =>
        r.errors.map((e) => ({
          path: linePath(locale, r.line, e.column),
          message: e.message,
        })),
      ),
    );
  }

  return {
    async importStaff(actor: Actor, bytes: Uint8Array, opts: { dryRun: boolean; locale: Locale }) {
      const institutions = await managedInstitutions(actor);
      if (!institutions.length) throw new AppError('policy.forbidden');
      const file = parseStaffCsv(bytes, opts.locale);
      const result = (plan: Plan) => ({ dryRun: opts.dryRun, rows: plan.rows, summary: plan.summary });

      if (opts.dryRun) {
        const lookups = await loadLookups(db, actor, institutions, file);
        return result(planImport(file.rows, lookups, opts.locale));
      }
      try {
        const plan = await db.transaction(async (tx) => {
          // Planned inside the transaction, so that what is written matches what was checked.
          const plan = planImport(file.rows, await loadLookups(tx, actor, institutions, file), opts.locale);
          if (plan.summary.invalid) throw hasErrors(plan, opts.locale);
          await apply(tx, actor, plan, file);
          return plan;
        });
        // Existing people may have gained roles: their cached sessions must pick them up now.
        for (const t of plan.targets)
          if (t.existing) ctx.events.publish({ type: 'person.changed', userId: t.existing.id });
        return result(plan);
      } catch (err) {
        // Someone created the same e-mail address between our read and our insert: nothing was saved.
        if (isUniqueViolation(err)) throw new AppError('person.email_taken');
        throw err;
      }
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
