import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MEETING_MOVES, MEETING_ROLES } from '../../../../shared/inquiry';
import { useMinutes } from '../../../api/meetings';
import { Loading } from '../../../components/Alert';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDateTime } from '../../../i18n';
import { formatDay, NotThere } from '../common';
import './meetings.css';

/** /moede/:id/referat — the minutes, printable (the print stylesheet leaves out the menu and the buttons). */
export function MinutesPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useMinutes(id);
  usePageTitle(q.data ? t('meetings.minutes.title', { title: q.data.title }) : undefined);
  if (q.isPending) return <Loading />;
  if (q.error) return <NotThere back="/team" backLabel={t('meetings.backToTeam')} />;
  const m = q.data;
  return (
    <article className="page-narrow meeting-minutes">
      <p className="no-print">
        <Link to={`/moede/${m.id}`}>{t('meetings.backToMeeting')}</Link>{' '}
        <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
          {t('meetings.minutes.print')}
        </button>
      </p>
      <h1>{t('meetings.minutes.title', { title: m.title })}</h1>
      <p>
        {m.team.name} ·{' '}
        {m.startedAt
          ? t('meetings.minutes.held', { when: formatDateTime(m.startedAt) })
          : t('meetings.minutes.planned', { when: formatDateTime(m.startsAt) })}
      </p>
      <dl className="minutes-roles">
        {MEETING_ROLES.map((r) => (
          <div key={r}>
            <dt>{t(`meetings.roles.${r}`)}</dt>
            <dd>{m[r]?.name ?? t('meetings.roles.nobody')}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('meetings.minutes.purpose')}</h2>
      <p className="pre-wrap">{m.purpose || '—'}</p>
      <h2>{t('meetings.agenda.heading')}</h2>
      {MEETING_MOVES.map((move) => {
        const items = m.agenda.filter((i) => i.move === move);
        return items.length === 0 ? null : (
          <section key={move}>
            <h3>{t(`meetings.agenda.moves.${move}`)}</h3>
            <ul>
              {items.map((i) => (
                <li key={i.id}>
                  {i.title} ({i.minutes} min.)
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {m.rounds.length > 0 && <h2>{t('meetings.minutes.rounds')}</h2>}
      {m.rounds.map((r) => (
        <section key={r.id} className="minutes-round">
          <h3>{r.prompt}</h3>
          <ul>
            {r.contributions.map((c) => (
              <li key={c.id}>
                <strong>{c.author.name}:</strong> {c.body}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>{t('meetings.decisions.heading')}</h2>
      {m.decisions.length === 0 ? (
        <p>{t('meetings.decisions.none')}</p>
      ) : (
        <ul>
          {m.decisions.map((d) => (
            <li key={d.id}>{d.body}</li>
          ))}
        </ul>
      )}
      <h2>{t('meetings.actions.heading')}</h2>
      {m.actions.length === 0 ? (
        <p>{t('meetings.actions.none')}</p>
      ) : (
        <ul>
          {m.actions.map((a) => (
            <li key={a.id}>
              {a.title} — {a.owner?.name}
              {a.dueOn && <> · {t('meetings.actions.due', { day: formatDay(a.dueOn) })}</>}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('meetings.minutes.notes')}</h2>
      <p className="pre-wrap">{m.notes || t('meetings.minutes.noNotes')}</p>
    </article>
  );
}
