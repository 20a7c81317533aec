import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_PLACE_MAX } from '../../../../shared/training';
import {
  addSession,
  type CourseDetail,
  type CourseSession,
  deleteSession,
  type SessionInput,
  updateSession,
  useCourseRefresh,
} from '../../../api/training';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/Dialogs';
import { TextField } from '../../../components/Field';
import { useForm } from '../../../components/useForm';
import { useSingleFlight } from '../useSingleFlight';
import { formatSessionTime } from './CourseBits';
import { SessionItem, SessionsList } from './SessionsList';
import { fromLocalParts, toLocalParts } from './time';

const FIELDS = ['date', 'start', 'end', 'place', 'onlineUrl', 'startsAt', 'endsAt'] as const;

/** Date, start and end time, place and online link; for a new session or to change one. */
function SessionForm({
  session,
  onSave,
  onCancel,
  submitLabel,
}: {
  session?: CourseSession;
  onSave: (body: SessionInput) => Promise<unknown>;
  onCancel?: () => void;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const form = useForm(FIELDS);
  const once = useSingleFlight();
  const headingId = useId();
  const start = session ? toLocalParts(session.startsAt) : null;
  const end = session ? toLocalParts(session.endsAt) : null;
  const save = useMutation({ mutationFn: onSave, onError: (err) => form.failed(err) });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const data = new FormData(formEl);
    const get = (k: string) => String(data.get(k) ?? '').trim();
    const startsAt = fromLocalParts(get('date'), get('start'));
    const endsAt = fromLocalParts(get('date'), get('end'));
    const place = get('place');
    const onlineUrl = get('onlineUrl');
    const errors = {
      date: /^\d{4}-\d{2}-\d{2}$/.test(get('date')) ? undefined : t('training.sessions.dateRequired'),
      start: startsAt ? undefined : t('training.sessions.timeRequired'),
      end: !endsAt
        ? t('training.sessions.timeRequired')
        : startsAt && endsAt <= startsAt
          ? t('training.sessions.endAfterStart')
          : undefined,
      place: place || onlineUrl ? undefined : t('training.sessions.placeRequired'),
      onlineUrl:
        !onlineUrl || /^https?:\/\/\S+$/i.test(onlineUrl) ? undefined : t('training.sessions.urlInvalid'),
    };
    if (form.invalid(errors) || !startsAt || !endsAt) return;
    once(async () => {
      await save.mutateAsync({ startsAt, endsAt, place, ...(onlineUrl ? { onlineUrl } : {}) });
      form.reset();
      if (!session) formEl.reset();
    });
  }
  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={submit}
      className="training-session-form"
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>{session ? t('training.sessions.editTitle') : t('training.sessions.addTitle')}</h3>
      <ErrorAlert message={form.summary} />
      <div className="form-row">
        <TextField
          label={t('training.sessions.date')}
          name="date"
          type="date"
          defaultValue={start?.date}
          error={form.errors.date}
        />
        <TextField
          label={t('training.sessions.start')}
          name="start"
          type="time"
          defaultValue={start?.time}
          error={form.errors.start ?? form.errors.startsAt}
          className="field-narrow"
        />
        <TextField
          label={t('training.sessions.end')}
          name="end"
          type="time"
          defaultValue={end?.time}
          error={form.errors.end ?? form.errors.endsAt}
          className="field-narrow"
        />
      </div>
      <TextField
        label={t('training.sessions.place')}
        hint={t('training.sessions.placeHint')}
        name="place"
        defaultValue={session?.place ?? ''}
        maxLength={SESSION_PLACE_MAX}
        optional
        error={form.errors.place}
      />
      <TextField
        label={t('training.sessions.online')}
        hint={t('training.sessions.onlineHint')}
        name="onlineUrl"
        type="url"
        defaultValue={session?.onlineUrl ?? ''}
        optional
        error={form.errors.onlineUrl}
      />
      <div className="form-actions">
        <Button type="submit" busy={save.isPending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

/** The manager's sessions: each with Redigér and Slet, and a form to add one. */
export function SessionsEditor({ course: c }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const refresh = useCourseRefresh(c.id);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="training-sessions-editor">
      <Notice message={notice} />
      <SessionsList
        sessions={c.sessions}
        render={(s, n) =>
          editing === s.id ? (
            <li key={s.id} className="training-session">
              <SessionForm
                session={s}
                submitLabel={t('training.sessions.saveChange')}
                onCancel={() => setEditing(null)}
                onSave={async (body) => {
                  setNotice(null);
                  const next = await updateSession(c.id, s.id, body);
                  setEditing(null);
                  setNotice(t('training.sessions.changed', { n }));
                  await refresh(next);
                }}
              />
            </li>
          ) : (
            <SessionItem key={s.id} s={s} n={n}>
              <Button variant="secondary" onClick={() => setEditing(s.id)}>
                {t('common.edit')}
                <span className="sr-only"> {t('training.sessions.number', { n })}</span>
              </Button>
              <ConfirmDialog
                triggerLabel={t('common.delete')}
                triggerContext={t('training.sessions.number', { n })}
                title={t('training.sessions.deleteTitle', { n })}
                confirmLabel={t('training.sessions.deleteConfirm')}
                onConfirm={async () => {
                  setNotice(null);
                  const next = await deleteSession(c.id, s.id);
                  setNotice(t('training.sessions.deleted', { when: formatSessionTime(s) }));
                  await refresh(next);
                }}
              >
                <p>{t('training.sessions.deleteText', { when: formatSessionTime(s) })}</p>
              </ConfirmDialog>
            </SessionItem>
          )
        }
      />
      <SessionForm
        submitLabel={t('training.sessions.add')}
        onSave={async (body) => {
          setNotice(null);
          const next = await addSession(c.id, body);
          setNotice(t('training.sessions.added'));
          await refresh(next);
        }}
      />
    </div>
  );
}
