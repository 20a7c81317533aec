import { Link } from 'react-router';
import { Loading, RequestError } from '../../../components/Alert';
import { usePageTitle } from '../../../components/usePageTitle';
import { useWords } from '../../../i18n/words';
import { GuideEditor } from '../guide/GuideEditor';
import { SchemaEditor } from '../schema/SchemaEditor';
import { InstitutionChoice, useChosenInstitution } from './SetupInstitution';
import { SetupObservers } from './SetupObservers';
import { SetupSettings } from './SetupSettings';
import '../observation-lead.css';

/** /observation/opsaetning: a leader sets up observation — learning focus and schema, visit guide, observers. */
export function SetupPage() {
  const { me, options, chosen, choose } = useChosenInstitution('configure');
  const { t } = useWords(chosen?.id);
  usePageTitle(t('observationLead.setup.title'));
  return (
    <div className="page obsl-lead-page">
      <div className="page-head">
        <div>
          <h1>{t('observationLead.setup.title')}</h1>
          {chosen && <p className="obsl-institution-name">{chosen.name}</p>}
        </div>
        {chosen && (
          <nav className="page-actions" aria-label={t('observationLead.related')}>
            <Link to={`/observation/planlaegning?institution=${chosen.id}`}>
              {t('observationLead.planning.title')}
            </Link>
            <Link to={`/observation/data?institution=${chosen.id}`}>{t('observationLead.data.title')}</Link>
          </nav>
        )}
      </div>
      <p className="lead">{t('observationLead.setup.intro')}</p>
      {me.isPending ? (
        <Loading />
      ) : me.isError ? (
        <RequestError error={me.error} />
      ) : !chosen ? (
        <p className="alert alert-info">{t('observationLead.setup.notLeader')}</p>
      ) : (
        <>
          <InstitutionChoice options={options} chosen={chosen} choose={choose} />
          <nav aria-label={t('observationLead.setup.contents')} className="obsl-toc">
            <ul className="plain-list">
              <li>
                <a href="#obsl-schema">{t('observationLead.schema.heading')}</a>
              </li>
              <li>
                <a href="#obsl-guide">{t('observationLead.guide.heading')}</a>
              </li>
              <li>
                <a href="#obsl-observers">{t('observationLead.observers.heading')}</a>
              </li>
              <li>
                <a href="#obsl-settings">{t('observationLead.settings.heading')}</a>
              </li>
            </ul>
          </nav>
          <div className="stack" key={chosen.id}>
            <SchemaEditor institutionId={chosen.id} />
            <GuideEditor institutionId={chosen.id} />
            <SetupObservers institutionId={chosen.id} />
            <SetupSettings institutionId={chosen.id} />
          </div>
        </>
      )}
    </div>
  );
}
