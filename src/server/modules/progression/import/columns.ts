import type { ImportColumn } from '../../../../shared/contracts/progression.js';
import type { ProgressionStatus } from '../../../../shared/progression.js';
import { normalizeHeader } from '../../../csv/index.js';

/**
 * What the columns of a test-result export mean (pure): header names → columns, status words → statuses, and
 * score bands → a status.
 */

export type ColumnMap = Record<ImportColumn, number | null>;
export type Band = { status: ProgressionStatus; min: number | null; max: number | null };

/** Header names per column, as normalizeHeader leaves them (lower case, one space). */
const HEADER_NAMES: Record<ImportColumn, readonly string[]> = {
  code: [
    'kode',
    'elevkode',
    'barnekode',
    'børnekode',
    'kode på elev',
    'elev-kode',
    'elev-id',
    'elevid',
    'id',
    'nr',
    'nr.',
    'initialer',
    'code',
    'child code',
    'pupil code',
    'student code',
    'student id',
    'pupil id',
  ],
  name: ['navn', 'fulde navn', 'fuldt navn', 'elevnavn', 'elevens navn', 'barnets navn', 'name', 'full name'],
  group: ['klasse', 'gruppe', 'stue', 'hold', 'class', 'group'],
  score: [
    'score',
    'point',
    'pt',
    'pt.',
    'points',
    'resultat',
    'testscore',
    'testresultat',
    'råscore',
    'antal rigtige',
    'procent',
    'pct',
    'pct.',
    'result',
    'raw score',
  ],
  status: ['status', 'farve', 'vurdering', 'niveau', 'colour', 'color', 'level', 'rating'],
  note: [
    'note',
    'noter',
    'notat',
    'bemærkning',
    'bemærkninger',
    'kommentar',
    'kommentarer',
    'comment',
    'comments',
    'notes',
  ],
  date: ['dato', 'testdato', 'test dato', 'dato for test', 'date', 'test date'],
};

const COLUMN_ORDER = Object.keys(HEADER_NAMES) as ImportColumn[];

function columnOf(header: string): ImportColumn | null {
  const h = normalizeHeader(header);
  const plain = h.replace(/\s*\(.*\)\s*$/, '').trim(); // "Score (0-40)" → "score"
  for (const name of [h, plain]) {
    const col = COLUMN_ORDER.find((c) => HEADER_NAMES[c].includes(name));
    if (col) return col;
  }
  return null;
}

/** The columns guessed from the header: the first header cell that names each column. */
export function guessColumns(header: string[]): ColumnMap {
  const map: ColumnMap = {
    code: null,
    name: null,
    group: null,
    score: null,
    status: null,
    note: null,
    date: null,
  };
  header.forEach((cell, i) => {
    const col = columnOf(cell);
    if (col && map[col] === null) map[col] = i;
  });
  return map;
}

const STATUS_WORDS: Record<string, ProgressionStatus> = {
  grøn: 'groen',
  groen: 'groen',
  gron: 'groen',
  grønt: 'groen',
  g: 'groen',
  green: 'groen',
  gul: 'gul',
  gult: 'gul',
  y: 'gul',
  yellow: 'gul',
  rød: 'roed',
  roed: 'roed',
  rod: 'roed',
  rødt: 'roed',
  r: 'roed',
  red: 'roed',
};

/** grøn/gul/rød, G/Y/R or green/yellow/red, any case → the status; anything else → null. */
export function parseStatus(cell: string): ProgressionStatus | null {
  return STATUS_WORDS[cell.trim().toLowerCase()] ?? null;
}

const lower = (b: Band) => b.min ?? Number.NEGATIVE_INFINITY;
const upper = (b: Band) => b.max ?? Number.POSITIVE_INFINITY;

/** Two bands that share a score (the file would be read two ways). */
export function overlappingBands(bands: readonly Band[]): [Band, Band] | null {
  for (let i = 0; i < bands.length; i++)
    for (let j = i + 1; j < bands.length; j++) {
      const [a, b] = [bands[i], bands[j]];
      if (lower(a) <= upper(b) && lower(b) <= upper(a)) return [a, b];
    }
  return null;
}

/** The status of the band holding the score (both ends included), or null when no band holds it. */
export function statusOfScore(bands: readonly Band[], score: number): ProgressionStatus | null {
  return bands.find((b) => score >= lower(b) && score <= upper(b))?.status ?? null;
}
