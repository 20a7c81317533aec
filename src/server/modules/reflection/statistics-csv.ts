import type { Locale } from '../../../shared/constants.js';
import { csvDocument } from '../../csv/write.js';
import type { Statistics } from './statistics.js';
import { type Figure, MIN_GROUP_SIZE, type StatRow } from './suppression.js';

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
    // The catalogue mixes schools' subjects and dagtilbud's læreplanstemaer (vocabulary.ts).
    subject: 'Fag / læreplanstema',
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
    subject: 'Subject / curriculum theme',
    ageBand: 'Age band',
    top: 'Most tried',
    fewer: `fewer than ${MIN_GROUP_SIZE}`,
  },
};

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
  return csvDocument(lines);
}
