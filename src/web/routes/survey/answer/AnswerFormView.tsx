import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SURVEY_LIMITS } from '../../../../shared/survey';
import { Button } from '../../../components/Button';
import { currentLocale } from '../../../i18n';
import { formatDay } from '../results/format';
import { type AnswerForm, submitAnswer } from './api';
import {
  type Draft,
  deleteDraft,
  deviceStorage,
  hasAnswers,
  loadDraft,
  purgeOldDrafts,
  type ScaleAnswer,
  saveDraft,
} from './draft';
import { type AnswerProblem, answerProblem, isFinal } from './errors';
import { Later, ProblemMessage, Thanks } from './Outcomes';
import { ScaleQuestion, TextQuestion } from './Questions';
import { progressOf, stepsOf, submissionOf, unansweredIn } from './steps';

type Phase = { kind: 'answering' } | { kind: 'later' } | { kind: 'sent'; answeredOn: string };

/** The answer form: one dimension a step, saved on the device at every answer, sent once at the end. */
export function AnswerFormView({ form, token }: { form: AnswerForm; token: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const steps = useMemo(() => stepsOf(form.items), [form.items]);
  const storage = useMemo(deviceStorage, []);
  const [restored] = useState(() => {
    purgeOldDrafts(storage);
    return loadDraft(storage, token, form.roundId);
  });
  const [values, setValues] = useState<Draft['values']>(restored?.values ?? {});
  const [texts, setTexts] = useState<Draft['texts']>(restored?.texts ?? {});
  const [step, setStep] = useState(Math.min(restored?.step ?? 0, steps.length));
  const [saved, setSaved] = useState<'restored' | 'saved' | 'failed' | null>(
    restored && hasAnswers(restored) ? 'restored' : null,
  );
  const [phase, setPhase] = useState<Phase>({ kind: 'answering' });
  const [problem, setProblem] = useState<AnswerProblem | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // Every answer is kept on this device at once; nothing reaches the server before "Send".
  function keep(next: Partial<Pick<Draft, 'values' | 'texts' | 'step'>>) {
    const draft: Draft = {
      roundId: form.roundId,
      values: next.values ?? values,
      texts: next.texts ?? texts,
      step: next.step ?? step,
      savedAt: new Date().toISOString(),
    };
    if (!hasAnswers(draft)) return;
    setSaved(saveDraft(storage, token, draft) ? 'saved' : 'failed');
  }
  const answer = (itemId: string, v: ScaleAnswer) => {
    const next = { ...values, [itemId]: v };
    setValues(next);
    keep({ values: next });
  };
  const write = (itemId: string, v: string) => {
    const next = { ...texts, [itemId]: v };
    setTexts(next);
    keep({ texts: next });
  };
  const go = (to: number) => {
    moved.current = true;
    setStep(to);
    keep({ step: to });
  };

  // A new step: to its top, and its heading in focus so a screen reader starts there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    if (!moved.current) return;
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [step, phase.kind]);

  const send = useMutation({
    // Offline, react-query would hold the request back in silence; the person is told at once instead.
    networkMode: 'always',
    mutationFn: () =>
      submitAnswer(submissionOf(token, form.roundId, form.items, { values, texts }, SURVEY_LIMITS.freeText)),
    onMutate: () => setProblem(null),
    onSuccess: (receipt) => {
      deleteDraft(storage, token);
      moved.current = true;
      setPhase({ kind: 'sent', answeredOn: receipt.answeredOn });
    },
    onError: (err) => {
      const p = answerProblem(err);
      // A used link or a closed round: the draft can never be sent; it is not kept on the device.
      if (p === 'used' || p === 'closed') deleteDraft(storage, token);
      setProblem(p);
    },
  });

  if (phase.kind === 'sent') return <Thanks form={form} answeredOn={phase.answeredOn} headingRef={heading} />;
  if (phase.kind === 'later')
    return (
      <Later
        form={form}
        saved={saved !== 'failed'}
        headingRef={heading}
        onContinue={() => setPhase({ kind: 'answering' })}
      />
    );

  const progress = progressOf(form.items, values);
  const current = steps[step];
  const final = problem !== null && isFinal(problem);
  let number = steps.slice(0, step).reduce((n, s) => n + s.items.filter((i) => i.kind === 'scale').length, 0);

  return (
    <div className="sv-form">
      <p className="sv-round muted">
        {form.roundName} · {form.institutionName}
      </p>
      <div className="sv-promise">
        <p>
          <strong>{t('survey.answer.promiseTitle')}</strong> {t('survey.answer.promise')}
        </p>
      </div>
      <div className="sv-progress">
        <p id="sv-progress-label" className="progress-label">
          {current
            ? t('survey.answer.stepOf', { step: step + 1, steps: steps.length })
            : t('survey.answer.reviewStep')}{' '}
          · {t('survey.answer.answered', { answered: progress.answered, total: progress.total })}
        </p>
        <progress aria-labelledby="sv-progress-label" max={progress.total || 1} value={progress.answered} />
      </div>
      <p role="status" className="sv-saved">
        {saved === 'restored' && t('survey.answer.restored')}
        {saved === 'saved' && t('survey.answer.saved')}
        {saved === 'failed' && t('survey.answer.notSaved')}
      </p>
      {current ? (
        <section aria-labelledby="sv-step-heading">
          <h2 id="sv-step-heading" ref={heading} tabIndex={-1}>
            {t(`survey.dimension.${current.key}`)}
          </h2>
          <p className="muted">{t(`survey.dimensionIntro.${current.key}`)}</p>
          {current.items.map((item) =>
            item.kind === 'scale' ? (
              <ScaleQuestion
                key={item.id}
                item={item}
                number={++number}
                value={values[item.id]}
                onChange={(v) => answer(item.id, v)}
              />
            ) : (
              <TextQuestion
                key={item.id}
                item={item}
                value={texts[item.id] ?? ''}
                max={SURVEY_LIMITS.freeText}
                onChange={(v) => write(item.id, v)}
              />
            ),
          )}
          {unansweredIn(current, values).length > 0 && <p className="hint">{t('survey.answer.skipHint')}</p>}
          <div className="sv-nav">
            {step > 0 && (
              <Button variant="secondary" onClick={() => go(step - 1)}>
                {t('survey.answer.previous')}
              </Button>
            )}
            <Button className="sv-next" onClick={() => go(step + 1)}>
              {step + 1 < steps.length ? t('survey.answer.next') : t('survey.answer.toReview')}
            </Button>
          </div>
        </section>
      ) : (
        <section aria-labelledby="sv-step-heading">
          <h2 id="sv-step-heading" ref={heading} tabIndex={-1}>
            {t('survey.answer.reviewHeading')}
          </h2>
          <p>
            {t('survey.answer.reviewText', { answered: progress.answered, total: progress.total })}
            {progress.answered < progress.total && ` ${t('survey.answer.reviewMissing')}`}
          </p>
          <p className="muted">{t('survey.answer.closes', { day: formatDay(form.closesOn, locale) })}</p>
          <div
            role="alert"
            className={problem ? `alert ${final ? 'alert-error' : 'alert-warning'}` : 'alert-empty'}
          >
            {problem && <ProblemMessage problem={problem} sending />}
          </div>
          {!final && (
            <div className="sv-nav">
              <Button variant="secondary" onClick={() => go(steps.length - 1)}>
                {t('survey.answer.previous')}
              </Button>
              <Button className="sv-next" busy={send.isPending} onClick={() => send.mutate()}>
                {problem === 'offline' ? t('survey.answer.retry') : t('survey.answer.send')}
              </Button>
            </div>
          )}
        </section>
      )}
      {!final && (
        <p className="sv-later">
          <Button
            variant="link"
            onClick={() => {
              moved.current = true;
              setPhase({ kind: 'later' });
            }}
          >
            {t('survey.answer.later')}
          </Button>
        </p>
      )}
    </div>
  );
}
