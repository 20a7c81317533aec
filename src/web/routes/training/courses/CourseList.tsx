import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseState } from '../../../../shared/training';
import { type CourseListItem, useCourses } from '../../../api/training';
import { Button } from '../../../components/Button';
import { QueryView } from '../../../components/QueryView';
import { formatDateTime } from '../../../i18n';
import { courseName, StateBadge } from './CourseBits';

function CourseRow({ c, showMine }: { c: CourseListItem; showMine: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="training-course-row">
      <p className="training-course-title">
        <Link to={`/traening/forloeb/${c.id}`}>{courseName(t, c, c.method.label)}</Link>{' '}
        <StateBadge state={c.state} />
      </p>
      <p className="training-course-facts muted">
        <span>{t('training.course.methodShort', { method: c.method.label })}</span>
        <span>{t('training.course.requestsShort', { count: c.counts.requests })}</span>
        {c.state !== 'proposed' && (
          <span>
            {c.capacity
              ? t('training.course.seatsShort', { enrolled: c.counts.enrolled, capacity: c.capacity })
              : t('training.course.enrolledShort', { count: c.counts.enrolled })}
            {c.counts.waiting > 0 && ` · ${t('training.course.waitingShort', { count: c.counts.waiting })}`}
          </span>
        )}
        {c.nextSession && !['completed', 'documented'].includes(c.state) && (
          <span>{t('training.course.nextSession', { when: formatDateTime(c.nextSession.startsAt) })}</span>
        )}
      </p>
      {showMine && (c.myStatus || c.requester) && (
        <p className="training-course-mine">
          {c.myStatus && (
            <span className={`badge badge-enrolment-${c.myStatus}`}>
              {t(`training.enrolment.${c.myStatus}`)}
            </span>
          )}
          {c.requester && <span className="badge">{t('training.course.youAsked')}</span>}
        </p>
      )}
    </li>
  );
}

/** Courses as a list, page by page: mine (with my enrolment), or all I may see in one state. */
export function CourseList({
  filter,
  empty,
  labelledBy,
}: {
  filter: { state?: CourseState; mine?: boolean };
  empty: string;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const query = useCourses(filter);
  const items = (query.data?.pages ?? []).flatMap((p) => p.items);
  return (
    <QueryView query={query} empty={query.isSuccess && items.length === 0 && empty}>
      {() => (
        <>
          <ul className="plain-list training-course-list" aria-labelledby={labelledBy}>
            {items.map((c) => (
              <CourseRow key={c.id} c={c} showMine={!!filter.mine} />
            ))}
          </ul>
          {query.hasNextPage && (
            <Button variant="secondary" busy={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
              {t('training.showMore')}
            </Button>
          )}
        </>
      )}
    </QueryView>
  );
}
