import { type WordKind, wordKind, words } from '../../../../shared/vocabulary.js';
import { sql } from 'drizzle-orm';
import type { Locale } from '../../../../shared/constants.js';
import { type DataBreakdown, DEFAULT_MIN_GROUP_SIZE } from '../../../../shared/observation.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, authorize } from '../../../policy/index.js';
import { audit, auditOnce } from '../../audit.js';
import * as cells from './cells-repo.js';
import { buildCatalog, institutionsWithSharedUnits } from './items.js';
import * as repo from './repo.js';
import { allows, breakdownsOf, cellRules, keptOptions, loadRules } from './rules.js';
import { summarize } from './summary.js';
import { EMPTY_CELL, type Grid, present, type RawCell, suppressGrid } from './suppression.js';
import { loadObservationScope } from '../resource.js';
import type { DataCell, ObservationData } from '../types.js';

/**
 * Institution data (O4): aggregates by focus area and indicator, broken down by term, subject, grade or (for
 * forvaltning) institution, with every figure fewer than the minimum number of teachers stand behind hidden.
 * Only completed, unflagged classroom visits count — never self-observations (repo: countsTowardData).
 */

export type DataQuery = {
  term?: string;
  subject?: string;
  grade?: number;
  focusArea?: string;
  by?: DataBreakdown;
};

const LABELS: Record<
  Locale,
  { spring: string; autumn: string; grade: (g: string) => string }
> = {
  da: {
    spring: 'Forår',
    autumn: 'Efterår',
    grade: (g) => `${g}. klasse`,
  },
  en: {
    spring: 'Spring',
    autumn: 'Autumn',
    grade: (g) => `Grade ${g}`,
  },
};

/** How a group is named, and the order groups come in. */
function groupLabels(
  by: DataBreakdown,
  keys: string[],
  locale: Locale,
  names: Map<string, string>,
  kind: WordKind,
) {
  const t = LABELS[locale];
  const w = words(kind, locale);
  const label = (k: string) => {
    switch (by) {
      case 'term': {
        const [year, half] = k.split('-');
        return `${half === '1' ? t.spring : t.autumn} ${year}`;
      }
      case 'subject':
        return k === '' ? w.noSubject : k;
      case 'grade':
        return k === '' ? w.noGrade : t.grade(k);
      case 'institution':
        return names.get(k) ?? k;
    }
  };
  const order = [...names.keys()];
  const sorted = [...keys].sort((a, b) => {
    if (by === 'institution') return order.indexOf(a) - order.indexOf(b);
    if (a === '' || b === '') return Number(a === '') - Number(b === '');
    if (by === 'grade') return Number(a) - Number(b);
    if (by === 'subject') return a.localeCompare(b, 'da');
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return sorted.map((key) => ({ key, label: label(key) }));
}

type Scope = {
  kind: 'institution' | 'kommune';
  id: string;
  name: string;
  institutions: repo.ScopeInstitution[];
};

type Figures = Omit<ObservationData, 'summary'>;

/**
 * The figures of a scope with their summary: the summary reads this answer and the same selection broken down by
 * term (without a term filter), both suppressed as they would be on their own.
 */
async function withSummary(
  tx: DbOrTx,
  scope: Scope,
  q: DataQuery,
  by: DataBreakdown,
  locale: Locale,
): Promise<ObservationData> {
  const data = await compute(tx, scope, q, by, locale);
  const termView = data.breakdowns.find((b) => b.by === 'term');
  const byTerm = !termView?.available
    ? null
    : by === 'term' && !q.term
      ? data
      : await compute(tx, scope, { ...q, term: undefined }, 'term', locale);
  return { ...data, summary: summarize(data, byTerm) };
}

/** The figures of a scope, in one read-only snapshot: four statements, none per group or item. */
async function compute(
  tx: DbOrTx,
  scope: Scope,
  q: DataQuery,
  by: DataBreakdown,
  locale: Locale,
): Promise<Figures> {
  const ids = scope.institutions.map((i) => i.id);
  const kinds = new Set(scope.institutions.map((i) => wordKind(i.type)));
  const scopeWords: WordKind = kinds.size === 1 ? [...kinds][0] : 'skole';
  const filters: repo.DataFilters = {
    term: q.term ?? null,
    subject: q.subject ?? null,
    grade: q.grade ?? null,
  };
  const versions = await repo.schemaVersions(tx, ids);
  const catalog = buildCatalog(versions, ids, q.focusArea ?? null);
  if (!catalog.focusAreaKnown) throw new AppError('observation.focus_area_unknown');
  const input = { institutionIds: ids, filters, by, items: catalog.keys, areaKeys: catalog.areaKeys };
  const shared = institutionsWithSharedUnits(versions, catalog.keys, catalog.areaKeys);
  // What may be shown is decided per institution from its data alone (ADR 0009), the same on both paths.
  const rules = await loadRules(tx, scope.institutions, catalog.keys, catalog.areaKeys, shared);
  // One after the other: they share the transaction's connection. One institution's answers are read directly;
  // a kommune's come from the data cells (the same figures, without reading a year of answers).
  const { rows, visits } =
    scope.kind === 'kommune'
      ? await cells.cellAggregate(tx, input, shared, cellRules(rules, filters, by, catalog.items.length))
      : await (async () => {
          const own = rules.get(scope.id);
          const ok = (item: number | null, group: string | null) => allows(own, filters, by, item, group);
          const all = await repo.aggregate(tx, input);
          const counted = await repo.groupVisits(tx, input);
          return {
            rows: all.filter((r) => ok(r.item, r.group)),
            visits: counted.filter((r) => ok(null, r.group)),
          };
        })();
  const options = keptOptions(rules);

  const cell = new Map<string, RawCell>();
  for (const r of rows) cell.set(repo.rowKey(r.item, r.group), r);
  const visitsOf = new Map(visits.map((r) => [r.group, r.visits]));
  const groups = groupLabels(
    by,
    [...new Set(rows.filter((r) => r.group !== null).map((r) => r.group as string))],
    locale,
    new Map(scope.institutions.map((i) => [i.id, i.name])),
    scopeWords,
  );
  const shownAreas = catalog.areas
    .map((a) => ({
      ...a,
      items: a.items.filter((i) => (cell.get(repo.rowKey(i.index, null))?.answers ?? 0) > 0),
    }))
    .filter((a) => a.items.length > 0);
  const items = shownAreas.flatMap((a) => a.items);
  const valued = (c: RawCell | undefined, text: boolean): RawCell =>
    c ? { ...c, value: text ? null : c.value } : EMPTY_CELL;
  const totalOf = (group: string | null): RawCell => {
    const c = cell.get(repo.rowKey(null, group)) ?? EMPTY_CELL;
    return { ...c, value: null, visits: visitsOf.get(group) ?? 0 };
  };
  const grid: Grid = {
    cells: items.map((i) =>
      groups.map((g) => valued(cell.get(repo.rowKey(i.index, g.key)), i.type === 'text')),
    ),
    rowTotals: items.map((i) => valued(cell.get(repo.rowKey(i.index, null)), i.type === 'text')),
    groupTotals: groups.map((g) => totalOf(g.key)),
    total: totalOf(null),
  };
  // The kommune view uses the strictest setting of its institutions.
  const min = scope.institutions.length
    ? Math.max(...scope.institutions.map((i) => i.minGroupSize))
    : DEFAULT_MIN_GROUP_SIZE;
  const hidden = suppressGrid(grid, min);
  // Group and grand totals: distinct teachers and visits only (answers summed over questions would let a hidden
  // question's count be worked out from its group's total).
  const presentTotal = (c: RawCell, h: boolean): DataCell => ({ ...present(c, h), answers: null });
  const rowOf = new Map(items.map((i, r) => [i.index, r]));
  const cellsOf = (r: number): DataCell[] => grid.cells[r].map((c, g) => present(c, hidden.cells[r][g]));

  return {
    scope: { kind: scope.kind, id: scope.id, name: scope.name, words: scopeWords },
    minGroupSize: min,
    filters: { ...filters, focusArea: q.focusArea ?? null },
    by,
    groups: groups.map((g, i) => ({ ...g, total: presentTotal(grid.groupTotals[i], hidden.groupTotals[i]) })),
    total: presentTotal(grid.total, hidden.total),
    areas: shownAreas.map((a) => ({
      key: a.key,
      title: a.title,
      indicators: a.items.map((i) => {
        const r = rowOf.get(i.index) as number;
        return {
          key: i.key,
          text: i.text,
          type: i.type,
          scale: i.scale,
          total: present(grid.rowTotals[r], hidden.rowTotals[r]),
          cells: cellsOf(r),
        };
      }),
    })),
    breakdowns: breakdownsOf(rules, scope.kind === 'kommune'),
    options: {
      terms: options.terms.sort(),
      subjects: options.subjects.sort((a, b) => a.localeCompare(b, 'da')),
      grades: options.grades.map(Number).sort((a, b) => a - b),
    },
  };
}

/** A reading on the page, or a CSV download. */
type How = 'view' | 'export';

export function createDataService(ctx: Pick<AppContext, 'db'>) {
  const { db } = ctx;
  /**
   * One read-only snapshot, so every figure comes from the same data. The kommune view reads every answer of a
   * year: enough memory to aggregate without spilling to disk, no JIT compilation and no parallel workers (starting
   * them costs more than they save on these small reads).
   */
  const snapshot = <T>(work: (tx: DbOrTx) => Promise<T>) =>
    db.transaction(
      async (tx) => {
        await tx.execute(sql`set local work_mem = '32MB'`);
        await tx.execute(sql`set local jit = off`);
        await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
        return work(tx);
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );

  /**
   * Who looked at observation data (issue 20 part 5): a view once per 10 minutes per filter set (a page that
   * refetches is one reading), every CSV download.
   */
  const logRead = (actor: Actor, how: How, type: 'institution' | 'kommune', id: string, q: DataQuery) =>
    how === 'export'
      ? audit(db, actor, 'observation.data.export', type, id, { ...q })
      : auditOnce(db, actor, 'observation.data.view', type, id, { ...q });

  return {
    /** One institution's data, for its leaders and its kommune's forvaltning. by: term (default), subject, grade. */
    async institution(actor: Actor, institutionId: string, q: DataQuery, locale: Locale, how: How = 'view') {
      const resource = await loadObservationScope(db, actor, institutionId);
      authorize(actor, 'observation.data', resource);
      await logRead(actor, how, 'institution', institutionId, q);
      return snapshot(async (tx) => {
        const institutions = await repo.scopeInstitutions(tx, { institutionId });
        const name = institutions[0]?.name ?? '';
        const scope: Scope = { kind: 'institution', id: institutionId, name, institutions };
        return withSummary(tx, scope, q, q.by ?? 'term', locale);
      });
    },

    /** Data across a kommune's institutions, for its forvaltning. by: institution (default), term, subject, grade. */
    async kommune(actor: Actor, kommuneId: string, q: DataQuery, locale: Locale, how: How = 'view') {
      authorize(actor, 'observation.data', { type: 'kommune', id: kommuneId });
      await logRead(actor, how, 'kommune', kommuneId, q);
      return snapshot(async (tx) => {
        const [name, institutions] = await Promise.all([
          repo.kommuneName(tx, kommuneId),
          repo.scopeInstitutions(tx, { kommuneId }),
        ]);
        if (name === undefined) throw new AppError('kommune.not_found');
        const scope: Scope = { kind: 'kommune', id: kommuneId, name, institutions };
        return withSummary(tx, scope, q, q.by ?? 'institution', locale);
      });
    },
  };
}

type DataService = ReturnType<typeof createDataService>;
