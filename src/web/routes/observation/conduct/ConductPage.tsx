import { useEffect, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useVisitForConduct, type VisitDetail } from '../../../api/observation';
import { useMe } from '../../../api/people';
import { Loading, RequestError } from '../../../components/Alert';
import { usePageTitle } from '../../../components/usePageTitle';
import { useWords } from '../../../i18n/words';
import { answerKey } from '../../../offline/db';
import { visitTitle } from '../visits/VisitBits';
import { SyncStatus, Timer } from './ConductBar';
import { ItemInput } from './ConductItems';
import { PupilSetup, PupilStep } from './ConductPupils';
import { ConductSummary } from './ConductSummary';
import { useConductDraft } from './draft';
import { pupilQuestions, type Step, stepsOf, visitAreas } from './steps';
import '../observation.css';

/** /observation/besoeg/:id/gennemfoer — conduct a visit (or a self-observation) on a phone, also offline (O2). */
export function ConductPage() {
  const { id } = useParams();
  const { data: me } = useMe();
  const query = useVisitForConduct(id);
  const { t } = useWords(query.data?.visit.institution.id);
  const title = query.data ? visitTitle(t, query.data.visit) : t('observation.conduct.title');
  usePageTitle(title);
  if (query.isPending || !me) return <Loading />;
  if (query.isError) {
    const err = query.error;
    const notFound = err instanceof ApiError && (err.status === 404 || err.status === 403);
    const offline = err instanceof ApiError && (err.status === 0 || err.status >= 500);
    return (
      <div className="page-narrow">
        <h1>{notFound ? t('observation.visit.notFound') : t('observation.conduct.title')}</h1>
        {notFound ? (
          <p>{t('observation.visit.notFoundHelp')}</p>
        ) : offline ? (
          <p className="alert alert-warning">{t('observation.conduct.notOnDevice')}</p>
        ) : (
          <RequestError error={err} />
        )}
        <p>
          <Link to="/observation">{t('observation.backToHub')}</Link>
        </p>
      </div>
    );
  }
  const { visit, fromDevice } = query.data;
  if (!visit.can.record && !fromDevice)
    return (
      <div className="page-narrow">
        <h1>{title}</h1>
        <p className="alert alert-info">
          {visit.status === 'completed' || visit.status === 'cancelled'
            ? t(`observation.conduct.closed.${visit.status}`)
            : t('observation.conduct.notYours')}
        </p>
        <p>
          <Link to={`/observation/besoeg/${visit.id}`}>{t('observation.conduct.toVisit')}</Link>
        </p>
      </div>
    );
  return <ConductView ownerId={me.id} visit={visit} fromDevice={fromDevice} title={title} />;
}

function stepLabel(t: (k: string, o?: Record<string, unknown>) => string, step: Step): string {
  switch (step.kind) {
    case 'area':
      return t('observation.conduct.stepArea', { n: step.index + 1, total: step.total });
    case 'pupils':
      return t('observation.pupils.title');
    case 'pupil':
      return t('observation.pupils.stepPupil', { n: step.slot, total: step.count });
    default:
      return t('observation.summary.step');
  }
}

function ConductView({
  ownerId,
  visit,
  fromDevice,
  title,
}: {
  ownerId: string;
  visit: VisitDetail;
  fromDevice: boolean;
  title: string;
}) {
  const { t } = useWords();
  const navigate = useNavigate();
  const c = useConductDraft(ownerId, visit);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef<number | null>(null);
  const draft = c.draft;
  const stepIndex = draft?.step ?? 0;

  // A new step: focus its heading (screen readers hear where they are) and show it from the top.
  // (Not when the page opens at the step restored from the device.)
  const loaded = !!draft;
  useEffect(() => {
    if (!loaded) return;
    if (shownStep.current !== null && shownStep.current !== stepIndex) {
      heading.current?.focus();
      window.scrollTo({ top: 0 });
    }
    shownStep.current = stepIndex;
  }, [stepIndex, loaded]);

  // Finished and synced: the visit page shows what was recorded.
  const done = c.lastResult?.status === 'completed' || (draft?.complete && draft.syncedRev >= draft.rev);
  useEffect(() => {
    if (done && draft?.complete) navigate(`/observation/besoeg/${visit.id}`, { replace: true });
  }, [done, draft?.complete, navigate, visit.id]);

  if (!draft) return <Loading />;
  const steps = stepsOf(visit, draft);
  const at = Math.min(stepIndex, steps.length - 1);
  const step = steps[at];
  const questions = pupilQuestions(visitAreas(visit));

  const toggleTimer = () =>
    c.change((d) => {
      const now = new Date();
      if (d.runningSince)
        return {
          ...d,
          elapsedMs: d.elapsedMs + (now.getTime() - Date.parse(d.runningSince)),
          runningSince: null,
        };
      return { ...d, startedAt: d.startedAt ?? now.toISOString(), runningSince: now.toISOString() };
    });
  const finish = () =>
    c.change((d) => {
      const now = Date.now();
      const stopped = d.runningSince
        ? { elapsedMs: d.elapsedMs + (now - Date.parse(d.runningSince)), runningSince: null }
        : {};
      return { ...d, ...stopped, complete: true };
    });

  return (
    <div className="page obs-conduct">
      <header className="obs-conduct-head">
        <h1>{title}</h1>
        <p className="muted obs-conduct-meta">
          {[visit.classLabel, visit.subject].filter(Boolean).join(' · ')}
        </p>
        {/* Opened from the device without a connection: said until the connection is back (a sync reached
            Amongi, or the device is online and nothing waits). */}
        {fromDevice && !c.lastResult && !(c.sync.kind === 'synced' && navigator.onLine) && (
          <p className="obs-from-device">{t('observation.conduct.fromDevice')}</p>
        )}
        {c.storageError && <p className="alert alert-error">{t('observation.conduct.storageError')}</p>}
      </header>
      <div className="obs-conduct-bar">
        <Timer draft={draft} onToggle={toggleTimer} />
        <SyncStatus state={c.sync} onRetry={c.retry} />
      </div>

      <p className="obs-step-indicator">{stepLabel(t, step)}</p>
      <h2 ref={heading} tabIndex={-1} className="obs-step-title">
        {step.kind === 'area'
          ? step.area.title
          : step.kind === 'pupil'
            ? draft.pupilNumbers[step.slot - 1] === undefined
              ? t('observation.pupils.pupilNotDrawn') // the draw comes first: the body says so
              : t('observation.pupils.pupilTitle', { number: draft.pupilNumbers[step.slot - 1] })
            : step.kind === 'pupils'
              ? t('observation.pupils.setupTitle')
              : t('observation.summary.title')}
      </h2>

      <div className="obs-step-body">
        {step.kind === 'area' && (
          <>
            {step.area.description && <p className="muted">{step.area.description}</p>}
            {step.area.indicators.map((item) => (
              <ItemInput
                key={item.key}
                item={item}
                idSuffix="0"
                value={draft.answers[answerKey(item.key, 0)]?.value}
                onChange={(v) => c.answer(item.key, 0, v)}
              />
            ))}
          </>
        )}
        {step.kind === 'pupils' && (
          <PupilSetup
            draft={draft}
            pupilCount={visit.schema.definition.pupilCount}
            onPick={(classSize, pupilNumbers) => c.change((d) => ({ ...d, classSize, pupilNumbers }))}
          />
        )}
        {step.kind === 'pupil' && (
          <PupilStep slot={step.slot} draft={draft} questions={questions} onAnswer={c.answer} />
        )}
        {step.kind === 'summary' && (
          <ConductSummary visit={visit} draft={draft} steps={steps} onGoTo={c.goTo} onFinish={finish} />
        )}
      </div>

      <div className="field obs-notes">
        <label htmlFor="obs-notes">{t('observation.conduct.notes')}</label>
        <p className="hint" id="obs-notes-hint">
          {t('observation.conduct.notesHint')}
        </p>
        <textarea
          id="obs-notes"
          rows={4}
          value={draft.notes}
          aria-describedby="obs-notes-hint"
          onChange={(e) => {
            const notes = e.target.value;
            c.change((d) => ({ ...d, notes }));
          }}
        />
      </div>

      <nav className="obs-step-nav" aria-label={t('observation.conduct.stepsNav')}>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={at === 0}
          onClick={() => c.goTo(at - 1)}
        >
          {t('observation.conduct.previous')}
        </button>
        <span className="obs-step-count" aria-hidden="true">
          {at + 1}/{steps.length}
        </span>
        <button
          type="button"
          className="btn btn-primary"
          disabled={at === steps.length - 1}
          onClick={() => c.goTo(at + 1)}
        >
          {at === steps.length - 2 ? t('observation.conduct.toSummary') : t('observation.conduct.next')}
        </button>
      </nav>
    </div>
  );
}
