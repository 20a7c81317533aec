import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_LIMITS } from '../../../shared/conversations';
import { ApiError, errorMessage } from '../../api/client';
import {
  type ConversationDetail,
  type RecordChange,
  saveRecord,
  useConversationRefresh,
} from '../../api/conversations';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextAreaField, TextField } from '../../components/Field';
import { formatDateTime } from '../../i18n';
import { formatDay } from './format';

const TEXTS = ['followUp', 'reflections', 'focus', 'goals', 'efforts', 'nextStep'] as const;
type Text = (typeof TEXTS)[number];

/** "Sidst aftalte I …": the unit's previous agreement, for the follow-up. */
export function Previous({ previous }: { previous: NonNullable<ConversationDetail['previous']> }) {
  const { t } = useTranslation();
  return (
    <section className="card conv-previous" aria-labelledby="conv-previous">
      <h2 id="conv-previous">
        {t('conversations.previous.heading', {
          when: previous.heldOn ? formatDay(previous.heldOn) : previous.title,
        })}
      </h2>
      <dl className="conv-dl">
        {previous.focus && (
          <>
            <dt>{t('conversations.record.focus')}</dt>
            <dd>{previous.focus}</dd>
          </>
        )}
        {previous.goals && (
          <>
            <dt>{t('conversations.record.goals')}</dt>
            <dd>{previous.goals}</dd>
          </>
        )}
        {previous.nextStep && (
          <>
            <dt>{t('conversations.record.nextStep')}</dt>
            <dd>{previous.nextStep}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/**
 * The conversation's record, written by forvaltning and the unit's leaders together. Saved with the version the
 * writer started from: when the other side saved meanwhile, their text is shown and the writer's own is kept.
 */
export function RecordForm({ detail }: { detail: ConversationDetail }) {
  const { t } = useTranslation();
  const refresh = useConversationRefresh();
  const r = detail.record;
  const [base, setBase] = useState(r.version);
  const [heldOn, setHeldOn] = useState(r.heldOn ?? '');
  const [people, setPeople] = useState(r.participants);
  const [guests, setGuests] = useState(r.guests);
  const [texts, setTexts] = useState<Record<Text, string>>({
    followUp: r.followUp,
    reflections: r.reflections,
    focus: r.focus,
    goals: r.goals,
    efforts: r.efforts,
    nextStep: r.nextStep,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<{ path: string; message: string }[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const chosen = new Set(people.map((p) => p.id));
  const outside = people.filter((p) => !p.id || !detail.candidates.some((c) => c.id === p.id));

  async function save() {
    setBusy(true);
    setError(null);
    setNotice(null);
    const body: RecordChange = {
      version: base,
      heldOn: heldOn || null,
      participants: people,
      guests,
      ...texts,
    };
    try {
      const saved = await saveRecord(detail.id, body);
      await refresh(saved);
      setBase(saved.record.version);
      setTheirs([]);
      setNotice(t('conversations.record.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conversation.stale') {
        setError(err.message);
        setTheirs(err.details.filter((d) => d.message && d.path !== 'version'));
        const v = Number(err.details.find((d) => d.path === 'version')?.message);
        if (Number.isInteger(v)) setBase(v);
        await refresh();
      } else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack conv-record" aria-labelledby="conv-record">
      <h2 id="conv-record">{t('conversations.record.heading')}</h2>
      {r.updatedAt && (
        <p className="muted">
          {t('conversations.record.lastSaved', {
            when: formatDateTime(r.updatedAt),
            who: r.updatedBy?.name ?? '–',
          })}
        </p>
      )}
      <ErrorAlert message={error}>
        {theirs.length > 0 && (
          <dl className="conv-dl">
            {theirs.map((d) => (
              <div key={d.path}>
                <dt>{t(`conversations.record.${d.path}`, { defaultValue: d.path })}</dt>
                <dd>{d.message}</dd>
              </div>
            ))}
          </dl>
        )}
      </ErrorAlert>
      <Notice message={notice} />
      <TextField
        type="date"
        label={t('conversations.record.heldOn')}
        optional
        value={heldOn}
        onChange={(e) => setHeldOn(e.target.value)}
      />
      <fieldset className="conv-people">
        <legend>{t('conversations.record.participants')}</legend>
        {detail.candidates.map((c) => (
          <label key={c.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.has(c.id)}
              onChange={(e) =>
                setPeople(
                  e.target.checked
                    ? [...people, { id: c.id, name: c.name }]
                    : people.filter((p) => p.id !== c.id),
                )
              }
            />{' '}
            {c.name} <span className="muted">({t(`roles.${c.role}`, { defaultValue: c.role })})</span>
          </label>
        ))}
        {outside.map((p) => (
          <p key={`${p.id}-${p.name}`} className="muted">
            {p.name}
          </p>
        ))}
      </fieldset>
      <TextField
        label={t('conversations.record.guests')}
        hint={t('conversations.record.guestsHint')}
        optional
        value={guests}
        maxLength={CONVERSATION_LIMITS.guests}
        onChange={(e) => setGuests(e.target.value)}
      />
      {TEXTS.filter((k) => k !== 'followUp' || detail.previous || texts.followUp).map((k) => (
        <TextAreaField
          key={k}
          label={t(`conversations.record.${k}`)}
          hint={t(`conversations.record.${k}Hint`)}
          optional
          rows={k === 'reflections' ? 5 : 3}
          maxLength={CONVERSATION_LIMITS.text}
          value={texts[k]}
          onChange={(e) => setTexts({ ...texts, [k]: e.target.value })}
        />
      ))}
      <div className="form-actions">
        <Button busy={busy} onClick={save}>
          {t('conversations.record.save')}
        </Button>
      </div>
    </section>
  );
}
