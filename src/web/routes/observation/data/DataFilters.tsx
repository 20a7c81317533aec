import { useWords } from '../../../i18n/words';
import type { DataBreakdown } from '../../../../shared/observation';
import type { DataParams, ObservationData } from '../../../api/observation-lead';
import { SelectField } from '../../../components/Field';
import { gradeLabel, termLabel } from './format';

/** Filters and the breakdown; every change goes straight into the address (so it is kept and can be shared). */
export function DataFilters({
  params,
  set,
  data,
  kommune,
}: {
  params: DataParams;
  set: (key: keyof DataParams, value: string) => void;
  data: ObservationData | undefined;
  kommune: boolean;
}) {
  const { t } = useWords(null, data?.scope.words);
  const options = data?.options ?? { terms: [], subjects: [], grades: [] };
  const keep = <T,>(list: T[], value: T | undefined) =>
    value !== undefined && !list.includes(value) ? [value, ...list] : list;
  const all: DataBreakdown[] = kommune ? ['institution', 'term', 'subject', 'grade'] : ['term', 'subject', 'grade'];
  // Only the breakdowns that can show something here (and the one in use, so the choice reads right).
  const offered = data
    ? all.filter((b) => b === params.by || data.breakdowns.some((x) => x.by === b && x.available))
    : all;
  const leftOut = (data?.breakdowns ?? []).filter((b) => !b.available && b.groups > 1);
  return (
    <form
      className="obsl-filters"
      onSubmit={(e) => e.preventDefault()}
      aria-labelledby="obsl-filters-heading"
    >
      <h2 id="obsl-filters-heading" className="sr-only">
        {t('observationLead.data.filters')}
      </h2>
      <div className="form-row">
        <SelectField
          label={t('observationLead.data.byLabel')}
          value={params.by}
          onChange={(e) => set('by', e.target.value)}
        >
          {offered.map((b) => (
            <option key={b} value={b}>
              {t(`observationLead.data.by.${b}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('observationLead.data.term')}
          optional
          value={params.term ?? ''}
          onChange={(e) => set('term', e.target.value)}
        >
          <option value="">{t('observationLead.data.allTerms')}</option>
          {keep(options.terms, params.term || undefined).map((x) => (
            <option key={x} value={x}>
              {termLabel(x)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('observationLead.data.subject')}
          optional
          value={params.subject ?? ''}
          onChange={(e) => set('subject', e.target.value)}
        >
          <option value="">{t('observationLead.data.allSubjects')}</option>
          {keep(options.subjects, params.subject || undefined).map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('observationLead.data.grade')}
          optional
          value={params.grade ?? ''}
          onChange={(e) => set('grade', e.target.value)}
        >
          <option value="">{t('observationLead.data.allGrades')}</option>
          {keep(options.grades.map(String), params.grade || undefined).map((x) => (
            <option key={x} value={x}>
              {gradeLabel(Number(x))}
            </option>
          ))}
        </SelectField>
      </div>
      {leftOut.map((b) => (
        <p key={b.by} className="hint obsl-left-out">
          {t('observationLead.data.leftOut', {
            by: t(`observationLead.data.by.${b.by}`).toLocaleLowerCase(),
            shown: b.shown,
            groups: b.groups,
          })}
        </p>
      ))}
    </form>
  );
}
