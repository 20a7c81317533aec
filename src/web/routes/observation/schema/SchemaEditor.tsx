import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../../api/client';
import type { SchemaOverview } from '../../../api/observation';
import { saveSchema, useLeadRefresh, useSchemaOverview, useStarter } from '../../../api/observation-lead';
import { ErrorAlert, Loading, Notice, RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { RadioGroupField } from '../../../components/Field';
import { formatDateTime } from '../../../i18n';
import { useWords } from '../../../i18n/words';
import {
  type Draft,
  type DraftErrors,
  draftFrom,
  FOCUS_AREAS_MAX,
  move,
  newArea,
  serverPaths,
  toInput,
  validateDraft,
} from './draft';
import { SchemaAreaEditor } from './SchemaAreaEditor';
import { focusAfterMove } from './SchemaMoveButtons';

/** The version history: every saved version, newest first. */
function SchemaHistory({ overview }: { overview: SchemaOverview }) {
  const { t } = useWords();
  if (!overview.versions.length) return null;
  const versions = [...overview.versions].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="obsl-schema-history" className="obsl-history">
      <h3 id="obsl-schema-history">{t('observationLead.schema.history')}</h3>
      <p className="hint">{t('observationLead.schema.historyHint')}</p>
      <ul className="plain-list">
        {versions.map((v) => (
          <li key={v.id}>
            <strong>{t('observationLead.schema.versionN', { n: v.version })}</strong>
            {v.id === overview.current?.id && (
              <span className="badge badge-active">{t('observationLead.schema.current')}</span>
            )}{' '}
            <span className="muted">
              {v.createdBy
                ? t('observationLead.schema.savedBy', {
                    when: formatDateTime(v.createdAt),
                    who: v.createdBy.name,
                  })
                : formatDateTime(v.createdAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The form: focus areas with their items, the number of pupils, and saving as a new version. */
function SchemaForm({
  institutionId,
  initial,
  nextVersion,
  onCancel,
  onSaved,
}: {
  institutionId: string;
  initial: Draft;
  nextVersion: number;
  onCancel?: () => void;
  onSaved: (version: number) => void;
}) {
  const { t } = useWords(institutionId);
  const refresh = useLeadRefresh(institutionId);
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const save = useMutation({
    mutationFn: () => saveSchema(institutionId, toInput(draft)),
    onMutate: () => setSummary(null),
    onSuccess: async (v) => {
      setErrors({});
      onSaved(v.version);
      await refresh('schema');
    },
    onError: (err) => {
      const paths = err instanceof ApiError ? serverPaths(err.details) : [];
      setErrors(Object.fromEntries(paths.map((p) => [p, 'server'])));
      setSummary(errorMessage(err));
      focusFirstInvalid();
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length) {
      setSummary(t('observationLead.schema.fixErrors', { count: Object.keys(found).length }));
      focusFirstInvalid();
      return;
    }
    if (!save.isPending) save.mutate();
  }

  const setAreas = (focusAreas: Draft['focusAreas']) => setDraft({ ...draft, focusAreas });
  return (
    <form ref={formRef} noValidate onSubmit={submit} className="obsl-schema-form">
      <RadioGroupField
        legend={t('observationLead.schema.pupilCount')}
        hint={t('observationLead.schema.pupilCountHint')}
        name="pupilCount"
        value={String(draft.pupilCount) as '3' | '4'}
        onChange={(v) => setDraft({ ...draft, pupilCount: Number(v) })}
        choices={[
          { value: '3', label: t('observationLead.schema.pupils', { count: 3 }) },
          { value: '4', label: t('observationLead.schema.pupils', { count: 4 }) },
        ]}
      />
      {errors.focusAreas && (
        <p className="field-error">{t(`observationLead.schema.errors.${errors.focusAreas}`)}</p>
      )}
      <ol className="plain-list obsl-area-list">
        {draft.focusAreas.map((area, i) => (
          <SchemaAreaEditor
            key={area.id}
            area={area}
            index={i}
            count={draft.focusAreas.length}
            errors={errors}
            announce={setAnnouncement}
            onChange={(next) => setAreas(draft.focusAreas.map((a) => (a.id === area.id ? next : a)))}
            onMove={(delta) => {
              setAreas(move(draft.focusAreas, i, delta));
              focusAfterMove(area.id, delta);
              setAnnouncement(
                t('observationLead.schema.moved', { n: i + 1 + delta, count: draft.focusAreas.length }),
              );
            }}
            onRemove={() => {
              setAreas(draft.focusAreas.filter((a) => a.id !== area.id));
              setAnnouncement(t('observationLead.schema.removed'));
            }}
          />
        ))}
      </ol>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {draft.focusAreas.length < FOCUS_AREAS_MAX && (
        <Button
          variant="secondary"
          onClick={() => {
            const added = newArea();
            setAreas([...draft.focusAreas, added]);
            requestAnimationFrame(() =>
              document.getElementById(`${added.id}-heading`)?.parentElement?.querySelector('input')?.focus(),
            );
          }}
        >
          {t('observationLead.schema.addArea')}
        </Button>
      )}
      <div className="obsl-save">
        <ErrorAlert message={summary} />
        <p className="obsl-version-note">
          <strong>{t('observationLead.schema.versionNote', { n: nextVersion })}</strong>
        </p>
        <div className="form-actions">
          <Button type="submit" busy={save.isPending}>
            {t('observationLead.schema.save', { n: nextVersion })}
          </Button>
          {onCancel && (
            <Button variant="secondary" onClick={onCancel}>
              {t('observationLead.schema.cancel')}
            </Button>
          )}
        </div>
      </div>
    </form>
  );
}

/**
 * A learning conversation's agreed focus handed down (?fokus=…): added at the end as a new learning focus area of
 * the form's starting draft, for the leader to complete and save (nothing is saved by following the link).
 */
function useHandedFocus() {
  const [params] = useSearchParams();
  const focus = (params.get('fokus') ?? '').trim().slice(0, 200);
  const add = (d: Draft): Draft =>
    focus && d.focusAreas.length < FOCUS_AREAS_MAX && !d.focusAreas.some((a) => a.title === focus)
      ? { ...d, focusAreas: [...d.focusAreas, { ...newArea(), title: focus }] }
      : d;
  return { focus, add };
}

/** O1: the learning focus and observation schema of one institution, versioned. */
export function SchemaEditor({ institutionId }: { institutionId: string }) {
  const { t, kind } = useWords(institutionId);
  const handed = useHandedFocus();
  const overview = useSchemaOverview(institutionId);
  const empty = overview.isSuccess && !overview.data.current;
  const starter = useStarter(empty, kind);
  const [start, setStart] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const currentRef = useRef<HTMLParagraphElement>(null);
  const onSaved = (n: number) => {
    setNotice(t('observationLead.schema.saved', { n }));
    // The form starts over from the stored version; keep the keyboard where the leader can read what happened.
    setTimeout(() => currentRef.current?.focus(), 300);
  };
  // A new draft each time a version is saved, so the form starts from what is now stored (with its keys).
  const current = overview.data?.current;
  return (
    <section className="card obsl-section" aria-labelledby="obsl-schema">
      <h2 id="obsl-schema">{t('observationLead.schema.heading')}</h2>
      <p>{t('observationLead.schema.intro')}</p>
      <Notice message={notice} />
      {handed.focus && !notice && <Notice message={t('conversations.fromConversation')} />}
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <RequestError error={overview.error} />
      ) : current ? (
        <>
          <p className="obsl-current" ref={currentRef} tabIndex={-1}>
            {t('observationLead.schema.currentIs', {
              n: current.version,
              count: current.definition.focusAreas.length,
            })}
          </p>
          <SchemaForm
            key={current.id}
            institutionId={institutionId}
            initial={handed.add(draftFrom(current.definition))}
            nextVersion={current.version + 1}
            onSaved={onSaved}
          />
          <SchemaHistory overview={overview.data} />
        </>
      ) : start ? (
        <SchemaForm
          institutionId={institutionId}
          initial={start}
          nextVersion={1}
          onCancel={() => setStart(null)}
          onSaved={onSaved}
        />
      ) : (
        <div className="obsl-empty">
          <p>{t('observationLead.schema.none')}</p>
          <RequestError error={starter.isError ? starter.error : null} />
          <div className="page-actions">
            <Button
              busy={starter.isPending}
              onClick={() => starter.data && setStart(handed.add(draftFrom(starter.data.schema)))}
            >
              {t('observationLead.schema.useStarter')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => setStart(handed.add({ pupilCount: 3, focusAreas: [newArea()] }))}
            >
              {t('observationLead.schema.startEmpty')}
            </Button>
          </div>
          <p className="hint">{t('observationLead.schema.starterHint')}</p>
        </div>
      )}
    </section>
  );
}
