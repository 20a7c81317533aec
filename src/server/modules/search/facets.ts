import { AGE_BANDS, PILLARS } from '../../../shared/catalogue.js';
import type { Locale } from '../../../shared/constants.js';
import type { DbOrTx } from '../../db/index.js';
import type { Facet } from './answers.js';
import { AGE_BAND_LABELS, PILLAR_LABELS } from './labels.js';
import { termLabels } from './repo.js';

type FacetName = 'subject' | 'ageBand' | 'method' | 'pillar';
/** A facet count as the searches' one statement gives it (videos and practice stories alike). */
type FacetCount = { facet: FacetName | 'total'; value: string | null; count: number; label: string | null };

/**
 * Facet lists in a stable order: subjects and methods by count, age bands and pillars in their own order;
 * values chosen in the request stay listed (count 0) even without matches. Shared by video and story search.
 */
export async function presentFacets(
  db: DbOrTx,
  rows: FacetCount[],
  filters: Record<FacetName, readonly string[]>,
  locale: Locale,
): Promise<Record<FacetName, Facet[]>> {
  const by = (name: FacetName) => rows.filter((r) => r.facet === name && r.value !== null);
  const terms = (name: 'subject' | 'method') =>
    by(name)
      .map((r) => ({ value: r.value as string, label: r.label ?? '', count: r.count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'da'));
  const fixed = <T extends string>(name: FacetName, order: readonly T[], labels: Record<T, string>) => {
    const counts = new Map(by(name).map((r) => [r.value as string, r.count]));
    const chosen = new Set<string>(filters[name]);
    return order
      .filter((v) => counts.has(v) || chosen.has(v))
      .map((v) => ({ value: v, label: labels[v], count: counts.get(v) ?? 0 }));
  };
  const subject: Facet[] = terms('subject');
  const method: Facet[] = terms('method');
  const missing = [
    ...filters.subject.filter((id) => !subject.some((f) => f.value === id)),
    ...filters.method.filter((id) => !method.some((f) => f.value === id)),
  ];
  if (missing.length) {
    const labels = await termLabels(db, missing);
    for (const id of filters.subject)
      if (!subject.some((f) => f.value === id) && labels.has(id))
        subject.push({ value: id, label: labels.get(id) as string, count: 0 });
    for (const id of filters.method)
      if (!method.some((f) => f.value === id) && labels.has(id))
        method.push({ value: id, label: labels.get(id) as string, count: 0 });
  }
  return {
    subject,
    ageBand: fixed('ageBand', AGE_BANDS, AGE_BAND_LABELS[locale]),
    method,
    pillar: fixed('pillar', PILLARS, PILLAR_LABELS[locale]),
  };
}
