import { Link } from 'react-router';
import type { VisitDetail } from '../../../api/observation';
import { useWords } from '../../../i18n/words';
import { formatDay } from './VisitBits';

/** Earlier visits to the same teacher with their next steps — first on a visit still to come ("Sidst aftalte I …"). */
export function VisitEarlier({ visit, first }: { visit: VisitDetail; first?: boolean }) {
  const { t } = useWords(visit.institution.id);
  if (!visit.earlier.length) return null;
  return (
    <section
      className={`card obs-earlier${first ? ' obs-earlier-first' : ''}`}
      aria-labelledby="obs-earlier-title"
    >
      <h2 id="obs-earlier-title">
        {first ? t('observation.earlier.titleFirst') : t('observation.earlier.title')}
      </h2>
      <ul className="plain-list">
        {visit.earlier.map((e) => (
          <li key={e.id} className="obs-earlier-item">
            <p className="obs-earlier-head">
              <Link to={`/observation/besoeg/${e.id}`}>{formatDay(e.plannedFor)}</Link>
              <span className="muted">
                {' · '}
                {[e.observer.name, e.classLabel, e.subject].filter(Boolean).join(' · ')}
              </span>
            </p>
            <p className="obs-earlier-step">
              <strong>{t('observation.earlier.nextStep')}</strong>{' '}
              {e.nextStep ? (
                <span className="obs-prewrap">{e.nextStep}</span>
              ) : (
                <span className="muted">{t('observation.earlier.noNextStep')}</span>
              )}
              {e.nextStep && (
                <span className={`badge ${e.nextStepAgreed ? 'badge-active' : 'badge-info'}`}>
                  {e.nextStepAgreed ? t('observation.earlier.agreed') : t('observation.earlier.notAgreed')}
                </span>
              )}
            </p>
            {e.conversationNotes && (
              <details>
                <summary>{t('observation.earlier.notes')}</summary>
                <p className="obs-prewrap">{e.conversationNotes}</p>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
