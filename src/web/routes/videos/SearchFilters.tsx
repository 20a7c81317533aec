import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pillar } from '../../../shared/catalogue';
import { usePillarLabel } from '../../api/pillars';
import { FACETS, type FacetName, type FacetValue } from '../../api/search';
import { Button } from '../../components/Button';
import { useListWords } from '../../i18n/words';

const SHOWN = 8;

/** One facet as a group of checkboxes with counts; long lists show the first 8 and a "Vis alle" button. */
function FacetGroup({
  name,
  values,
  chosen,
  onToggle,
  legend,
}: {
  name: FacetName;
  values: FacetValue[];
  chosen: string[];
  onToggle: (name: FacetName, value: string, on: boolean) => void;
  legend: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [all, setAll] = useState(false);
  // The pillars in the person's kommune's words (the search API gives the defaults).
  const pillarLabel = usePillarLabel();
  // The chosen ones always stay in view.
  const shown = all ? values : values.filter((v, i) => i < SHOWN || chosen.includes(v.value));
  return (
    <fieldset>
      <legend>{legend}</legend>
      {values.length === 0 ? (
        <p className="facet-empty">{t('search.facet.none')}</p>
      ) : (
        shown.map((v, i) => {
          const inputId = `${id}-${i}`;
          return (
            <div className="facet-option" key={v.value}>
              <input
                type="checkbox"
                id={inputId}
                checked={chosen.includes(v.value)}
                onChange={(e) => onToggle(name, v.value, e.target.checked)}
              />
              <label htmlFor={inputId}>
                {name === 'pillar' ? pillarLabel(v.value as Pillar) : v.label}{' '}
                <span className="facet-count">
                  <span aria-hidden="true">({v.count})</span>
                  <span className="sr-only">{t('search.facet.count', { count: v.count })}</span>
                </span>
              </label>
            </div>
          );
        })
      )}
      {values.length > SHOWN && (
        <button type="button" className="btn btn-link" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('search.facet.fewer') : t('search.facet.all', { count: values.length })}
        </button>
      )}
    </fieldset>
  );
}

/**
 * The filter column of a search page (videos, practice stories): a "Vis filtre" button that opens it on a phone,
 * and once the first answer is there, a checkbox group per facet (subject, age band, method, pillar — counts
 * follow the query and the other filters) and "Ryd filtre".
 */
export function SearchFilters({
  facets,
  chosen,
  onToggle,
  onClear,
}: {
  facets: Record<FacetName, FacetValue[]> | undefined;
  chosen: Record<FacetName, string[]>;
  onToggle: (name: FacetName, value: string, on: boolean) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  // The catalogue holds schools' subjects and dagtilbud's læreplanstemaer: "Fag / læreplanstema", unless the
  // search is narrowed to age bands of one kind ("Fag" for 4.–6. klasse, "Læreplanstema" for 0–2 år).
  const { t: lt } = useListWords(chosen.ageBand, 'mixed');
  const any = FACETS.some((f) => chosen[f].length > 0);
  return (
    <div>
      <Button
        variant="secondary"
        className="search-filters-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {t('search.showFilters')}
      </Button>
      {facets && (
        <section className="search-filters" id={id} data-open={open} aria-labelledby={`${id}-heading`}>
          <h2 id={`${id}-heading`}>{t('search.filters')}</h2>
          {FACETS.map((f) => (
            <FacetGroup
              key={f}
              name={f}
              legend={lt(`search.facet.${f}`)}
              values={facets[f]}
              chosen={chosen[f]}
              onToggle={onToggle}
            />
          ))}
          {any && (
            <button type="button" className="btn btn-secondary" onClick={onClear}>
              {t('search.clearFilters')}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
