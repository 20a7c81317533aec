import type { IndicatorType, Scale } from '../../../../shared/observation';
import type { DataCell } from '../../../api/observation-lead';
import { currentLocale, i18n } from '../../../i18n';

/** Formatting for the leader's observation pages: terms, grades, dates and data values. Pure apart from i18n. */

const locale = () => (currentLocale() === 'da' ? 'da-DK' : 'en-GB');

/** "Forår 2027" / "Efterår 2026" for `2027-1` / `2026-2`. */
export function termLabel(term: string): string {
  const [y, h] = term.split('-');
  return i18n.t(h === '1' ? 'observationLead.term.spring' : 'observationLead.term.autumn', { year: y });
}

/** The term before or after `term`. */
export function shiftTerm(term: string, delta: number): string {
  const [y, h] = term.split('-').map(Number);
  const index = y * 2 + (h - 1) + delta;
  return `${Math.floor(index / 2)}-${(index % 2) + 1}`;
}

/** "3. klasse", "Børnehaveklasse", "Ikke relevant". */
export function gradeLabel(grade: number | null): string {
  if (grade === null) return i18n.t('observationLead.grade.none');
  if (grade === 0) return i18n.t('observationLead.grade.zero');
  return i18n.t('observationLead.grade.n', { n: grade });
}

/** A calendar date (yyyy-mm-dd or an instant) as "12. mar. 2027". */
export function formatDate(value: string): string {
  const d = value.length === 10 ? new Date(`${value}T12:00:00`) : new Date(value);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(d);
}

const number = (v: number, digits: number) =>
  new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v);

/**
 * A cell's value as text: scale → mean (one decimal), yes/no → share answering yes in %, count → mean, text →
 * the number of answers. Suppressed cells say so (never 0); cells without answers say "–".
 */
export function cellText(cell: DataCell, type: IndicatorType, minGroupSize: number): string {
  if (cell.suppressed) return i18n.t('observationLead.data.suppressed', { n: minGroupSize });
  if (type === 'text') return i18n.t('observationLead.data.answers', { count: cell.answers ?? 0 });
  if (cell.value === null) return i18n.t('observationLead.data.noAnswers');
  if (type === 'yesno') return `${number(cell.value * 100, 0)} %`;
  return number(cell.value, 1);
}

/** A chart label: the figure as the table shows it, without the unit for percentages. */
export const chartNumber = (type: IndicatorType) =>
  type === 'yesno' ? (v: number) => number(v, 0) : (v: number) => number(v, 1);

/** What the value means, for a table caption: "Gennemsnit på skalaen 1 (Ses ikke) – 7 (Tydeligt)". */
export function measureLabel(type: IndicatorType, scale: Scale | null): string {
  if (type === 'scale' && scale)
    return i18n.t('observationLead.data.measure.scale', {
      min: scale.minLabel ? `${scale.min} (${scale.minLabel})` : scale.min,
      max: scale.maxLabel ? `${scale.max} (${scale.maxLabel})` : scale.max,
    });
  return i18n.t(`observationLead.data.measure.${type}`);
}

/** A breakdown group's label in the interface language: terms and grades are named here, others as given. */
export function groupLabel(by: string, group: { key: string; label: string }): string {
  if (by === 'term' && /^\d{4}-[12]$/.test(group.key)) return termLabel(group.key);
  if (by === 'grade' && /^\d{1,2}$/.test(group.key)) return gradeLabel(Number(group.key));
  if (by === 'grade' && (group.key === 'none' || group.key === '')) return gradeLabel(null);
  return group.label;
}
