import { useSearchParams } from 'react-router';
import { TERM_PATTERN, termOf } from '../../../../shared/observation';
import { useNotVisited } from '../../../api/observation-lead';
import { Button } from '../../../components/Button';
import { QueryView } from '../../../components/QueryView';
import { useWords } from '../../../i18n/words';
import { formatDate, shiftTerm, termLabel } from '../data/format';

/** "Ikke besøgt i denne termin": staff without a visit in the chosen term, with their latest visit. */
export function PlanningNotVisited({ institutionId }: { institutionId: string }) {
  const { t } = useWords(institutionId);
  const [params, setParams] = useSearchParams();
  const wanted = params.get('term') ?? '';
  const term = TERM_PATTERN.test(wanted) ? wanted : termOf(new Date());
  const list = useNotVisited(institutionId, term);
  const go = (delta: number) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('term', shiftTerm(term, delta));
        return next;
      },
      { replace: true },
    );
  return (
    <section className="card obsl-section" aria-labelledby="obsl-not-visited">
      <div className="section-head">
        <h2 id="obsl-not-visited">{t('observationLead.notVisited.heading', { term: termLabel(term) })}</h2>
        <div className="page-actions">
          <Button variant="secondary" onClick={() => go(-1)}>
            {t('observationLead.notVisited.previous')}
            <span className="sr-only"> ({termLabel(shiftTerm(term, -1))})</span>
          </Button>
          <Button variant="secondary" onClick={() => go(1)}>
            {t('observationLead.notVisited.next')}
            <span className="sr-only"> ({termLabel(shiftTerm(term, 1))})</span>
          </Button>
        </div>
      </div>
      <p className="hint">{t('observationLead.notVisited.intro')}</p>
      <QueryView
        query={list}
        empty={list.isSuccess && !list.data.people.length && t('observationLead.notVisited.none')}
      >
        {(data) => (
          <ul className="plain-list obsl-people obsl-columns" aria-labelledby="obsl-not-visited">
            {data.people.map((p) => (
              <li key={p.id}>
                <span className="break">
                  <strong>{p.name}</strong>{' '}
                  <span className="muted">
                    {p.lastVisit
                      ? t('observationLead.notVisited.last', { when: formatDate(p.lastVisit) })
                      : t('observationLead.notVisited.never')}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
