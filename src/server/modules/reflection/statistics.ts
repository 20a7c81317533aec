import { AGE_BANDS, type AgeBand } from '../../../shared/catalogue.js';
import type { Locale } from '../../../shared/constants.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { type Actor, authorize, policySql } from '../../policy/index.js';
import { statisticsScope, statisticsVideos } from '../../policy/sql-reflection.js';
import { coarsen } from '../../privacy/suppression.js';
import * as repo from './statistics-repo.js';
import {
  type Coarsenings,
  type Figure,
  MIN_GROUP_SIZE,
  presentRow,
  primarySuppressed,
  type StatRow,
  suppressBreakdown,
  tooFew,
  withheld,
} from './suppression.js';

const ZONE = 'Europe/Copenhagen';
const DAY = 86_400_000;
const MAX_DAYS = 3660;

/** Today's date in Denmark, YYYY-MM-DD. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());

/** The instant a Danish calendar day begins (midnight in Copenhagen; DST never switches at midnight). */
export function danishMidnight(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const utc = Date.UTC(y, m - 1, d);
  const name = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'shortOffset' })
    .formatToParts(new Date(utc))
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d+)?(?::(\d+))?/.exec(name ?? '');
  const hours = Number(match?.[1] ?? 0);
  const minutes = Math.sign(hours) * Number(match?.[2] ?? 0);
  return new Date(utc - (hours * 60 + minutes) * 60_000);
}

const AGE_BAND_LABELS: Record<Locale, Record<AgeBand | 'none', string>> = {
  da: {
    '0-2': '0–2 år',
    '3-5': '3–5 år',
    'kl0-3': '0.–3. klasse',
    'kl4-6': '4.–6. klasse',
    'kl7-10': '7.–10. klasse',
    klub: 'Klub og ungdom',
    none: 'Uden aldersgruppe',
  },
  en: {
    '0-2': '0–2 years',
    '3-5': '3–5 years',
    'kl0-3': 'Grades 0–3',
    'kl4-6': 'Grades 4–6',
    'kl7-10': 'Grades 7–10',
    klub: 'Club and youth',
    none: 'No age band',
  },
};
const NO_SUBJECT: Record<Locale, string> = { da: 'Uden fag', en: 'No subject' };

export type StatisticsQuery = { from?: string; to?: string; subject?: string; ageBand?: AgeBand };
export type GroupRow = StatRow & { key: string | null; label: string };
export type Statistics = {
  period: { from: string; to: string };
  scope: 'all' | 'kommune';
  minGroupSize: number;
  totals: StatRow;
  bySubject: GroupRow[];
  byAgeBand: GroupRow[];
  topTried: { id: string; title: string; tried: number; worked: number | null; workedShare: number | null }[];
  /** What the filters offer: every subject of the taxonomy and every age band, with labels. */
  subjects: { id: string; label: string }[];
  ageBands: { key: AgeBand; label: string }[];
};

/**
 * Statistics for editors, forvaltning and administrators (V6): views, completion, tried and worked — in
 * total, by subject and by age band, plus the most tried videos. Aggregated only: no row is about a person, and
 * a figure with fewer than MIN_GROUP_SIZE people behind it is hidden (see suppression.ts).
 */
export function createStatisticsService(ctx: AppContext) {
  const { db } = ctx;

  return {
    async get(actor: Actor, q: StatisticsQuery, locale: Locale): Promise<Statistics> {
      authorize(actor, 'catalogue.stats', { type: 'instance' });
      const to = q.to ?? today();
      const from = q.from ?? new Date(Date.parse(to) - 364 * DAY).toISOString().slice(0, 10);
      const start = danishMidnight(from);
      const end = danishMidnight(new Date(Date.parse(to) + DAY).toISOString().slice(0, 10));
      const span = end.getTime() - start.getTime();
      if (!(span > 0 && span <= MAX_DAYS * DAY)) throw new AppError('statistics.period_invalid');

      const filter: repo.StatisticsFilter = {
        scope: statisticsVideos(actor),
        from: start,
        to: end,
        subjectId: q.subject,
        ageBand: q.ageBand,
      };
      const [groups, top, terms, behind] = await Promise.all([
        repo.aggregate(db, filter),
        repo.topTried(db, filter, policySql.visibleVideos(actor), MIN_GROUP_SIZE),
        repo.subjects(db),
        repo.people(db, { ...filter, subjectId: undefined, ageBand: undefined }),
      ]);
      // One coarsening per figure for the scope and period, whatever the filters (ADR 0009).
      const atoms = (pick: (r: (typeof behind)[number]) => string[]) =>
        behind.map((r) => ({ values: [r.subject, r.ageBand], people: pick(r) }));
      const coarsenings: Coarsenings = {
        views: coarsen(
          atoms((r) => r.viewers),
          2,
          MIN_GROUP_SIZE,
        ),
        tried: coarsen(
          atoms((r) => r.triers),
          2,
          MIN_GROUP_SIZE,
        ),
        worked: coarsen(
          atoms((r) => r.workers),
          2,
          MIN_GROUP_SIZE,
        ),
      };
      const fixed: [number, string][] = [];
      if (q.subject) fixed.push([0, q.subject]);
      if (q.ageBand) fixed.push([1, q.ageBand]);
      const empty: repo.RawFigures = {
        videos: 0,
        views: 0,
        viewers: 0,
        completed: 0,
        tried: 0,
        triers: 0,
        worked: 0,
        workers: 0,
      };
      const totalRaw = groups.find((g) => g.grouping === 'total') ?? empty;
      const totalHidden = new Set([...primarySuppressed(totalRaw), ...withheld(coarsenings, fixed)]);

      const breakdown = (
        rows: repo.RawGroup[],
        label: (r: repo.RawGroup) => string,
        key: (r: repo.RawGroup) => string | null,
        dim: number,
      ) => {
        const coarsened = rows.map((r) =>
          withheld(coarsenings, [...fixed.filter(([d]) => d !== dim), [dim, key(r) ?? '']]),
        );
        const hidden = suppressBreakdown(rows, totalHidden, coarsened);
        return rows.map((r, i) => ({ key: key(r), label: label(r), ...presentRow(r, hidden[i]) }));
      };
      const subjects = groups
        .filter((g) => g.grouping === 'subject')
        .sort((a, b) =>
          a.subjectLabel === null
            ? 1
            : b.subjectLabel === null
              ? -1
              : a.subjectLabel.localeCompare(b.subjectLabel, 'da'),
        );
      const bands = groups
        .filter((g) => g.grouping === 'ageBand')
        .sort(
          (a, b) =>
            (a.ageBand ? AGE_BANDS.indexOf(a.ageBand) : AGE_BANDS.length) -
            (b.ageBand ? AGE_BANDS.indexOf(b.ageBand) : AGE_BANDS.length),
        );
      const scope = statisticsScope(actor);
      return {
        period: { from, to },
        scope: scope === 'all' ? 'all' : 'kommune',
        minGroupSize: MIN_GROUP_SIZE,
        totals: presentRow(totalRaw, totalHidden),
        bySubject: breakdown(
          subjects,
          (r) => r.subjectLabel ?? NO_SUBJECT[locale],
          (r) => r.subjectId,
          0,
        ),
        byAgeBand: breakdown(
          bands,
          (r) => AGE_BAND_LABELS[locale][r.ageBand ?? 'none'],
          (r) => r.ageBand,
          1,
        ),
        topTried: top.map((v) => {
          const worked = tooFew(v.worked) ? null : v.worked;
          return { ...v, worked, workedShare: worked === null ? null : worked / v.tried };
        }),
        subjects: terms.sort((a, b) => a.label.localeCompare(b.label, 'da')),
        ageBands: AGE_BANDS.map((key) => ({ key, label: AGE_BAND_LABELS[locale][key] })),
      };
    },
  };
}

export type StatisticsService = ReturnType<typeof createStatisticsService>;

// ── CSV: the same table, for a spreadsheet (semicolons and a BOM, as Danish Excel expects). ──

const CSV_TEXT: Record<Locale, Record<string, string>> = {
  da: {
    group: 'Gruppe',
    value: 'Værdi',
    videos: 'Videoer',
    views: 'Visninger',
    completionRate: 'Set til ende (%)',
    tried: 'Afprøvet',
    worked: 'Virkede',
    workedShare: 'Virkede (% af afprøvet)',
    total: 'I alt',
    subject: 'Fag',
    ageBand: 'Aldersgruppe',
    top: 'Mest afprøvet',
    fewer: `færre end ${MIN_GROUP_SIZE}`,
  },
  en: {
    group: 'Group',
    value: 'Value',
    videos: 'Videos',
    views: 'Views',
    completionRate: 'Watched to the end (%)',
    tried: 'Tried',
    worked: 'Worked',
    workedShare: 'Worked (% of tried)',
    total: 'Total',
    subject: 'Subject',
    ageBand: 'Age band',
    top: 'Most tried',
    fewer: `fewer than ${MIN_GROUP_SIZE}`,
  },
};

/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet (titles are user text). */
export function csvField(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function statisticsCsv(s: Statistics, locale: Locale): string {
  const t = CSV_TEXT[locale];
  const count = (n: number | null, hidden: boolean) => (hidden ? t.fewer : String(n ?? 0));
  const pct = (r: number | null) => (r === null ? '' : String(Math.round(r * 100)));
  const row = (group: string, value: string, r: StatRow) => {
    const hidden = (f: Figure) => r.suppressed.includes(f);
    return [
      group,
      value,
      String(r.videos),
      count(r.views, hidden('views')),
      pct(r.completionRate),
      count(r.tried, hidden('tried')),
      count(r.worked, hidden('worked')),
      pct(r.workedShare),
    ];
  };
  const lines = [
    [t.group, t.value, t.videos, t.views, t.completionRate, t.tried, t.worked, t.workedShare],
    row(t.total, `${s.period.from} – ${s.period.to}`, s.totals),
    ...s.bySubject.map((r) => row(t.subject, r.label, r)),
    ...s.byAgeBand.map((r) => row(t.ageBand, r.label, r)),
    ...s.topTried.map((v) => [
      t.top,
      v.title,
      '',
      '',
      '',
      String(v.tried),
      v.worked === null ? t.fewer : String(v.worked),
      pct(v.workedShare),
    ]),
  ];
  return `\uFEFF${lines.map((l) => l.map(csvField).join(';')).join('\r\n')}\r\n`;
}
