import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useTeamSpace } from '../../../api/inquiry';
import { meetingApi, useTeamMeetings } from '../../../api/meetings';
import { Loading, RequestError } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { TextAreaField, TextField } from '../../../components/Field';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDateTime } from '../../../i18n';
import { NotThere } from '../common';
import '../inquiry.css';
import './meetings.css';

/** A team's meetings, the latest first: the team page can include it (members only). */
export function TeamMeetings({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const q = useTeamMeetings(teamId);
  if (q.isPending) return <Loading />;
  if (q.error) return <RequestError error={q.error} />;
  if (q.data.items.length === 0) return <p className="muted">{t('meetings.none')}</p>;
  return (
    <ul className="inquiry-cards meeting-list" aria-label={t('meetings.title')}>
      {q.data.items.map((m) => (
        <li key={m.id} className="inquiry-card">
          <h3>
            <Link to={`/moede/${m.id}`} className="stretched-link">
              {m.title}
            </Link>
          </h3>
          <p className="inquiry-card-facts">
            <span className={`badge meeting-state-${m.state}`}>{t(`meetings.states.${m.state}`)}</span>
            <span>{formatDateTime(m.startsAt)}</span>
            {m.facilitator && (
              <span>
                {t('meetings.roles.facilitator')}: {m.facilitator.name}
              </span>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** "2026-12-10T13:00" for a datetime-local field, in this device's time. */
export function localInput(iso: string) {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function NewMeeting({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const soon = new Date(Date.now() + 86400_000);
  soon.setMinutes(0, 0, 0);
  const [title, setTitle] = useState(t('meetings.defaultTitle'));
  const [when, setWhen] = useState(localInput(soon.toISOString()));
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const m = await meetingApi.create(teamId, { title, startsAt: new Date(when).toISOString(), purpose });
      navigate(`/moede/${m.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <form className="inquiry-section meeting-form" onSubmit={submit} aria-labelledby="new-meeting">
      <h2 id="new-meeting">{t('meetings.new')}</h2>
      {error ? <RequestError error={error} /> : null}
      <TextField
        label={t('meetings.fields.title')}
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextField
        label={t('meetings.fields.startsAt')}
        type="datetime-local"
        value={when}
        onChange={(e) => setWhen(e.target.value)}
      />
      <TextAreaField
        label={t('meetings.fields.purpose')}
        optional
        rows={3}
        maxLength={4000}
        value={purpose}
        onChange={(e) => setPurpose(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('meetings.create')}
      </button>
    </form>
  );
}

/** /team/:teamId/moeder — the team's meetings and a new one. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { teamId = '' } = useParams();
  const space = useTeamSpace(teamId);
  const name = space.data?.team.name ?? '';
  usePageTitle(t('meetings.teamTitle', { team: name }));
  if (space.isPending) return <Loading />;
  if (space.error || !space.data.member)
    return <NotThere back="/team" backLabel={t('meetings.backToTeam')} />;
  return (
    <div className="page-narrow">
      <Breadcrumbs items={[{ to: `/team/${teamId}`, label: name }, { label: t('meetings.title') }]} />
      <h1>{t('meetings.teamTitle', { team: name })}</h1>
      <p className="lead">{t('meetings.intro')}</p>
      <TeamMeetings teamId={teamId} />
      <NewMeeting teamId={teamId} />
    </div>
  );
}
