import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ageBandKind } from '../../../shared/vocabulary';
import { setMetadata, workflowStep } from '../../api/catalogue';
import { setSetup, updateVideo, useVideoMutation, type VideoView } from '../../api/videos';
import { ErrorAlert, RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { RadioGroupField, TextAreaField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { useWords } from '../../i18n/words';
import { MetadataFields, metadataBody, useMetadataCheck } from '../catalogue/MetadataDialog';
import { ConsentForm } from './ConsentForm';
import type { StepMode } from './step';
import { VisibilityForm } from './VisibilityForm';
import './walkthrough.css';

const STEPS = ['title', 'consent', 'visibility', 'describe', 'editors'] as const;
type Step = (typeof STEPS)[number];

/** The name the server gives a video uploaded without a title: the file name without its extension. */
const fileStem = (name: string) => name.replace(/\.[^.]{1,10}$/, '');
/** Whether the title is only the file's name (as uploaded, or as the upload page used to fill it in). */
function isFileTitle(title: string, file: string | undefined) {
  if (!file) return false;
  const t = title.trim().toLowerCase();
  const stem = fileStem(file);
  return [file, stem, stem.replace(/_+/g, ' ').trim()].some((n) => n.toLowerCase() === t);
}

/** Step 1: a title that says what the video shows (not the file name), and a description. */
function TitleStep({ video, step }: { video: VideoView; step: StepMode }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(isFileTitle(video.title, video.originalFilename) ? '' : video.title);
  const [description, setDescription] = useState(video.description);
  const form = useForm(['title', 'description'] as const);
  const save = useVideoMutation(video.id, (b: { title: string; description: string }) =>
    updateVideo(video.id, b),
  );

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (save.isPending) return;
    const clean = title.trim();
    const problem = !clean
      ? t('walkthrough.titleMissing')
      : isFileTitle(clean, video.originalFilename)
        ? t('walkthrough.titleIsFile')
        : undefined;
    if (form.invalid({ title: problem })) return;
    save.mutate(
      { title: clean, description: description.trim() },
      { onSuccess: step.onSaved, onError: (err) => form.failed(err) },
    );
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={submit}>
      <ErrorAlert message={form.summary} />
      <TextField
        label={t('walkthrough.titleLabel')}
        hint={
          <>
            {t('walkthrough.titleHint')}
            {video.originalFilename && <> {t('walkthrough.fileWas', { name: video.originalFilename })}</>}
          </>
        }
        name="title"
        maxLength={200}
        autoComplete="off"
        value={title}
        error={form.errors.title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextAreaField
        label={t('walkthrough.descriptionLabel')}
        hint={t('walkthrough.descriptionHint')}
        name="description"
        optional
        rows={3}
        maxLength={5000}
        value={description}
        error={form.errors.description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" busy={save.isPending}>
          {step.submitLabel}
        </Button>
        {step.actions}
      </div>
    </form>
  );
}

/** Step 4: subject, age band, methods and pillars (all optional; the editors need the first two). */
function DescribeStep({ video, step }: { video: VideoView; step: StepMode }) {
  const { t } = useTranslation();
  const form = useForm(['subjectId', 'ageBand', 'methodIds', 'pillars'] as const);
  const check = useMetadataCheck();
  const save = useVideoMutation(video.id, (d: FormData) => setMetadata(video.id, metadataBody(d)));

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (save.isPending) return;
    const d = new FormData(e.currentTarget);
    if (form.invalid(check(d))) return;
    save.mutate(d, { onSuccess: step.onSaved, onError: (err) => form.failed(err) });
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={submit}>
      <p className="hint">{t('walkthrough.describeIntro')}</p>
      <ErrorAlert message={form.summary} />
      <MetadataFields video={video} errors={form.errors} />
      <div className="form-actions">
        <Button type="submit" busy={save.isPending}>
          {step.submitLabel}
        </Button>
        {step.actions}
      </div>
    </form>
  );
}

/** Step 5: send it to the editors (if it may and they could publish it), then finish the walk-through. */
function EditorsStep({
  video,
  actions,
  onFinished,
}: {
  video: VideoView;
  actions: ReactNode;
  onFinished: (submitted: boolean) => void;
}) {
  const { t } = useTranslation();
  const c = video.catalogue;
  const [answer, setAnswer] = useState<'yes' | 'no' | null>(null);
  const form = useForm(['send'] as const);
  const submit = useVideoMutation(video.id, () => workflowStep(video.id, 'submit'));
  const finish = useVideoMutation(video.id, () => setSetup(video.id, 'finished'));
  const canEnter =
    c.editorialState === 'none' || c.editorialState === 'draft' || c.editorialState === 'returned';
  const offer = c.canSubmit && canEnter;
  const reason =
    video.visibility === 'private'
      ? t('walkthrough.editorsPrivate')
      : video.status !== 'ready'
        ? t('walkthrough.editorsNotReady')
        : undefined;
  // The server would refuse a submission now: a chosen "yes" falls back to no choice.
  useEffect(() => {
    if (reason && answer === 'yes') setAnswer(null);
  }, [reason, answer]);

  async function done(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (submit.isPending || finish.isPending) return;
    if (offer && form.invalid({ send: answer ? undefined : t('walkthrough.editorsChoose') })) return;
    try {
      if (offer && answer === 'yes') await submit.mutateAsync(undefined);
      await finish.mutateAsync(undefined);
      onFinished(offer && answer === 'yes');
    } catch (err) {
      form.failed(err);
    }
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={done}>
      <p className="hint">{t('walkthrough.editorsIntro')}</p>
      <ErrorAlert message={form.summary} />
      {offer ? (
        <>
          <RadioGroupField
            legend={t('walkthrough.editorsLegend')}
            name="send"
            value={answer}
            onChange={(v) => {
              setAnswer(v);
              form.reset();
            }}
            error={form.errors.send}
            choices={[
              {
                value: 'yes',
                label: t('walkthrough.editorsYes'),
                hint: reason,
                disabled: !!reason,
              },
              { value: 'no', label: t('walkthrough.editorsNo'), hint: t('walkthrough.editorsNoHint') },
            ]}
          />
          {answer === 'yes' && video.widestVisibility !== 'public' && (
            <p className="alert alert-warning">{t('walkthrough.editorsConsent')}</p>
          )}
        </>
      ) : (
        <p>{t(`walkthrough.editorsState.${c.editorialState}`)}</p>
      )}
      <Summary video={video} />
      <div className="form-actions">
        <Button type="submit" busy={submit.isPending || finish.isPending}>
          {t('walkthrough.finish')}
        </Button>
        {actions}
      </div>
    </form>
  );
}

/** What has been saved so far, before finishing. */
function Summary({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  const c = video.catalogue;
  // "Læreplanstema" for a video for the youngest, "Fag" for a school's (vocabulary.ts).
  const words = useWords(null, ageBandKind(c.ageBand));
  const none = t('walkthrough.notSet');
  const consent = !video.consent
    ? none
    : video.consent.pupilsAppear
      ? t('walkthrough.consentUpTo', { level: t(`visibility.short.${video.widestVisibility ?? 'private'}`) })
      : t('walkthrough.noPupils');
  return (
    <div className="setup-summary">
      <h4>{t('walkthrough.summary')}</h4>
      <dl>
        <div>
          <dt>{t('walkthrough.titleLabel')}</dt>
          <dd className="break">{video.title}</dd>
        </div>
        <div>
          <dt>{t('walkthrough.steps.consent')}</dt>
          <dd>{consent}</dd>
        </div>
        <div>
          <dt>{t('walkthrough.steps.visibility')}</dt>
          <dd>{t(`visibility.short.${video.visibility}`)}</dd>
        </div>
        <div>
          <dt>{words.t('catalogue.fields.subject')}</dt>
          <dd>{c.subject?.label ?? none}</dd>
        </div>
        <div>
          <dt>{t('catalogue.fields.ageBand')}</dt>
          <dd>{c.ageBand ? t(`catalogue.ageBand.${c.ageBand}`) : none}</dd>
        </div>
      </dl>
    </div>
  );
}

/** A step is done when what it asks for is saved on the server. */
function savedSteps(v: VideoView): Set<Step> {
  const done = new Set<Step>();
  if (!isFileTitle(v.title, v.originalFilename)) done.add('title');
  if (v.consent) done.add('consent');
  if (v.consent && v.visibility !== 'private') done.add('visibility');
  if (v.catalogue.subject || v.catalogue.ageBand || v.catalogue.methods.length) done.add('describe');
  if (v.catalogue.editorialState !== 'none') done.add('editors');
  return done;
}

/**
 * "Gør videoen klar" (issue 15): at the top of the owner's video page after an upload, five steps — title,
 * who is in it (consent), who may watch, what it is about, and the editors — each saved through the same API as
 * the forms further down. Shown until the owner finishes or closes it; that is kept on the server, so it is
 * gone on every device. All steps stay mounted (only the current one shown), so nothing typed is lost going
 * back and forth; focus moves to the step's heading, which says "Trin 2 af 5".
 */
export function SetupWizard({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(0);
  const [visited, setVisited] = useState<Set<Step>>(new Set());
  const [closed, setClosed] = useState<'finished' | 'submitted' | 'dismissed' | null>(null);
  const headings = useRef<(HTMLHeadingElement | null)[]>([]);
  const top = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const wasOpen = useRef(video.setup === 'open');
  const dismiss = useVideoMutation(video.id, () => setSetup(video.id, 'dismissed'));
  const open = video.setup === 'open';

  // Focus follows the step (not on the first showing: the page's own heading comes first).
  useEffect(() => {
    if (moved.current) headings.current[current]?.focus();
  }, [current]);
  // Opened again from the settings: from the first step, focus on the walk-through's heading.
  useEffect(() => {
    if (open && !wasOpen.current) {
      setClosed(null);
      setCurrent(0);
      top.current?.focus();
    }
    wasOpen.current = open;
  }, [open]);
  // Finished or closed here: focus on what says so.
  useEffect(() => {
    if (closed) top.current?.focus();
  }, [closed]);

  if (!open) {
    if (!closed) return null;
    return (
      <section className="card setup-done" aria-labelledby="setup-heading">
        <h2 id="setup-heading" ref={top} tabIndex={-1}>
          {t(closed === 'dismissed' ? 'walkthrough.closedTitle' : 'walkthrough.doneTitle')}
        </h2>
        {closed === 'submitted' && <p>{t('walkthrough.doneSubmitted')}</p>}
        <p>{t(closed === 'dismissed' ? 'walkthrough.dismissHint' : 'walkthrough.doneText')}</p>
      </section>
    );
  }

  const saved = savedSteps(video);
  const go = (i: number) => {
    moved.current = true;
    setCurrent(i);
  };
  const next = (i: number) => () => {
    setVisited((s) => new Set(s).add(STEPS[i]));
    go(Math.min(i + 1, STEPS.length - 1));
  };
  const back = (i: number) =>
    i > 0 ? (
      <Button variant="secondary" onClick={() => go(i - 1)}>
        {t('walkthrough.back')}
      </Button>
    ) : null;
  const mode = (i: number): StepMode => ({
    submitLabel: t('walkthrough.next'),
    onSaved: next(i),
    actions: back(i),
  });

  return (
    <section className="card setup-wizard" aria-labelledby="setup-heading">
      <div className="setup-head">
        <h2 id="setup-heading" ref={top} tabIndex={-1}>
          {t('walkthrough.title')}
        </h2>
        <Button
          variant="link"
          busy={dismiss.isPending}
          onClick={() => dismiss.mutate(undefined, { onSuccess: () => setClosed('dismissed') })}
        >
          {t('walkthrough.dismiss')}
        </Button>
      </div>
      <p className="hint">{t('walkthrough.intro')}</p>
      {video.status !== 'ready' && <p className="hint">{t('walkthrough.processing')}</p>}
      <RequestError error={dismiss.error} />
      <nav aria-label={t('walkthrough.stepsLabel')}>
        <ol className="setup-steps">
          {STEPS.map((s, i) => {
            const done = saved.has(s) || visited.has(s);
            return (
              <li key={s} className={`${i === current ? 'is-current' : ''}${done ? ' is-done' : ''}`}>
                <button type="button" aria-current={i === current ? 'step' : undefined} onClick={() => go(i)}>
                  <span className="setup-step-number" aria-hidden="true">
                    {done && i !== current ? '✓' : i + 1}
                  </span>
                  <span className="setup-step-label">
                    <span className="sr-only">
                      {t('walkthrough.progress', { step: i + 1, count: STEPS.length })}:{' '}
                    </span>
                    {t(`walkthrough.steps.${s}`)}
                    {done && <span className="sr-only"> ({t('walkthrough.stepSaved')})</span>}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      {STEPS.map((s, i) => (
        <div key={s} className="setup-step" hidden={i !== current}>
          <h3
            ref={(el) => {
              headings.current[i] = el;
            }}
            tabIndex={-1}
          >
            <span className="setup-count">
              {t('walkthrough.progress', { step: i + 1, count: STEPS.length })}
            </span>{' '}
            {t(`walkthrough.headings.${s}`)}
          </h3>
          {s === 'title' && <TitleStep video={video} step={mode(i)} />}
          {s === 'consent' && <ConsentForm video={video} step={mode(i)} />}
          {s === 'visibility' && <VisibilityForm video={video} step={mode(i)} />}
          {s === 'describe' && <DescribeStep video={video} step={mode(i)} />}
          {s === 'editors' && (
            <EditorsStep
              video={video}
              actions={back(i)}
              onFinished={(submitted) => setClosed(submitted ? 'submitted' : 'finished')}
            />
          )}
        </div>
      ))}
    </section>
  );
}
