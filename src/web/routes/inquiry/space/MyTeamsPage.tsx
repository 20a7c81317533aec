import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyTeams } from '../../../api/inquiry';
import { QueryView } from '../../../components/QueryView';
import { usePageTitle } from '../../../components/usePageTitle';
import '../inquiry.css';

/** /team: the teams (in a dagtilbud: stuer and groups) the signed-in person is a member of. */
export function MyTeamsPage() {
  const { t } = useTranslation();
  usePageTitle(t('inquiry.myTeams.title'));
  const teams = useMyTeams();
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('inquiry.myTeams.title')}</h1>
        <Link to="/opgaver" className="btn btn-secondary">
          {t('inquiry.myTasks.title')}
        </Link>
      </div>
      <p className="lead">{t('inquiry.myTeams.intro')}</p>
      <QueryView
        query={teams}
        empty={
          teams.data?.items.length === 0 &&
          (teams.data.led.length ? t('inquiry.myTeams.noneLeader') : t('inquiry.myTeams.none'))
        }
      >
        {(data) => (
          <ul className="inquiry-cards" aria-label={t('inquiry.myTeams.title')}>
            {data.items.map((team) => (
              <li key={team.id} className="inquiry-card">
                <h2>
                  <Link to={`/team/${team.id}`} className="stretched-link">
                    {team.name}
                  </Link>
                </h2>
                <p className="muted">
                  {t(`teamTypes.${team.type}`)} · {team.institution.name}
                </p>
                <p>
                  {t('inquiry.myTeams.activeCycles', { count: team.activeCycles })} ·{' '}
                  {t('inquiry.myTeams.openTasks', { count: team.openTasks })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      {(teams.data?.led.length ?? 0) > 0 && (
        <section aria-labelledby="led-teams">
          <h2 id="led-teams">{t('inquiry.myTeams.led')}</h2>
          <p>{t('inquiry.myTeams.ledIntro')}</p>
          <ul className="inquiry-cards" aria-labelledby="led-teams">
            {teams.data?.led.map((team) => (
              <li key={team.id} className="inquiry-card">
                <h3>
                  <Link to={`/team/${team.id}`} className="stretched-link">
                    {team.name}
                  </Link>
                </h3>
                <p className="muted">
                  {t(`teamTypes.${team.type}`)} · {team.institution.name}
                </p>
                <p>{t('inquiry.myTeams.sharedCycles', { count: team.sharedCycles })}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
