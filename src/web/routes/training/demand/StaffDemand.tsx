import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type StaffDemand, useStaffDemand } from '../../../api/training';
import { QueryView } from '../../../components/QueryView';
import { formatDateTime } from '../../../i18n';
import { CourseLink } from '../courses/CourseBits';

type Method = StaffDemand['methods'][number];

/** "3 af jeres medarbejdere · 7 i alt — der mangler 5" (or that the threshold is reached). */
function StaffMethod({ m, threshold }: { m: Method; threshold: number }) {
  const { t } = useTranslation();
  const headingId = `training-staff-${m.method.id}`;
  return (
    <li className="training-staff-method">
      <h3 id={headingId} className="training-staff-method-title">
        {m.method.label}
      </h3>
      <p className="training-course-facts">
        <strong>{t('training.staff.staff', { count: m.count })}</strong>
        <span>
          {m.missing > 0
            ? t('training.staff.totalMissing', { total: m.total, missing: m.missing })
            : t('training.staff.totalReached', { total: m.total, threshold })}
        </span>
      </p>
      <progress
        className="upload-bar"
        max={threshold}
        value={Math.min(m.total, threshold)}
        aria-label={t('training.overview.progressLabel', { method: m.method.label })}
      />
      {m.course && (
        <p>
          {t('training.ask.courseLabel')} <CourseLink course={m.course} method={m.method.label} />
        </p>
      )}
      <ul
        className="training-staff-people"
        aria-label={t('training.staff.whoAsked', { method: m.method.label })}
      >
        {m.requesters.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>{' '}
            <span className="muted">
              {p.viaTeam && `${t('training.staff.viaTeam', { team: p.viaTeam.name })}, `}
              {t('training.staff.askedAt', { when: formatDateTime(p.askedAt) })}
            </span>
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/videoer?method=${m.method.id}`}>{t('training.staff.videos')}</Link>
        <span className="sr-only"> ({m.method.label})</span>
      </p>
    </li>
  );
}

/** For a leder: their own staff's training demand by method, with who asked (issue 15). */
export function StaffDemandSection({ institutionId, name }: { institutionId: string; name: string }) {
  const { t } = useTranslation();
  const query = useStaffDemand(institutionId);
  const d = query.data;
  const headingId = `training-staff-heading-${institutionId}`;
  return (
    <section className="card training-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('training.staff.heading', { institution: d?.institution.name ?? name })}</h2>
      {d && <p className="hint">{t('training.staff.intro', { threshold: d.threshold })}</p>}
      <QueryView query={query} empty={!!d && d.methods.length === 0 && t('training.staff.none')}>
        {(data) => (
          <ul className="plain-list training-staff-list">
            {data.methods.map((m) => (
              <StaffMethod key={m.method.id} m={m} threshold={data.threshold} />
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
