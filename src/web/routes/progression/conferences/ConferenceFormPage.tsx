import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PROGRESSION_LIMITS } from '../../../../shared/progression';
import { ApiError } from '../../../api/client';
import {
  type Conference,
  type ConferenceList,
  type ConferenceWrite,
  createConference,
  updateConference,
  useConference,
  useConferences,
  useProgressionRefresh,
} from '../../../api/progression';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { QueryView } from '../../../components/QueryView';
import { useForm } from '../../../components/useForm';
import { usePageTitle } from '../../../components/usePageTitle';
import type { WordsT } from '../../../i18n/words';
import { formatDay, useProgressionWords } from '../status';
import { ConferenceCrumbs, PreviousBody } from './ConferencesPage';
import { Snapshot } from './Snapshot';
import '../progression.css';

/** /progression/grupper/:id/samtaler/ny and …/samtaler/:conferenceId — write a læringssamtale, see its snapshot. */
export function ConferenceFormPage() {
  const { id, conferenceId } = useParams();
  const list = useConferences(id);
  const conference = useConference(conferenceId);
  const both = {
    isPending: list.isPending || (!!conferenceId && conference.isPending),
    isError: list.isError || conference.isError,
    error: list.error ?? conference.error,
    data: list.data,
  };
  return (
    <div className="page">
      <QueryView query={both}>
        {(data) => (
          <ConferenceForm key={conference.data?.id ?? 'new'} list={data} conference={conference.data} />
        )}
      </QueryView>
    </div>
  );
}

const FIELDS = [
  'heldOn',
  'focus',
  'why',
  'resourcePersonId',
  'participants',
  'decisions',
  'followUp',
  'previousOutcome',
] as const;

function ConferenceForm({ list, conference }: { list: ConferenceList; conference: Conference | undefined }) {
  const { t } = useProgressionWords(list.institution);
  const title = conference
    ? t('progression.conferences.editTitle', { day: formatDay(conference.heldOn) })
    : t('progression.conferences.new');
  usePageTitle(`${title}: ${list.group.name}`);
  const navigate = useNavigate();
  const refresh = useProgressionRefresh();
  const form = useForm(FIELDS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  // A new conference starts from the previous one's decisions and follow-up: how did it go?
  const previous = conference ? null : list.previous;
  const max = PROGRESSION_LIMITS.conferenceText;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(null);
    const data = new FormData(e.currentTarget);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const body: ConferenceWrite = {
      version: conference?.version ?? 0,
      heldOn: text('heldOn'),
      focus: text('focus'),
      why: text('why'),
      resourcePersonId: text('resourcePersonId') || null,
      participants: text('participants'),
      decisions: text('decisions'),
      followUp: text('followUp'),
      previousOutcome: text('previousOutcome'),
    };
    if (
      form.invalid({
        heldOn: body.heldOn ? undefined : t('progression.conferences.dayMissing'),
        focus: body.focus ? undefined : t('progression.conferences.focusMissing'),
      })
    )
      return;
    setBusy(true);
    try {
      if (conference) {
        await updateConference(conference.id, body);
        await refresh();
        setSaved(t('progression.conferences.saved'));
      } else {
        const made = await createConference(list.group.id, body);
        await refresh();
        navigate(`/progression/grupper/${list.group.id}/samtaler/${made.id}`, { replace: true });
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'progression.stale') setStale(true);
      form.failed(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ConferenceCrumbs list={list} t={t} last={title} />
      <h1>
        {title}: {list.group.name}
      </h1>
      {previous && (
        <section className="card prog-previous" aria-labelledby="prog-prev-h">
          <h2 id="prog-prev-h">
            {t('progression.conferences.previous', { day: formatDay(previous.heldOn) })}
          </h2>
          <PreviousBody previous={previous} t={t} />
        </section>
      )}
      <form ref={form.formRef} onSubmit={submit} noValidate className="card prog-conference-form">
        <ErrorAlert message={form.summary}>
          {stale && (
            <>
              {' '}
              <Button variant="link" onClick={() => window.location.reload()}>
                {t('progression.conferences.reload')}
              </Button>
            </>
          )}
        </ErrorAlert>
        {(previous || conference?.previousOutcome) && (
          <TextAreaField
            name="previousOutcome"
            label={t('progression.conferences.previousOutcome')}
            hint={t('progression.conferences.previousOutcomeHint')}
            optional
            rows={3}
            maxLength={max}
            defaultValue={conference?.previousOutcome ?? ''}
            error={form.errors.previousOutcome}
          />
        )}
        <TextField
          name="heldOn"
          type="date"
          label={t('progression.conferences.heldOn')}
          className="field-narrow"
          defaultValue={conference?.heldOn ?? new Date().toISOString().slice(0, 10)}
          error={form.errors.heldOn}
        />
        <TextAreaField
          name="focus"
          label={t('progression.conferences.focus')}
          hint={t('progression.conferences.focusHint')}
          rows={2}
          maxLength={max}
          defaultValue={conference?.focus ?? ''}
          error={form.errors.focus}
        />
        <TextAreaField
          name="why"
          label={t('progression.conferences.why')}
          optional
          rows={3}
          maxLength={max}
          defaultValue={conference?.why ?? ''}
          error={form.errors.why}
        />
        <SelectField
          name="resourcePersonId"
          label={t('progression.conferences.resourcePerson')}
          optional
          defaultValue={conference?.resourcePerson?.id ?? ''}
          error={form.errors.resourcePersonId}
        >
          <option value="">{t('progression.conferences.noResourcePerson')}</option>
          {list.resourcePersons.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          name="participants"
          label={t('progression.conferences.participants')}
          hint={t('progression.conferences.participantsHint')}
          optional
          rows={2}
          maxLength={max}
          defaultValue={conference?.participants ?? ''}
          error={form.errors.participants}
        />
        <TextAreaField
          name="decisions"
          label={t('progression.conferences.decisions')}
          hint={t('progression.conferences.decisionsHint')}
          optional
          maxLength={max}
          defaultValue={conference?.decisions ?? ''}
          error={form.errors.decisions}
        />
        <TextAreaField
          name="followUp"
          label={t('progression.conferences.followUp')}
          hint={t('progression.conferences.followUpHint')}
          optional
          rows={3}
          maxLength={max}
          defaultValue={conference?.followUp ?? ''}
          error={form.errors.followUp}
        />
        <p className="hint">{t('progression.conferences.noNames')}</p>
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t(conference ? 'progression.conferences.save' : 'progression.conferences.create')}
          </Button>
        </div>
        <Notice message={saved} />
      </form>
      {conference ? (
        <Snapshot snapshot={conference.snapshot} t={t} />
      ) : (
        <p className="hint">{t('progression.conferences.snapshotOnCreate')}</p>
      )}
      <CreatedBy conference={conference} t={t} />
    </>
  );
}

function CreatedBy({ conference, t }: { conference: Conference | undefined; t: WordsT }) {
  if (!conference?.createdBy) return null;
  return (
    <p className="muted">{t('progression.conferences.createdBy', { name: conference.createdBy.name })}</p>
  );
}
