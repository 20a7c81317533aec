import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { COURSE_STATES } from '../../../../shared/training';
import { ApiError } from '../../../api/client';
import { type CourseDetail, useCourse } from '../../../api/training';
import { Loading, RequestError } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { usePageTitle } from '../../../components/usePageTitle';
import { courseName } from './CourseBits';
import { Participants, Requesters, StateActions } from './CourseManage';
import { DocumentationPanel } from './DocumentationPanel';
import { EnrolPanel } from './EnrolPanel';
import { PlanCourseForm } from './PlanCourseForm';
import { SessionsEditor } from './SessionsEditor';
import { CalendarFeed, SessionsList } from './SessionsList';
import '../training.css';

/** Foreslået → Planlagt → … → Dokumenteret, with the current step marked. */
function StateSteps({ course: c }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const at = COURSE_STATES.indexOf(c.state);
  return (
    <ol className="training-steps" aria-label={t('training.course.steps')}>
      {COURSE_STATES.map((s, i) => (
        <li
          key={s}
          className={i < at ? 'is-done' : i === at ? 'is-current' : 'is-todo'}
          aria-current={i === at ? 'step' : undefined}
        >
          <span className="training-step-dot" aria-hidden="true">
            {i < at ? '✓' : i + 1}
          </span>
          <span className="training-step-label">
            {i < at && <span className="sr-only">{t('training.course.stepDone')} </span>}
            {t(`training.state.${s}`)}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Method, planner, trainers, institutions and where the requests came from. */
function Facts({ course: c }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const names = (xs: { name: string }[]) => xs.map((x) => x.name).join(', ');
  return (
    <dl className="meta-list training-facts">
      <div>
        <dt>{t('training.course.method')}</dt>
        <dd>
          <Link to={`/videoer?method=${c.method.id}`}>{c.method.label}</Link>
        </dd>
      </div>
      {c.planner && (
        <div>
          <dt>{t('training.course.planner')}</dt>
          <dd>{c.planner.name}</dd>
        </div>
      )}
      <div>
        <dt>{t('training.course.trainers')}</dt>
        <dd>
          {c.trainers.length ? (
            names(c.trainers)
          ) : (
            <span className="muted">{t('training.course.notYet')}</span>
          )}
        </dd>
      </div>
      {c.institutions.length > 0 && (
        <div>
          <dt>{t('training.course.institutions')}</dt>
          <dd>{names(c.institutions)}</dd>
        </div>
      )}
      <div>
        <dt>{t('training.course.requests')}</dt>
        <dd>
          {t('training.course.requestCount', { count: c.counts.requests })}
          {c.requestInstitutions.length > 0 && (
            <ul className="training-institution-counts">
              {c.requestInstitutions.map((i) => (
                <li key={i.id}>{t('training.course.fromInstitution', { name: i.name, n: i.count })}</li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}

function NotFoundCourse({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403);
  usePageTitle(t(notFound ? 'training.course.notFoundTitle' : 'training.course.title'));
  return (
    <div className="page-narrow">
      <h1>{t(notFound ? 'training.course.notFoundTitle' : 'training.course.title')}</h1>
      {notFound ? <p>{t('training.course.notFoundHelp')}</p> : <RequestError error={error} />}
      <p>
        <Link to="/traening">{t('training.backToOverview')}</Link>
      </p>
    </div>
  );
}

/** /traening/forloeb/:id: a proposal or course — what, when, where, enrolment; for managers the planning. */
export function CoursePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useCourse(id);
  const name = query.data ? courseName(t, query.data, query.data.method.label) : undefined;
  usePageTitle(name ?? t('training.course.title'));
  if (query.isPending) return <Loading />;
  if (query.isError) return <NotFoundCourse error={query.error} />;
  const c = query.data;
  const editable = c.can.manage && ['proposed', 'planned', 'open', 'running'].includes(c.state);
  const documenting = c.can.manage && (c.state === 'completed' || c.state === 'documented');
  return (
    <div className="page training-page training-course-page">
      <Breadcrumbs
        items={[
          { to: '/traening', label: t('training.title') },
          { label: name ?? t('training.course.title') },
        ]}
      />
      <h1 className="break">{name}</h1>
      <StateSteps course={c} />
      {c.documentationVideo && (
        <div className="alert alert-success training-documented">
          <p>
            <strong>{t('training.documented.title')}</strong>
          </p>
          <p>
            <Link to={`/videoer/${c.documentationVideo.id}`}>
              {t('training.documented.watch', { title: c.documentationVideo.title })}
            </Link>
          </p>
        </div>
      )}
      {c.description && <p className="lead training-prose">{c.description}</p>}
      {c.state === 'proposed' && !c.description && (
        <p className="lead">{t('training.course.proposedIntro')}</p>
      )}
      <div className="training-columns">
        <section className="card training-card" aria-labelledby="training-about">
          <h2 id="training-about">{t('training.course.about')}</h2>
          <Facts course={c} />
          {c.sourceVideos.length > 0 && (
            <>
              <h3>{t('training.course.sourceVideos')}</h3>
              <ul className="training-source-videos">
                {c.sourceVideos.map((v) => (
                  <li key={v.id}>
                    <Link to={`/videoer/${v.id}`}>{v.title}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <EnrolPanel course={c} />
      </div>
      {c.requesters && c.requesters.length > 0 && (
        <section className="card training-card" aria-labelledby="training-requesters">
          <h2 id="training-requesters">{t('training.course.requestersHeading')}</h2>
          <Requesters course={c} />
        </section>
      )}
      {editable && (
        <section className="card training-card" aria-labelledby="training-plan">
          <h2 id="training-plan">
            {c.state === 'proposed' ? t('training.plan.headingProposed') : t('training.plan.heading')}
          </h2>
          <PlanCourseForm key={`${c.id}-${c.state}`} course={c} />
        </section>
      )}
      <section className="card training-card" aria-labelledby="training-sessions">
        <h2 id="training-sessions">{t('training.sessions.heading')}</h2>
        {editable ? <SessionsEditor course={c} /> : <SessionsList sessions={c.sessions} />}
        {c.calendarUrl && c.sessions.length > 0 && <CalendarFeed url={c.calendarUrl} />}
      </section>
      {c.can.manage && (
        <section className="card training-card" aria-labelledby="training-stage">
          <h2 id="training-stage">{t('training.next.heading')}</h2>
          <StateActions course={c} />
        </section>
      )}
      {documenting && <DocumentationPanel course={c} />}
      {c.can.manage && c.state !== 'proposed' && <Participants course={c} />}
      <p>
        <Link to="/traening">{t('training.backToOverview')}</Link>
      </p>
    </div>
  );
}
