import { Link } from 'react-router';
import { schoolYearLabel } from '../../../shared/progression';
import { wordKind } from '../../../shared/vocabulary';
import { useMyProgression } from '../../api/progression';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { useWords } from '../../i18n/words';
import './progression.css';

/** /progression — the groups I may open (class team, delegated, leader) and the summaries I may read. */
export function ProgressionHome() {
  const { t } = useWords();
  usePageTitle(t('progression.title'));
  const mine = useMyProgression();
  const empty =
    mine.data &&
    mine.data.groups.length + mine.data.institutions.length + mine.data.kommuner.length === 0 &&
    t('progression.home.none');
  return (
    <div className="page">
      <h1>{t('progression.title')}</h1>
      <p className="lead">{t('progression.home.intro')}</p>
      <QueryView query={mine} empty={empty}>
        {(data) => (
          <>
            {data.groups.length > 0 && (
              <section aria-labelledby="prog-my-groups">
                <h2 id="prog-my-groups">{t('progression.home.groups')}</h2>
                <ul className="prog-cards" aria-labelledby="prog-my-groups">
                  {data.groups.map((g) => {
                    const context = wordKind(g.institution.type as never);
                    return (
                      <li key={g.id} className="card prog-card">
                        <h3>
                          <Link to={`/progression/grupper/${g.id}`} className="stretched-link">
                            {g.name}
                          </Link>
                        </h3>
                        <p className="muted">
                          {g.institution.name} · {schoolYearLabel(g.schoolYear)}
                        </p>
                        <p>
                          {t(`progression.home.why.${g.why}`, {
                            context: context === 'skole' ? undefined : context,
                          })}
                        </p>
                      </li>
                    );
                  })}
                </ul>
              </section>
            )}
            {data.institutions.length + data.kommuner.length > 0 && (
              <section aria-labelledby="prog-summaries">
                <h2 id="prog-summaries">{t('progression.home.summaries')}</h2>
                <p>{t('progression.home.summariesIntro')}</p>
                <ul className="link-list" aria-labelledby="prog-summaries">
                  {data.kommuner.map((k) => (
                    <li key={k.id}>
                      <Link to={`/progression/kommune/${k.id}`}>{k.name}</Link>
                    </li>
                  ))}
                  {data.institutions.map((i) => (
                    <li key={i.id} className="prog-inst">
                      <Link to={`/progression/institution/${i.id}`}>{i.name}</Link>
                      {i.canSetUp && (
                        <Link
                          to={`/progression/institution/${i.id}/opsaetning`}
                          className="btn btn-secondary"
                        >
                          {t('progression.setup.title')}
                          <span className="sr-only"> {i.name}</span>
                        </Link>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}
