import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseState } from '../../../../shared/training';
import type { CourseRef, CourseSession } from '../../../api/training';
import { currentLocale } from '../../../i18n';
import { formatSessionTime as formatSpan } from './time';

/** "Åben for tilmelding" as a badge; the state's name is read out with its label. */
export function StateBadge({ state }: { state: CourseState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-course-${state}`}>
      <span className="sr-only">{t('training.stateLabel')}: </span>
      {t(`training.state.${state}`)}
    </span>
  );
}

/** A course's name: its title, or "Forslag til træningsforløb i <metode>" while it is only proposed. */
export function courseName(t: TFunction, c: { title: string }, method?: string) {
  if (c.title) return c.title;
  return method ? t('training.proposalFor', { method }) : t('training.proposal');
}

/** A link to a course with its state. */
export function CourseLink({ course, method }: { course: CourseRef; method?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={`/traening/forloeb/${course.id}`}>{courseName(t, course, method)}</Link>{' '}
      <StateBadge state={course.state} />
    </>
  );
}

const tag = () => (currentLocale() === 'da' ? 'da-DK' : 'en-GB');

/** "tirsdag den 3. marts 2026, 14.00–16.00" in the interface language. */
export const formatSessionTime = (s: Pick<CourseSession, 'startsAt' | 'endsAt'>) => formatSpan(s, tag());
