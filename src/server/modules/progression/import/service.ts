import { createHash } from 'node:crypto';
import type { Locale } from '../../../../shared/constants.js';
import type { ImportCommit, ImportRequest } from '../../../../shared/contracts/progression.js';
import { wordKind } from '../../../../shared/vocabulary.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { isUniqueViolation } from '../../../db/rows.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, can } from '../../../policy/index.js';
import { audit, auditOnce } from '../../audit.js';
import { lockGroups, recomputeTotals } from '../grid/totals.js';
import { loadGroup, type ProgressionGroupRow } from '../resource.js';
import type { Band } from './columns.js';
import { checkBands, checkColumns, readFile } from './file.js';
import { speaker, statusLabel } from './messages.js';
import { type ExistingCell, type PlanGroup, type PlannedRow, planImport } from './plan.js';
import * as repo from './repo.js';

/**
 * The progression CSV import (issue 17 part 2, P2): a spreadsheet export of test results for one area and period
 * → a preview of every row (new, changed, unchanged cell, or its errors), nothing saved; then the commit, which
 * plans the same file again under the groups' locks and writes it in one transaction only when the plan is the one
 * previewed (its fingerprint), with the totals recomputed once per group. Every step reads per-child data: audited.
 */

type Request = Omit<import('zod').infer<typeof ImportRequest>, never>;
type Commit = import('zod').infer<typeof ImportCommit>;

const today = () => new Date().toISOString().slice(0, 10);
const isDeadlock = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '40P01' || e?.cause?.code === '40P01';
};

async function loadContext(db: DbOrTx, actor: Actor, groupId: string, req: Request, locale: Locale) {
  const group = await loadGroup(db, actor, groupId, 'progression.group.write');
  if (group.archivedAt) throw new AppError('progression.group_archived');
  const institutionId = group.institution.id;
  const area = await repo.areaOf(db, institutionId, req.areaId);
  if (!area) throw new AppError('progression.area_not_found');
  if (area.archivedAt) throw new AppError('progression.area_archived');
  const period = await repo.periodOf(db, institutionId, req.periodId);
  if (!period) throw new AppError('progression.period_not_found');
  if (period.schoolYear !== group.schoolYear) throw new AppError('progression.period_outside_year');
  const table = readFile(req.file, locale);
  const columns = checkColumns(table, req.columns);
  const saved = req.bands ? null : await repo.savedBands(db, area.id);
  const bands: Band[] = checkBands(req.bands ?? saved ?? []);
  return {
    group,
    area,
    period,
    table,
    columns,
    bands,
    bandsSource: req.bands ? 'request' : saved ? 'saved' : 'none',
  } as const;
}

type Context = Awaited<ReturnType<typeof loadContext>>;

/** The year's groups the actor may write (not archived), by lower-case name. */
async function writableGroups(db: DbOrTx, actor: Actor, group: ProgressionGroupRow) {
  const all = await repo.groupsOfYear(db, group.institution.id, group.schoolYear, actor.id);
  const map = new Map<string, PlanGroup>();
  for (const g of all) {
    const mayWrite = can(actor, 'progression.group.write', {
      ...group.resource,
      id: g.id,
      teamId: g.teamId,
      delegated: g.delegated,
    });
    if (mayWrite && !g.archived)
      map.set(g.name.toLowerCase(), { id: g.id, name: g.name, children: g.children });
  }
  return map;
}

async function plan(db: DbOrTx, actor: Actor, c: Context, req: Request, locale: Locale) {
  const groupsByName = await writableGroups(db, actor, c.group);
  const own = [...groupsByName.values()].find((g) => g.id === c.group.id) ?? {
    id: c.group.id,
    name: c.group.name,
    children: 0,
  };
  const codeCol = c.columns.code as number;
  const codes = [
    ...new Set(c.table.rows.map((r) => (r.cells[codeCol] ?? '').trim().toLowerCase()).filter(Boolean)),
  ];
  const children = await repo.childrenByCodes(db, c.group.institution.id, codes);
  const cells = await repo.cellsOf(
    db,
    children.map((ch) => ch.id),
    c.area.id,
    c.period.id,
  );
  const rows = planImport({
    rows: c.table.rows,
    columns: c.columns,
    bands: c.bands,
    period: c.period,
    group: own,
    groupsByName,
    childrenByCode: new Map(children.map((ch) => [ch.code.toLowerCase(), ch])),
    cells,
    createMissing: req.createMissing,
    say: speaker(locale, wordKind(c.group.institution.type)),
  });
  return rows;
}

/** What the preview promised: the rows' outcomes and the versions of the cells they change. */
function fingerprint(c: Context, rows: PlannedRow[], at: Date) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([c.area.id, c.period.id, c.group.id]));
  for (const r of rows)
    hash.update(
      JSON.stringify([
        r.line,
        r.code,
        r.group?.id,
        r.childId,
        r.createsChild,
        r.before?.version ?? 0,
        r.outcome,
        r.after,
      ]),
    );
  return `${at.getTime().toString(36)}.${hash.digest('base64url')}`;
}

/** Whether the institution keeps full names and the actor may see (so write) them in the group. */
const storesNames = (actor: Actor, c: Context) =>
  c.group.institution.showFullNames && can(actor, 'progression.group.names', c.group.resource);

function present(
  c: Context,
  rows: PlannedRow[],
  print: string,
  committed: boolean,
  actor: Actor,
  locale: Locale,
) {
  const counts = {
    rows: rows.length,
    new: 0,
    changed: 0,
    unchanged: 0,
    errors: 0,
    createsChildren: 0,
    groen: 0,
    gul: 0,
    roed: 0,
  };
  for (const r of rows) {
    if (r.outcome === 'error') counts.errors++;
    else counts[r.outcome]++;
    if (r.createsChild && r.outcome !== 'error') counts.createsChildren++;
    if (r.after) counts[r.after.status]++;
  }
  const warnings: string[] = [];
  const nameCol = c.columns.name;
  if (nameCol !== null && !storesNames(actor, c) && c.table.rows.some((r) => (r.cells[nameCol] ?? '').trim()))
    warnings.push(speaker(locale, wordKind(c.group.institution.type))('warning.names_ignored'));
  const cell = (v: { status: 'groen' | 'gul' | 'roed'; score: number | null; note: string } | null) =>
    v && { status: v.status, score: v.score, note: v.note };
  return {
    headers: c.table.header.cells.map((h) => h.trim()),
    columns: c.columns,
    bands: c.bands,
    bandsSource: c.bandsSource,
    encoding: c.table.encoding,
    delimiter: c.table.delimiter,
    rows: rows.map((r) => ({
      line: r.line,
      code: r.code,
      group: r.group?.name ?? null,
      outcome: r.outcome,
      createsChild: r.createsChild && r.outcome !== 'error',
      before: cell(r.before),
      after: cell(r.after),
      errors: r.errors,
    })),
    counts,
    warnings,
    fingerprint: print,
    committed,
  };
}

export function createProgressionImport(ctx: AppContext) {
  const { db } = ctx;

  return {
    async preview(actor: Actor, groupId: string, req: Request, locale: Locale) {
      const c = await loadContext(db, actor, groupId, req, locale);
      const at = await repo.dbNow(db);
      const rows = await plan(db, actor, c, req, locale);
      // Previewed again as the form changes: one entry per group, area and period within ten minutes.
      await auditOnce(db, actor, 'progression.import.preview', 'progression_group', c.group.id, {
        areaId: c.area.id,
        periodId: c.period.id,
      });
      return present(c, rows, fingerprint(c, rows, at), false, actor, locale);
    },

    async commit(actor: Actor, groupId: string, req: Commit, locale: Locale) {
      // A grid write locks its child, then its groups; this locks the groups, then writes the children's cells: a
      // rare deadlock between the two is retried (planned again, so a cell the other wrote makes it stale).
      for (let attempt = 1; ; attempt++) {
        try {
          return await commitOnce(actor, groupId, req, locale);
        } catch (err) {
          if (!isDeadlock(err) || attempt >= 3) throw err;
        }
      }
    },
  };

  async function commitOnce(actor: Actor, groupId: string, req: Commit, locale: Locale) {
    try {
      return await db.transaction(async (tx) => {
        const c = await loadContext(tx, actor, groupId, req, locale);
        // Every group the file may write, locked before the cells are read: what is planned is what is written.
        await lockGroups(
          tx,
          [...(await writableGroups(tx, actor, c.group)).values()].map((g) => g.id),
        );
        const rows = await plan(tx, actor, c, req, locale);
        const say = speaker(locale, wordKind(c.group.institution.type));
        const [stamp] = req.fingerprint.split('.');
        const previewedAt = new Date(Number.parseInt(stamp, 36));
        if (fingerprint(c, rows, previewedAt) !== req.fingerprint) throw stale(rows, previewedAt, locale);
        if (!req.skipErrors && rows.some((r) => r.outcome === 'error'))
          throw new AppError(
            'progression.import_has_errors',
            rows
              .flatMap((r) =>
                r.errors.map((e) => ({ path: say('file.line', { line: r.line }), message: e.message })),
              )
              .slice(0, 50),
          );
        // The limits are saved for the whole institution: only those who set progression up may.
        const inst = c.group.institution;
        const resource = { type: 'institution' as const, id: inst.id, kommuneId: inst.kommuneId };
        if (req.saveBands && !can(actor, 'progression.setup', resource))
          throw new AppError('progression.bands_not_allowed');
        await write(tx, actor, c, rows);
        if (req.saveBands && c.bands.length) await repo.saveBands(tx, c.area.id, c.bands, actor.id);
        const counts = present(c, rows, req.fingerprint, true, actor, locale);
        await audit(tx, actor, 'progression.import', 'progression_group', c.group.id, {
          areaId: c.area.id,
          periodId: c.period.id,
          fileName: req.fileName,
          counts: counts.counts,
          skipped: rows.filter((r) => r.outcome === 'error').map((r) => r.line),
        });
        return counts;
      });
    } catch (err) {
      // A child with one of the new codes was created meanwhile: the preview no longer holds.
      if (isUniqueViolation(err)) throw new AppError('progression.import_stale');
      throw err;
    }
  }

  /** The rows without errors: new children, the cells in one statement, then each group's totals once. */
  async function write(tx: DbOrTx, actor: Actor, c: Context, rows: PlannedRow[]) {
    const ok = rows.filter((r) => r.outcome !== 'error' && r.group && r.after);
    const names = storesNames(actor, c);
    const toCreate = ok.filter((r) => r.createsChild);
    const yearStart = `${c.group.schoolYear}-08-01`;
    const day = [c.period.startsOn, today()].sort()[0];
    const created = toCreate.length
      ? await repo.createChildren(
          tx,
          c.group.institution.id,
          toCreate.map((r) => ({
            code: r.code,
            fullName: names && r.name ? r.name : null,
            groupId: (r.group as PlanGroup).id,
          })),
          day < yearStart ? yearStart : day,
        )
      : new Map<string, string>();
    const writes = ok
      .filter((r) => r.outcome === 'new' || r.outcome === 'changed')
      .map((r) => ({
        childId: r.childId ?? (created.get(r.code.toLowerCase()) as string),
        // A cell keeps the group it was entered in (a child moved since: its old group's figures).
        groupId: r.before?.groupId ?? (r.group as PlanGroup).id,
        ...(r.after as NonNullable<PlannedRow['after']>),
      }));
    await repo.writeCells(tx, c.area.id, c.period.id, writes, actor.id);
    // Each group's figures once (and the cells whose movement follows them).
    const touched = new Map<string, string[]>();
    for (const w of writes) touched.set(w.groupId, [...(touched.get(w.groupId) ?? []), w.childId]);
    await lockGroups(tx, touched.keys());
    for (const [groupId, childIds] of [...touched].sort(([a], [b]) => a.localeCompare(b)))
      await recomputeTotals(tx, groupId, c.area.id, c.period.id, { childIds });
  }

  /** The 409 of a commit whose preview no longer holds: the cells changed since, each with who and what. */
  function stale(rows: PlannedRow[], since: Date, locale: Locale) {
    const say = speaker(locale, 'skole');
    const changed = rows.filter((r) => r.before && r.before.updatedAt.getTime() > since.getTime());
    const details = changed.slice(0, 50).map((r) => ({
      path: r.code,
      message: say('stale.changed', {
        value: statusLabel(locale, (r.before as ExistingCell).status),
        group: r.before?.updatedBy ?? undefined,
      }),
    }));
    return new AppError(
      'progression.import_stale',
      details.length ? details : [{ path: '', message: say('stale.plan') }],
    );
  }
}
