import { Link } from 'react-router';
import { Loading, RequestError } from '../../../components/Alert';
import { usePageTitle } from '../../../components/usePageTitle';
import { useWords } from '../../../i18n/words';
import { InstitutionChoice, useChosenInstitution } from '../setup/SetupInstitution';
import { PlanningCalendar } from './PlanningCalendar';
import { PlanningFlagged } from './PlanningFlagged';
import { PlanningForm } from './PlanningForm';
import { PlanningNotVisited } from './PlanningNotVisited';
import '../observation-lead.css';

/** /observation/planlaegning: plan visits, see them in a month, who has not been visited, flagged visits. */
export function PlanningPage() {
  const { me, options, chosen, choose } = useChosenInstitution('observe');
  const { t } = useWords(chosen?.id);
  usePageTitle(t('observationLead.planning.title'));
  const leader = !!chosen?.can.configure;
  return (
    <div className="page obsl-lead-page">
      <div className="page-head">
        <div>
          <h1>{t('observationLead.planning.title')}</h1>
          {chosen && <p className="obsl-institution-name">{chosen.name}</p>}
        </div>
        {chosen && leader && (
          <nav className="page-actions" aria-label={t('observationLead.related')}>
            <Link to={`/observation/opsaetning?institution=${chosen.id}`}>
              {t('observationLead.setup.title')}
            </Link>
            <Link to={`/observation/data?institution=${chosen.id}`}>{t('observationLead.data.title')}</Link>
          </nav>
        )}
      </div>
      <p className="lead">{t('observationLead.planning.intro')}</p>
      {me.isPending ? (
        <Loading />
      ) : me.isError ? (
        <RequestError error={me.error} />
      ) : !chosen ? (
        <p className="alert alert-info">{t('observationLead.planning.notObserver')}</p>
      ) : (
        <>
          <InstitutionChoice options={options} chosen={chosen} choose={choose} />
          <div className="stack" key={chosen.id}>
            {leader && <PlanningFlagged institutionId={chosen.id} />}
            <PlanningForm institutionId={chosen.id} leader={leader} />
            <PlanningCalendar institutionId={chosen.id} />
            <PlanningNotVisited institutionId={chosen.id} />
          </div>
        </>
      )}
    </div>
  );
}
