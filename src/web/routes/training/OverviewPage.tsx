import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/people';
import {
  isForbidden,
  ledInstitutions,
  type MyRequest,
  mayOverview,
  useDemandUpdate,
  useMyRequests,
  useTrainingOverview,
  withdrawTraining,
} from '../../api/training';
import { Loading, Notice, RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n';
import { CourseLink } from './courses/CourseBits';
import { CourseList } from './courses/CourseList';
import { CoverageSection } from './demand/CoverageForm';
import { DemandOverview } from './demand/DemandOverview';
import { StaffDemandSection } from './demand/StaffDemand';
import './training.css';
import { useSingleFlight } from './useSingleFlight';

function RequestRow({ r, onWithdrawn }: { r: MyRequest; onWithdrawn: (label: string) => void }) {
  const { t } = useTranslation();
  const update = useDemandUpdate();
  const once = useSingleFlight();
  // Once its course has started the request has done its work: nothing to withdraw.
  const over = !!r.course && ['running', 'completed', 'documented'].includes(r.course.state);
  const withdraw = useMutation({
    mutationFn: () => withdrawTraining(r.method.id),
    onSuccess: (next) => {
      update(next);
      onWithdrawn(r.method.label);
    },
  });
  return (
    <li className="training-request-row">
      <div>
        <p className="training-course-title">
          <strong>{r.method.label}</strong>
        </p>
        <p className="training-course-facts muted">
          <span>{t('training.mine.askedAt', { when: formatDateTime(r.createdAt) })}</span>
          {r.viaTeam && <span>{t('training.mine.viaTeam', { team: r.viaTeam.name })}</span>}
          {r.video && (
            <span>
              {t('training.mine.fromVideo')} <Link to={`/videoer/${r.video.id}`}>{r.video.title}</Link>
            </span>
          )}
        </p>
        {r.course && (
          <p>
            {t('training.ask.courseLabel')} <CourseLink course={r.course} method={r.method.label} />
          </p>
        )}
        <RequestError error={withdraw.isError ? withdraw.error : null} />
      </div>
      {!over && (
        <Button
          variant="secondary"
          busy={withdraw.isPending}
          onClick={() => once(() => withdraw.mutateAsync())}
        >
          {t('training.ask.withdraw')}
          <span className="sr-only"> ({r.method.label})</span>
        </Button>
      )}
    </li>
  );
}

/** "Mine ønsker": the methods I (or a team of mine) asked for training in. */
function MyRequests() {
  const { t } = useTranslation();
  const query = useMyRequests();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="card training-card" aria-labelledby="training-my-requests">
      <h2 id="training-my-requests">{t('training.mine.requestsHeading')}</h2>
      <Notice message={notice} />
      <QueryView
        query={query}
        empty={query.isSuccess && query.data.length === 0 && t('training.mine.noRequests')}
      >
        {(items) => (
          <ul className="plain-list" aria-labelledby="training-my-requests">
            {items.map((r) => (
              <RequestRow
                key={r.method.id}
                r={r}
                onWithdrawn={(label) => setNotice(t('training.mine.withdrawn', { method: label }))}
              />
            ))}
          </ul>
        )}
      </QueryView>
      {query.isSuccess && query.data.length === 0 && (
        <p>
          <Link to="/videoer">{t('training.mine.findVideos')}</Link>
        </p>
      )}
    </section>
  );
}

/**
 * /traening: my requests and courses; for a leder their own staff's demand; for those who plan or follow
 * training also demand and proposals.
 */
export function OverviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('training.title'));
  const { data: me } = useMe();
  const overview = useTrainingOverview(mayOverview(me));
  const resourcePerson = !!me?.grants.some((g) => g.role === 'ressourceperson');
  return (
    <div className="page training-page">
      <h1>{t('training.title')}</h1>
      <p className="lead">{t('training.intro')}</p>
      <div className="training-columns">
        <MyRequests />
        <section className="card training-card" aria-labelledby="training-my-courses">
          <h2 id="training-my-courses">{t('training.mine.coursesHeading')}</h2>
          <CourseList
            filter={{ mine: true }}
            labelledBy="training-my-courses"
            empty={t('training.mine.noCourses')}
          />
        </section>
      </div>
      {ledInstitutions(me).map(([id, name]) => (
        <StaffDemandSection key={id} institutionId={id} name={name} />
      ))}
      {!mayOverview(me) ? null : overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        isForbidden(overview.error) ? null : (
          <RequestError error={overview.error} />
        )
      ) : (
        <DemandOverview o={overview.data} />
      )}
      {resourcePerson && <CoverageSection />}
    </div>
  );
}
