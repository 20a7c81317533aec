import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { type CycleSummary, type TeamSpace, useTeamSpace } from '../../../api/inquiry';
import { Loading, Notice, RequestError } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDateTime } from '../../../i18n';
import { useWords } from '../../../i18n/words';
import { NotThere, StateBadge } from '../common';
import { TeamMeetings } from '../meetings/MeetingsPage';
import { TaskList } from '../tasks/TaskList';
import { AgreementSection } from './Agreement';
import '../inquiry.css';

function CycleList({ cycles, label }: { cycles: CycleSummary[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="inquiry-cards" aria-label={label}>
      {cycles.map((c) => (
        <li key={c.id} className="inquiry-card">
          <h3>
            <Link to={`/forloeb/${c.id}`} className="stretched-link">
              {c.title}
            </Link>
          </h3>
          <p className="inquiry-card-facts">
            <StateBadge state={c.state} />
            <span>{c.templateName}</span>
            {c.loop > 1 && <span>{t('inquiry.cycle.loopN', { n: c.loop })}</span>}
            {c.sharedWithLeaders && <span>{t('inquiry.cycle.sharedShort')}</span>}
          </p>
          {c.question && <p className="inquiry-card-question">{c.question}</p>}
          <p className="hint">{t('inquiry.updatedAt', { when: formatDateTime(c.updatedAt) })}</p>
        </li>
      ))}
    </ul>
  );
}

function Cycles({ space }: { space: TeamSpace }) {
  const { t } = useTranslation();
  const current = space.cycles.filter((c) => c.state !== 'afsluttet');
  const earlier = space.cycles.filter((c) => c.state === 'afsluttet');
  return (
    <section className="inquiry-section" aria-labelledby="cycles-heading">
      <div className="section-head">
        <h2 id="cycles-heading">{t('inquiry.space.cycles')}</h2>
        {space.member && (
          <Link to={`/team/${space.team.id}/nyt-forloeb`} className="btn btn-primary">
            {t('inquiry.space.newCycle')}
          </Link>
        )}
      </div>
      {current.length === 0 ? (
        <p className="muted">
          {space.member ? t('inquiry.space.noCyclesMember') : t('inquiry.space.noCyclesShared')}
        </p>
      ) : (
        <CycleList cycles={current} label={t('inquiry.space.current')} />
      )}
      {earlier.length > 0 && (
        <>
          <h3 id="earlier-heading">{t('inquiry.space.earlier')}</h3>
          <CycleList cycles={earlier} label={t('inquiry.space.earlier')} />
        </>
      )}
    </section>
  );
}

/** /team/:id — the team's own space: agreement, cycles, open tasks, meetings, shared videos, members. */
export function TeamSpacePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useTeamSpace(id);
  const state = useLocation().state as { notice?: string } | null;
  const { t: wt } = useWords(query.data?.team.institution.id, wordKindOf(query.data));
  usePageTitle(query.data?.team.name ?? t('inquiry.myTeams.title'));

  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 403))
      return <NotThere back="/team" backLabel={t('inquiry.myTeams.back')} />;
    return <RequestError error={query.error} />;
  }
  const space = query.data;
  const team = space.team;
  const members = space.members;
  return (
    <div className="page">
      <Breadcrumbs items={[{ to: '/team', label: t('inquiry.myTeams.title') }, { label: team.name }]} />
      <Notice message={state?.notice} />
      <div className="page-head">
        <div>
          <h1 className="break">{team.name}</h1>
          <p className="muted">
            {t(`teamTypes.${team.type}`)} · {team.institution.name}
          </p>
        </div>
      </div>
      {!space.member && <p className="alert alert-info">{wt('inquiry.space.leaderView')}</p>}
      <div className="inquiry-layout">
        <div className="inquiry-main stack">
          <Cycles space={space} />
          {space.member && (
            <section className="inquiry-section" aria-labelledby="tasks-heading">
              <h2 id="tasks-heading">{t('inquiry.space.openTasks')}</h2>
              <TaskList
                tasks={space.openTasks}
                members={members}
                canWrite={space.member}
                label={t('inquiry.space.openTasks')}
                empty={t('inquiry.space.noTasks')}
                placeOf={(task) => {
                  const c = space.cycles.find((x) => x.id === task.cycleId);
                  return c ? { to: `/forloeb/${c.id}`, label: c.title } : undefined;
                }}
              />
            </section>
          )}
          {space.member && (
            <section className="inquiry-section" aria-labelledby="meetings-heading">
              <h2 id="meetings-heading">{t('inquiry.space.meetings')}</h2>
              <TeamMeetings teamId={team.id} />
              <p>
                <Link to={`/team/${team.id}/moeder`}>{t('inquiry.space.meetingsLink')}</Link>
              </p>
            </section>
          )}
          <AgreementSection space={space} />
        </div>
        <div className="inquiry-side stack">
          <section className="card inquiry-section" aria-labelledby="members-heading">
            <h2 id="members-heading">{t('inquiry.space.members')}</h2>
            <ul className="plain-list" aria-labelledby="members-heading">
              {members.map((m) => (
                <li key={m.id}>{m.name}</li>
              ))}
            </ul>
          </section>
          {(space.member || space.videos.length > 0) && (
            <section className="card inquiry-section" aria-labelledby="videos-heading">
              <h2 id="videos-heading">{t('inquiry.space.videos')}</h2>
              {space.videos.length === 0 ? (
                <p className="muted">{t('inquiry.space.noVideos')}</p>
              ) : (
                <ul className="link-list" aria-labelledby="videos-heading">
                  {space.videos.map((v) => (
                    <li key={v.id}>
                      <Link to={`/videoer/${v.id}`}>{v.title}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </div>
      </div>
    </div>
  );
}

/** The words of the team's institution, known from the answer (a leader may see several kinds). */
export function wordKindOf(space: TeamSpace | undefined) {
  const type = space?.team.institution.type;
  return type === 'dagtilbud' || type === 'klub' ? type : space ? 'skole' : undefined;
}
