import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useObservationMe, useVisit, type VisitDetail } from '../../../api/observation';
import { useMe } from '../../../api/people';
import { Loading, RequestError } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { usePageTitle } from '../../../components/usePageTitle';
import { useWords } from '../../../i18n/words';
import { gradeLabel } from '../data/format';
import { GuidePrompt } from '../guide/GuideView';
import { formatDay, StatusBadge, visitTitle } from './VisitBits';
import { VisitConversation } from './VisitConversation';
import { VisitEarlier } from './VisitEarlier';
import { VisitRecording } from './VisitRecording';
import '../observation.css';

/** /observation/besoeg/:id — a visit: what was recorded, earlier next steps, and the learning conversation (O2, O3). */
export function VisitPage() {
  const { id } = useParams();
  const query = useVisit(id);
  const { t } = useWords(query.data?.institution.id);
  const { data: me } = useMe();
  const obsMe = useObservationMe();
  const title = query.data ? visitTitle(t, query.data, me?.id) : t('observation.visit.heading');
  usePageTitle(query.isError ? t('observation.visit.notFound') : title);
  if (query.isPending || !me) return <Loading />;
  if (query.isError) {
    const notFound =
      query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 403);
    return (
      <div className="page-narrow">
        <h1>{notFound ? t('observation.visit.notFound') : t('observation.visit.heading')}</h1>
        {notFound ? <p>{t('observation.visit.notFoundHelp')}</p> : <RequestError error={query.error} />}
        <p>
          <Link to="/observation">{t('observation.backToHub')}</Link>
        </p>
      </div>
    );
  }
  const v = query.data;
  const open = v.status === 'planned' || v.status === 'in_progress';
  const recorded = v.status !== 'planned' || v.answers.length > 0;
  const conversation = v.status === 'completed' || (v.kind === 'self' && recorded);
  return (
    <div className="page obs-visit-page">
      <Breadcrumbs items={[{ to: '/observation', label: t('observation.nav') }, { label: title }]} />
      <h1 className="break">{title}</h1>
      <Facts visit={v} />
      {obsMe.data && <GuidePrompt institutions={obsMe.data.institutions} only={v.institution.id} />}
      {v.flag && v.can.resolveFlag && (
        <div className="alert alert-warning">
          <p>
            <strong>{t('observation.visit.flagTitle')}</strong> {t(`observation.visit.flag.${v.flag}`)}
          </p>
          <p>
            <Link to="/observation/planlaegning">{t('observation.visit.flagResolve')}</Link>
          </p>
        </div>
      )}
      {v.kind === 'self' && <p className="alert alert-info">{t('observation.self.privacy')}</p>}
      {open && <VisitEarlier visit={v} first />}
      {v.can.record && open && (
        <p>
          <Link to={`/observation/besoeg/${v.id}/gennemfoer`} className="btn btn-primary obs-conduct-link">
            {v.kind === 'self' ? t('observation.visit.conductSelf') : t('observation.visit.conduct')}
          </Link>
        </p>
      )}
      {recorded ? <VisitRecording visit={v} /> : <p className="muted">{t('observation.visit.notYet')}</p>}
      {conversation && <VisitConversation visit={v} meId={me.id} />}
      {!open && <VisitEarlier visit={v} />}
    </div>
  );
}

function Facts({ visit: v }: { visit: VisitDetail }) {
  const { t } = useWords(v.institution.id);
  return (
    <>
      <p className="obs-visit-status">
        <StatusBadge visit={v} />
      </p>
      <dl className="meta-list obs-facts">
        <div>
          <dt>{t('observation.visit.institution')}</dt>
          <dd>{v.institution.name}</dd>
        </div>
        {v.kind === 'visit' && (
          <>
            <div>
              <dt>{t('observation.visit.teacher')}</dt>
              <dd>{v.teacher.name}</dd>
            </div>
            <div>
              <dt>{t('observation.visit.observer')}</dt>
              <dd>{v.observer.name}</dd>
            </div>
          </>
        )}
        <div>
          <dt>{t('observation.visit.date')}</dt>
          <dd>{formatDay(v.plannedFor)}</dd>
        </div>
        <div>
          <dt>{t('observation.visit.class')}</dt>
          <dd>
            {[v.classLabel, v.subject, v.grade === null ? null : gradeLabel(v.grade)]
              .filter(Boolean)
              .join(' · ') || '–'}
          </dd>
        </div>
        {v.guests.length > 0 && (
          <div>
            <dt>{t('observation.self.guests')}</dt>
            <dd>{v.guests.map((g) => g.name).join(', ')}</dd>
          </div>
        )}
      </dl>
    </>
  );
}
