import type { ImportColumn } from '../../../../shared/contracts/progression.js';
import { PROGRESSION_LIMITS as L, type ProgressionStatus } from '../../../../shared/progression.js';
import { type CsvRecord, isFormulaLike, parseDay, parseDecimal } from '../../../csv/index.js';
import { type Band, type ColumnMap, parseStatus, statusOfScore } from './columns.js';
import type { RowErrorCode, Speaker } from './messages.js';

/**
 * Plans an import (pure): every row of the file → the cell it writes (new, changed, unchanged) or its errors.
 * The service loads what the rows refer to (children by code, the groups, the cells now) and writes the plan.
 */

export type CellValue = { status: ProgressionStatus; score: number | null; note: string };
export type ExistingCell = CellValue & {
  version: number;
  groupId: string;
  updatedAt: Date;
  updatedBy: string | null;
};
export type PlanGroup = { id: string; name: string; children: number };
export type KnownChild = { id: string; code: string; currentGroupId: string | null };

export type PlanInput = {
  rows: CsvRecord[];
  columns: ColumnMap;
  bands: readonly Band[];
  period: { name: string; startsOn: string; endsOn: string };
  /** The group the import was started from: rows without a group column go there. */
  group: PlanGroup;
  /** Groups of the institution and school year the actor may write, by lower-case name. */
  groupsByName: Map<string, PlanGroup>;
  /** Children of the institution, by lower-case code. */
  childrenByCode: Map<string, KnownChild>;
  /** The cells of the area and period now, by child id. */
  cells: Map<string, ExistingCell>;
  createMissing: boolean;
  say: Speaker;
};

export type RowError = { column: ImportColumn | 'row'; code: RowErrorCode; message: string };

export type PlannedRow = {
  line: number;
  code: string;
  group: PlanGroup | null;
  /** The child (null: created by this import, or unknown). */
  childId: string | null;
  createsChild: boolean;
  /** The name from the file, for a child this import creates. */
  name: string;
  before: ExistingCell | null;
  after: CellValue | null;
  outcome: 'new' | 'changed' | 'unchanged' | 'error';
  errors: RowError[];
};

const round2 = (n: number) => Math.round(n * 100) / 100;
const sameCell = (a: CellValue, b: CellValue) =>
  a.status === b.status && a.score === b.score && a.note === b.note;
/** 2026-09-14 → 14-09-2026, as a Danish reader writes a day. */
const danishDay = (d: string) => d.split('-').reverse().join('-');

export function planImport(input: PlanInput): PlannedRow[] {
  const { columns: cols, say } = input;
  const seen = new Map<string, number>();
  const created = new Map<string, number>();
  const out: PlannedRow[] = [];
  for (const { line, cells } of input.rows) {
    const errors: RowError[] = [];
    const err = (column: RowError['column'], code: RowErrorCode, params: Parameters<Speaker>[1] = {}) =>
      errors.push({ column, code, message: say(code, params) });
    /** A mapped cell's text; a formula-looking one is an error and reads as ''. */
    const cell = (col: ImportColumn): string => {
      const i = cols[col];
      const v = i === null ? '' : (cells[i] ?? '').trim();
      if (v && isFormulaLike(cells[i as number] ?? '')) {
        err(col, 'import.formula', { value: v });
        return '';
      }
      return v;
    };

    const code = cell('code');
    const groupName = cell('group');
    const statusText = cell('status');
    const scoreText = cell('score');
    const note = cell('note');
    const dateText = cell('date');
    const name = cell('name');

    let group: PlanGroup | null = input.group;
    if (groupName) {
      group = input.groupsByName.get(groupName.toLowerCase()) ?? null;
      if (!group) err('group', 'import.group_unknown', { value: groupName });
    }

    let child: KnownChild | null = null;
    let createsChild = false;
    const key = code.toLowerCase();
    if (!code) {
      if (!errors.some((e) => e.column === 'code')) err('code', 'import.code_required');
    } else if (code.length > L.code) err('code', 'import.code_too_long', { max: L.code });
    else if (seen.has(key)) err('code', 'import.duplicate', { line: seen.get(key) });
    else {
      seen.set(key, line);
      child = input.childrenByCode.get(key) ?? null;
      if (child && group && child.currentGroupId !== group.id)
        err('code', 'import.code_elsewhere', { value: code, group: group.name });
      else if (!child && group) {
        if (!input.createMissing) err('code', 'import.code_unknown', { value: code, group: group.name });
        else {
          const count = group.children + (created.get(group.id) ?? 0);
          if (count >= L.childrenPerGroup)
            err('code', 'import.group_full', { group: group.name, max: L.childrenPerGroup });
          else {
            createsChild = true;
            created.set(group.id, (created.get(group.id) ?? 0) + 1);
          }
        }
      }
    }
    if (name.length > L.fullName) err('name', 'import.name_too_long', { max: L.fullName });

    let status: ProgressionStatus | null = null;
    if (statusText) {
      status = parseStatus(statusText);
      if (!status) err('status', 'import.status_invalid', { value: statusText });
    }
    let score: number | null = null;
    if (scoreText) {
      const n = parseDecimal(scoreText);
      if (n === null) err('score', 'import.score_invalid', { value: scoreText });
      else if (n < L.score.min || n > L.score.max)
        err('score', 'import.score_range', { value: scoreText, max: L.score.max });
      else score = round2(n);
    }
    if (!statusText && score === null && !errors.some((e) => e.column === 'score' || e.column === 'status'))
      err('row', 'import.no_value');
    else if (!statusText && score !== null) {
      if (!input.bands.length) err('score', 'import.no_bands');
      else {
        status = statusOfScore(input.bands, score);
        if (!status) err('score', 'import.score_outside_bands', { value: scoreText });
      }
    }
    if (note.length > L.note) err('note', 'import.note_too_long', { max: L.note });
    if (dateText) {
      const day = parseDay(dateText);
      const { period } = input;
      if (!day) err('date', 'import.date_invalid', { value: dateText });
      else if (day < period.startsOn || day > period.endsOn)
        err('date', 'import.date_outside', {
          value: danishDay(day),
          period: `${period.name} (${danishDay(period.startsOn)} – ${danishDay(period.endsOn)})`,
        });
    }

    const before = child ? (input.cells.get(child.id) ?? null) : null;
    let after: CellValue | null = null;
    if (status)
      after = {
        status,
        // A column the file does not have keeps what the cell holds.
        score: cols.score === null ? (before?.score ?? null) : score,
        note: cols.note === null ? (before?.note ?? '') : note,
      };
    const outcome = errors.length
      ? 'error'
      : !before
        ? 'new'
        : after && sameCell(before, after)
          ? 'unchanged'
          : 'changed';
    out.push({
      line,
      code,
      group,
      childId: child?.id ?? null,
      createsChild,
      name: createsChild ? name : '',
      before,
      after: errors.length ? null : after,
      outcome,
      errors,
    });
  }
  return out;
}
