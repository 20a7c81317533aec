import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseState } from '../../../shared/training';
import type { CourseRef, CourseSession } from '../../api/training';
import { currentLocale } from '../../i18n';

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

export const formatDate = (iso: string) =>
  new Intl.DateTimeFormat(tag(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(iso),
  );

export const formatClock = (iso: string) =>
  new Intl.DateTimeFormat(tag(), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** "tirsdag den 3. marts 2026, 14.00–16.00" (the end's date too when it is another day). */
export function formatSessionTime(s: Pick<CourseSession, 'startsAt' | 'endsAt'>) {
  const sameDay = formatDate(s.startsAt) === formatDate(s.endsAt);
  return sameDay
    ? `${formatDate(s.startsAt)}, ${formatClock(s.startsAt)}–${formatClock(s.endsAt)}`
    : `${formatDate(s.startsAt)}, ${formatClock(s.startsAt)} – ${formatDate(s.endsAt)}, ${formatClock(s.endsAt)}`;
}

/** Local date (yyyy-mm-dd) and time (hh:mm) of an ISO instant, for date and time inputs. */
export function toLocalParts(iso: string) {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}

/** The instant of a local date and time from the inputs, or null when either is missing or invalid. */
export function fromLocalParts(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const d = new Date(`${date}T${time}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
