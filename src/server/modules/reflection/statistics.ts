import { AGE_BANDS, type AgeBand } from '../../../shared/catalogue.js';
import type { Locale } from '../../../shared/constants.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { type Actor, authorize, institutionIdsWithRole, policySql } from '../../policy/index.js';
import { statisticsScope, statisticsVideos } from '../../policy/sql-reflection.js';
import { coarsen, shows } from '../../privacy/suppression.js';
import { wholeMonths } from './statistics-period.js';
import * as repo from './statistics-repo.js';
import {
  type Coarsenings,
  type Figure,
  MIN_GROUP_SIZE,
  presentRow,
  primarySuppressed,
  type StatRow,
  suppressBreakdown,
  withheld,
} from './suppression.js';

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

export type StatisticsQuery = {
  from?: string;
  to?: string;
  subject?: string;
  ageBand?: AgeBand;
  institution?: string;
};
export type GroupRow = StatRow & { key: string | null; label: string };
export type Statistics = {
  /** The period used: whole months in Danish time, from the first day of the first to the last day of the last. */
  period: { from: string; to: string };
  scope: 'all' | 'kommune' | 'institution';
  /** The institutions the figures are about, when the scope is 'institution'. */
  institutions: { id: string; name: string }[];
  minGroupSize: number;
  totals: StatRow;
  bySubject: GroupRow[];
  byAgeBand: GroupRow[];
  topTried: { id: string; title: string; tried: number; worked: number | null; workedShare: number | null }[];
  /** What the filters offer: every subject of the taxonomy and every age band, with labels. */
  subjects: { id: string; label: string }[];
  ageBands: { key: AgeBand; label: string }[];
};

const EMPTY: repo.RawFigures = {
  videos: 0,
  views: 0,
  viewers: 0,
  completed: 0,
  tried: 0,
  triers: 0,
  worked: 0,
  workers: 0,
};
type Person = Awaited<ReturnType<typeof repo.people>>[number];

/**
 * One coarsening per figure for one month of the scope, from that month's people alone (ADR 0009). Views by
 * subject and age band; tried and worked also by video (the most-tried list shows figures per video), so that
 * every figure of the page — totals, rows and videos — is a sum over the same classes.
 */
function coarseningsOf(behind: Person[]): Coarsenings {
  const atoms = (pick: (r: Person) => string[], video: boolean) =>
    behind.map((r) => ({
      values: video ? [r.subject, r.ageBand, r.video] : [r.subject, r.ageBand],
      people: pick(r),
    }));
  return {
    views: coarsen(
      atoms((r) => r.viewers, false),
      2,
      MIN_GROUP_SIZE,
    ),
    tried: coarsen(
      atoms((r) => r.triers, true),
      3,
      MIN_GROUP_SIZE,
    ),
    worked: coarsen(
      atoms((r) => r.workers, true),
      3,
      MIN_GROUP_SIZE,
    ),
  };
}

/** How many videos the most-tried list shows. */
const TOP = 10;

const subjectKey = (r: repo.RawGroup) => r.subjectId;
const bandKey = (r: repo.RawGroup) => r.ageBand;
/** A breakdown: its rows' grouping, their key, and the coarsening's dimension (0 subject, 1 age band). */
const BREAKDOWNS = [
  { grouping: 'subject', key: subjectKey, dim: 0 },
  { grouping: 'ageBand', key: bandKey, dim: 1 },
] as const;

/**
 * What one month hides: the figures of its total and of each breakdown row (by key, '' for none) that the month's
 * coarsening withholds or that too few people stand behind, with secondary suppression on each line.
 */
function monthHidden(rows: repo.RawGroup[], c: Coarsenings, fixed: [number, string][]) {
  const total = rows.find((g) => g.grouping === 'total') ?? EMPTY;
  const totalHidden = new Set([...primarySuppressed(total), ...withheld(c, fixed)]);
  const byKey = BREAKDOWNS.map(({ grouping, key, dim }) => {
    const line = rows.filter((g) => g.grouping === grouping);
    const coarsened = line.map((r) =>
      withheld(c, [...fixed.filter(([d]) => d !== dim), [dim, key(r) ?? '']]),
    );
    const hidden = suppressBreakdown(line, totalHidden, coarsened);
    return new Map(line.map((r, i) => [key(r) ?? '', hidden[i]]));
  });
  return { totalHidden, byKey };
}

/**
 * Statistics for editors, forvaltning, leders and administrators (V6): views, completion, tried and worked — in
 * total, by subject and by age band, plus the most tried videos. Aggregated only: no row is about a person.
 *
 * The period is whole Danish months (statistics-period.ts), and every month is a population of its own: its
 * subjects and age bands are coarsened from that month's data (ADR 0009), so a figure of a month is a sum over
 * classes of at least MIN_GROUP_SIZE people or hidden. A figure for the period is the sum over its months and is
 * shown only when every month shows it; so any two answers differ by whole months' classes, never by a day.
 */
export function createStatisticsService(ctx: AppContext) {
  const { db } = ctx;

  return {
    async get(actor: Actor, q: StatisticsQuery, locale: Locale): Promise<Statistics> {
      // One institution: its leders, forvaltning of its kommune, administrators (a forged id is not found).
      if (q.institution) {
        const [inst] = await repo.institutionsByIds(db, [q.institution]);
        if (!inst) throw new AppError('institution.not_found');
        authorize(actor, 'institution.stats', {
          type: 'institution',
          id: inst.id,
          kommuneId: inst.kommuneId,
        });
      } else authorize(actor, 'catalogue.stats', { type: 'instance' });
      const scope = statisticsScope(actor, q.institution);
      const period = wholeMonths(q);
      const filter: repo.StatisticsFilter = {
        scope: statisticsVideos(actor, q.institution),
        from: period.start,
        to: period.end,
        subjectId: q.subject,
        ageBand: q.ageBand,
      };
      const [groups, top, terms, behind] = await Promise.all([
        repo.aggregate(db, filter),
        repo.topTried(db, filter, policySql.visibleVideos(actor), MIN_GROUP_SIZE),
        repo.subjects(db),
        repo.people(db, { ...filter, subjectId: undefined, ageBand: undefined }),
      ]);
      const fixed: [number, string][] = [];
      if (q.subject) fixed.push([0, q.subject]);
      if (q.ageBand) fixed.push([1, q.ageBand]);

      // Each month with data decides on its own; the period hides whatever any month hides.
      const months = new Set([
        ...behind.map((r) => r.month),
        ...groups.flatMap((g) => (g.month ? [g.month] : [])),
      ]);
      const whole = groups.filter((g) => g.month === null);
      const totalRaw = whole.find((g) => g.grouping === 'total') ?? EMPTY;
      const totalHidden = primarySuppressed(totalRaw);
      const rowHidden = BREAKDOWNS.map(() => new Map<string, Set<Figure>>());
      const topShown = new Map(top.map((v) => [v.id, { tried: true, worked: true }]));
      for (const month of months) {
        const c = coarseningsOf(behind.filter((r) => r.month === month));
        for (const [id, shown] of topShown) {
          shown.tried &&= shows(c.tried, [[2, id]]);
          shown.worked &&= shows(c.worked, [[2, id]]);
        }
        const m = monthHidden(
          groups.filter((g) => g.month === month),
          c,
          fixed,
        );
        for (const f of m.totalHidden) totalHidden.add(f);
        m.byKey.forEach((byKey, b) => {
          for (const [key, hidden] of byKey) {
            const set = rowHidden[b].get(key) ?? new Set<Figure>();
            for (const f of hidden) set.add(f);
            rowHidden[b].set(key, set);
          }
        });
      }

      const breakdown = (b: 0 | 1, rows: repo.RawGroup[], label: (r: repo.RawGroup) => string) => {
        const { key } = BREAKDOWNS[b];
        const monthly = rows.map((r) => rowHidden[b].get(key(r) ?? '') ?? new Set<Figure>());
        const hidden = suppressBreakdown(rows, totalHidden, monthly);
        return rows.map((r, i) => ({ key: key(r), label: label(r), ...presentRow(r, hidden[i]) }));
      };
      const subjects = whole
        .filter((g) => g.grouping === 'subject')
        .sort((a, b) =>
          a.subjectLabel === null
            ? 1
            : b.subjectLabel === null
              ? -1
              : a.subjectLabel.localeCompare(b.subjectLabel, 'da'),
        );
      const bands = whole
        .filter((g) => g.grouping === 'ageBand')
        .sort(
          (a, b) =>
            (a.ageBand ? AGE_BANDS.indexOf(a.ageBand) : AGE_BANDS.length) -
            (b.ageBand ? AGE_BANDS.indexOf(b.ageBand) : AGE_BANDS.length),
        );
      const named =
        scope === 'institution'
          ? await repo.institutionsByIds(
              db,
              q.institution ? [q.institution] : institutionIdsWithRole(actor, 'leder'),
            )
          : [];
      return {
        period: { from: period.from, to: period.to },
        scope: scope === 'all' ? 'all' : scope === 'institution' ? 'institution' : 'kommune',
        institutions: named.map(({ id, name }) => ({ id, name })),
        minGroupSize: MIN_GROUP_SIZE,
        totals: presentRow(totalRaw, totalHidden),
        bySubject: breakdown(0, subjects, (r) => r.subjectLabel ?? NO_SUBJECT[locale]),
        byAgeBand: breakdown(1, bands, (r) => AGE_BAND_LABELS[locale][r.ageBand ?? 'none']),
        topTried: top
          .filter((v) => topShown.get(v.id)?.tried)
          .slice(0, TOP)
          .map((v) => {
            const worked = topShown.get(v.id)?.worked ? v.worked : null;
            return { ...v, worked, workedShare: worked === null ? null : worked / v.tried };
          }),
        subjects: terms.sort((a, b) => a.label.localeCompare(b.label, 'da')),
        ageBands: AGE_BANDS.map((key) => ({ key, label: AGE_BAND_LABELS[locale][key] })),
      };
    },
  };
}

export type StatisticsService = ReturnType<typeof createStatisticsService>;
