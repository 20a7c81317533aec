import type { DataCell, ObservationData } from '../types.js';

/**
 * The short summary at the top of the data page (issue 15): the strongest and weakest indicators, the change
 * since the term before, and how many visits stand behind it. Built only from figures the answers themselves
 * show — the suppressed answer of the selection and the suppressed answer broken down by term — so it obeys the
 * same suppression (ADR 0009) and tells nothing those two answers do not. Pure.
 */

type Figures = Omit<ObservationData, 'summary'>;
type Indicator = Figures['areas'][number]['indicators'][number];
type Area = Figures['areas'][number];

/** How many indicators each list names. */
export const SUMMARY_SIZE = 3;
/** A change smaller than this share of the scale (or of 100 % for yes/no) is not a change worth naming. */
export const CHANGE_MIN = 0.05;

/** Where a value lies between the ends of its scale (0–1); yes/no: the share itself; null for count and text. */
export function position(ind: Pick<Indicator, 'type' | 'scale'>, value: number): number | null {
  if (ind.type === 'yesno') return value;
  if (ind.type === 'scale' && ind.scale && ind.scale.max > ind.scale.min)
    return (value - ind.scale.min) / (ind.scale.max - ind.scale.min);
  return null;
}

const shown = (c: DataCell | undefined): c is DataCell & { value: number } =>
  !!c && !c.suppressed && c.value !== null;

const ref = (a: Area, i: Indicator, value: number, pos: number) => ({
  areaKey: a.key,
  areaTitle: a.title,
  key: i.key,
  text: i.text,
  type: i.type,
  scale: i.scale,
  value,
  position: pos,
});
type Ref = ReturnType<typeof ref>;

export type Summary = {
  visits: number | null;
  teachers: number | null;
  strongest: Ref[];
  weakest: Ref[];
  /** The last two terms that can be shown apart (by key, e.g. 2026-2), or null. */
  terms: { latest: string; previous: string } | null;
  changes: (Ref & { previous: number; change: number })[];
  /** Indicators (scale or yes/no) whose figure for the selection is withheld. */
  withheld: number;
};

export function summarize(data: Figures, byTerm: Figures | null): Summary {
  const rated = data.areas.flatMap((a) =>
    a.indicators.flatMap((i) => {
      if (!shown(i.total)) return [];
      const pos = position(i, i.total.value);
      return pos === null ? [] : [ref(a, i, i.total.value, pos)];
    }),
  );
  const withheld = data.areas
    .flatMap((a) => a.indicators)
    .filter((i) => (i.type === 'scale' || i.type === 'yesno') && i.total.suppressed).length;
  const byPosition = [...rated].sort((x, y) => y.position - x.position || x.text.localeCompare(y.text, 'da'));
  // With few indicators the two lists split them between them; one never names an indicator twice.
  const half = Math.min(SUMMARY_SIZE, Math.floor(byPosition.length / 2));
  const strongest = byPosition.slice(0, Math.max(half, Math.min(SUMMARY_SIZE, byPosition.length - half)));
  const weakest = byPosition
    .slice(strongest.length)
    .reverse()
    .slice(0, SUMMARY_SIZE);

  let terms: Summary['terms'] = null;
  const changes: Summary['changes'] = [];
  if (byTerm && byTerm.by === 'term') {
    // Terms come in order; the last two whose totals show.
    const open = byTerm.groups.map((g, i) => ({ g, i })).filter(({ g }) => !g.total.suppressed);
    const [prev, last] = open.slice(-2);
    if (prev && last) {
      terms = { latest: last.g.key, previous: prev.g.key };
      for (const a of byTerm.areas)
        for (const i of a.indicators) {
          const before = i.cells[prev.i];
          const now = i.cells[last.i];
          if (!shown(before) || !shown(now)) continue;
          const p0 = position(i, before.value);
          const p1 = position(i, now.value);
          if (p0 === null || p1 === null || Math.abs(p1 - p0) < CHANGE_MIN) continue;
          changes.push({ ...ref(a, i, now.value, p1), previous: before.value, change: now.value - before.value });
        }
      changes.sort(
        (x, y) =>
          Math.abs(y.position - (position(y, y.previous) ?? 0)) -
            Math.abs(x.position - (position(x, x.previous) ?? 0)) || x.text.localeCompare(y.text, 'da'),
      );
      changes.splice(SUMMARY_SIZE * 2);
    }
  }
  return {
    visits: data.total.suppressed ? null : data.total.visits,
    teachers: data.total.suppressed ? null : data.total.teachers,
    strongest,
    weakest,
    terms,
    changes,
    withheld,
  };
}
