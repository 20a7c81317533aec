import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { absoluteUrl, type CourseSession, sessionIcsUrl } from '../../../api/training';
import { Notice } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { formatSessionTime } from './CourseBits';

/** One session: when, where (or the online link), and its .ics download; `children` adds the editor's buttons. */
export function SessionItem({ s, n, children }: { s: CourseSession; n: number; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className="training-session">
      <h3 className="training-session-title">
        {t('training.sessions.number', { n })}
        <span className="training-session-when">{formatSessionTime(s)}</span>
      </h3>
      <dl className="meta-list">
        {s.place && (
          <div>
            <dt>{t('training.sessions.place')}</dt>
            <dd className="break">{s.place}</dd>
          </div>
        )}
        {s.onlineUrl && (
          <div>
            <dt>{t('training.sessions.online')}</dt>
            <dd className="break">
              <a href={s.onlineUrl} target="_blank" rel="noreferrer">
                {s.onlineUrl}
              </a>
            </dd>
          </div>
        )}
      </dl>
      <div className="page-actions">
        <a className="btn btn-secondary" href={sessionIcsUrl(s.id)} download>
          {t('training.sessions.ics')}
          <span className="sr-only"> {t('training.sessions.number', { n })}</span>
        </a>
        {children}
      </div>
    </li>
  );
}

/** The sessions in time order; `render` lets the editor wrap each one. */
export function SessionsList({
  sessions,
  render,
}: {
  sessions: CourseSession[];
  render?: (s: CourseSession, n: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const sorted = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (!sorted.length) return <p className="muted">{t('training.sessions.none')}</p>;
  return (
    <ol className="training-sessions">
      {sorted.map((s, i) => (render ? render(s, i + 1) : <SessionItem key={s.id} s={s} n={i + 1} />))}
    </ol>
  );
}

/** The course's calendar feed: the address to subscribe to, a copy button and how to use it. */
export function CalendarFeed({ url }: { url: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const full = absoluteUrl(url);
  async function copy() {
    try {
      await navigator.clipboard.writeText(full);
      setNotice(t('training.calendar.copied'));
    } catch {
      input.current?.focus();
      input.current?.select();
      setNotice(t('training.calendar.copyManually'));
    }
  }
  return (
    <div className="training-calendar">
      <h3>{t('training.calendar.heading')}</h3>
      <p className="hint">{t('training.calendar.help')}</p>
      <TextField
        ref={input}
        label={t('training.calendar.url')}
        value={full}
        readOnly
        required={false}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="page-actions">
        <Button variant="secondary" onClick={copy}>
          {t('training.calendar.copy')}
        </Button>
        <a className="btn btn-secondary" href={full.replace(/^https?:/, 'webcal:')}>
          {t('training.calendar.open')}
        </a>
      </div>
      <Notice message={notice} />
    </div>
  );
}
