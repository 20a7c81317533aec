import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MEETING_MOVES, MEETING_ROLES } from '../../../../shared/inquiry';
import { ApiError } from '../../../api/client';
import { type Meeting, meetingApi, useMeeting, useMeetingAction } from '../../../api/meetings';
import { Loading, Notice, RequestError } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDateTime } from '../../../i18n';
import { formatDay, NotThere } from '../common';
import { localInput } from './MeetingsPage';
import '../inquiry.css';
import './meetings.css';

type Item = Meeting['agenda'][number];
const roleField = {
  facilitator: 'facilitatorId',
  timekeeper: 'timekeeperId',
  dataholder: 'dataholderId',
} as const;
let seq = 0;
const newItemId = () => `p${Date.now().toString(36)}-${(seq++).toString(36)}`;

/** The plan: title, time, purpose, agenda under the three leadership moves, roles; saved with its version. */
function Plan({ m }: { m: Meeting }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => fromMeeting(m));
  const [message, setMessage] = useState<string | null>(null);
  const save = useMeetingAction(m.id, () =>
    meetingApi.update(m.id, {
      version: m.version,
      title: draft.title,
      startsAt: new Date(draft.when).toISOString(),
      purpose: draft.purpose,
      notes: draft.notes,
      agenda: draft.agenda,
      facilitatorId: draft.facilitatorId || null,
      timekeeperId: draft.timekeeperId || null,
      dataholderId: draft.dataholderId || null,
    }),
  );
  // Another's save (or a live change) arrives with a new version: the form shows it when nothing is being typed.
  const [version, setVersion] = useState(m.version);
  useEffect(() => {
    if (m.version !== version && !save.isPending) {
      setVersion(m.version);
      setDraft(fromMeeting(m));
    }
  }, [m, version, save.isPending]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    save.mutate(undefined, {
      onSuccess: () => setMessage(t('meetings.saved')),
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'inquiry.stale') setMessage(t('meetings.stale'));
      },
    });
  };
  const setItem = (id: string, v: Partial<Item>) =>
    setDraft((d) => ({ ...d, agenda: d.agenda.map((i) => (i.id === id ? { ...i, ...v } : i)) }));
  const total = draft.agenda.reduce((n, i) => n + (i.minutes || 0), 0);
  return (
    <form onSubmit={submit} className="meeting-plan">
      <TextField
        label={t('meetings.fields.title')}
        maxLength={200}
        value={draft.title}
        onChange={(e) => setDraft({ ...draft, title: e.target.value })}
      />
      <TextField
        label={t('meetings.fields.startsAt')}
        type="datetime-local"
        value={draft.when}
        onChange={(e) => setDraft({ ...draft, when: e.target.value })}
      />
      <TextAreaField
        label={t('meetings.fields.purpose')}
        optional
        rows={3}
        maxLength={4000}
        value={draft.purpose}
        onChange={(e) => setDraft({ ...draft, purpose: e.target.value })}
      />

      <section className="inquiry-section" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t('meetings.agenda.heading')}</h2>
        <p className="hint">{t('meetings.agenda.hint')}</p>
        {MEETING_MOVES.map((move) => (
          <fieldset key={move} className={`meeting-move meeting-move-${move}`}>
            <legend>{t(`meetings.agenda.moves.${move}`)}</legend>
            <p className="hint">{t(`meetings.agenda.movesHint.${move}`)}</p>
            {draft.agenda
              .filter((i) => i.move === move)
              .map((i) => (
                <div key={i.id} className="agenda-item">
                  <TextField
                    label={t('meetings.agenda.item')}
                    maxLength={200}
                    value={i.title}
                    onChange={(e) => setItem(i.id, { title: e.target.value })}
                  />
                  <TextField
                    label={t('meetings.agenda.minutes')}
                    type="number"
                    min={0}
                    max={240}
                    className="agenda-minutes"
                    value={String(i.minutes)}
                    onChange={(e) => setItem(i.id, { minutes: Number(e.target.value) || 0 })}
                  />
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    aria-label={t('meetings.agenda.remove', { title: i.title })}
                    onClick={() => setDraft((d) => ({ ...d, agenda: d.agenda.filter((x) => x.id !== i.id) }))}
                  >
                    ✕
                  </button>
                </div>
              ))}
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() =>
                setDraft((d) => ({
                  ...d,
                  agenda: [
                    ...d.agenda,
                    { id: newItemId(), move, title: t(`meetings.agenda.moves.${move}`), minutes: 10 },
                  ],
                }))
              }
            >
              {t('meetings.agenda.add')}
            </button>
          </fieldset>
        ))}
        <p>{t('meetings.agenda.total', { count: total })}</p>
      </section>

      <section className="inquiry-section" aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t('meetings.roles.heading')}</h2>
        <p className="hint">{t('meetings.roles.hint')}</p>
        <div className="meeting-roles">
          {MEETING_ROLES.map((role) => (
            <SelectField
              key={role}
              label={t(`meetings.roles.${role}`)}
              optional
              value={draft[roleField[role]]}
              onChange={(e) => setDraft({ ...draft, [roleField[role]]: e.target.value })}
            >
              <option value="">{t('meetings.roles.nobody')}</option>
              {m.members.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
      </section>
      <TextAreaField
        label={t('meetings.fields.notes')}
        optional
        rows={4}
        maxLength={20000}
        value={draft.notes}
        onChange={(e) => setDraft({ ...draft, notes: e.target.value })}
      />
      {save.error && !(save.error instanceof ApiError && save.error.code === 'inquiry.stale') ? (
        <RequestError error={save.error} />
      ) : null}
      <Notice message={message} />
      <button type="submit" className="btn btn-primary" disabled={save.isPending}>
        {t('meetings.save')}
      </button>
    </form>
  );
}

const fromMeeting = (m: Meeting) => ({
  title: m.title,
  when: localInput(m.startsAt),
  purpose: m.purpose,
  notes: m.notes,
  agenda: m.agenda,
  facilitatorId: m.facilitator?.id ?? '',
  timekeeperId: m.timekeeper?.id ?? '',
  dataholderId: m.dataholder?.id ?? '',
});

function Decisions({ m }: { m: Meeting }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const add = useMeetingAction(m.id, (b: string) => meetingApi.decide(m.id, b));
  return (
    <section className="inquiry-section" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('meetings.decisions.heading')}</h2>
      {m.decisions.length === 0 ? (
        <p className="muted">{t('meetings.decisions.none')}</p>
      ) : (
        <ul>
          {m.decisions.map((d) => (
            <li key={d.id}>{d.body}</li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(body, { onSuccess: () => setBody('') });
        }}
      >
        <TextAreaField
          label={t('meetings.decisions.label')}
          rows={2}
          maxLength={2000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        {add.error ? <RequestError error={add.error} /> : null}
        <button type="submit" className="btn btn-secondary" disabled={add.isPending}>
          {t('meetings.decisions.add')}
        </button>
      </form>
    </section>
  );
}

function Actions({ m }: { m: Meeting }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState(m.members[0]?.id ?? '');
  const [dueOn, setDueOn] = useState('');
  const add = useMeetingAction(m.id, () =>
    meetingApi.addAction(m.id, { title, ownerId, dueOn: dueOn || null }),
  );
  return (
    <section className="inquiry-section" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('meetings.actions.heading')}</h2>
      {m.actions.length === 0 ? (
        <p className="muted">{t('meetings.actions.none')}</p>
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
      <form
        className="meeting-action-form"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(undefined, {
            onSuccess: () => {
              setTitle('');
              setDueOn('');
            },
          });
        }}
      >
        <TextField
          label={t('meetings.actions.label')}
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <SelectField
          label={t('meetings.actions.owner')}
          value={ownerId}
          onChange={(e) => setOwnerId(e.target.value)}
        >
          {m.members.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('meetings.actions.dueOn')}
          type="date"
          optional
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
        />
        {add.error ? <RequestError error={add.error} /> : null}
        <button type="submit" className="btn btn-secondary" disabled={add.isPending}>
          {t('meetings.actions.add')}
        </button>
      </form>
    </section>
  );
}

/** /moede/:id — plan the meeting, open meeting mode (screen, phone), decisions and action items, the minutes. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useMeeting(id);
  usePageTitle(q.data?.title);
  if (q.isPending) return <Loading />;
  if (q.error) return <NotThere back="/team" backLabel={t('meetings.backToTeam')} />;
  const m = q.data;
  return (
    <div className="page-narrow">
      <Breadcrumbs
        items={[
          { to: `/team/${m.team.id}`, label: m.team.name },
          { to: `/team/${m.team.id}/moeder`, label: t('meetings.title') },
          { label: m.title },
        ]}
      />
      <h1>{m.title}</h1>
      <p className="inquiry-card-facts">
        <span className={`badge meeting-state-${m.state}`}>{t(`meetings.states.${m.state}`)}</span>
        <span>{formatDateTime(m.startsAt)}</span>
        {m.cycle && (
          <Link to={`/forloeb/${m.cycle.id}`}>{t('meetings.cycle', { title: m.cycle.title })}</Link>
        )}
      </p>
      <nav className="meeting-modes" aria-label={t('meetings.modes.heading')}>
        <Link className="btn btn-primary" to={`/moede/${m.id}/skaerm`}>
          {t('meetings.modes.screen')}
        </Link>
        <Link className="btn btn-secondary" to={`/moede/${m.id}/telefon`}>
          {t('meetings.modes.phone')}
        </Link>
        <Link className="btn btn-secondary" to={`/moede/${m.id}/referat`}>
          {t('meetings.modes.minutes')}
        </Link>
      </nav>
      <Plan m={m} />
      <Decisions m={m} />
      <Actions m={m} />
    </div>
  );
}
