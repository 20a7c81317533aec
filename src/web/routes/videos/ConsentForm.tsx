import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIBILITIES, type Visibility } from '../../../shared/constants';
import { setConsent, useVideoMutation, type VideoView, videoKeys, withdrawConsent } from '../../api/videos';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialogs';
import { RadioGroupField, SelectField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { formatDateTime } from '../../i18n';
import type { StepMode } from './step';

type Answer = 'yes' | 'no';
const today = () => new Date().toISOString().slice(0, 10);

function Withdraw({ video, onDone }: { video: VideoView; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const withdraw = useVideoMutation(video.id, () => withdrawConsent(video.id));
  return (
    <ConfirmDialog
      triggerLabel={t('consent.withdraw')}
      title={t('consent.withdrawTitle')}
      confirmLabel={t('consent.withdrawConfirm')}
      onConfirm={async () => {
        await withdraw.mutateAsync(undefined);
        await qc.invalidateQueries({ queryKey: videoKeys.shares(video.id) });
        onDone(t('consent.withdrawn'));
      }}
    >
      <p>{t('consent.withdrawText')}</p>
    </ConfirmDialog>
  );
}

/**
 * The consent register for one video (I5): are there children in it, and what did their guardians allow. A card
 * of its own, or (with `step`) a step of the walk-through "Gør videoen klar", which gives the heading.
 */
export function ConsentForm({ video, step }: { video: VideoView; step?: StepMode }) {
  const { t } = useTranslation();
  const c = video.consent ?? null;
  const saved: Answer | null = c ? (c.pupilsAppear ? 'yes' : 'no') : null;
  const [answer, setAnswer] = useState<Answer | null>(saved);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm(['pupilsAppear', 'consentLevel', 'collectedBy', 'collectedOn'] as const);
  const save = useVideoMutation(video.id, (b: Parameters<typeof setConsent>[1]) => setConsent(video.id, b));
  useEffect(() => setAnswer(saved), [saved]);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (save.isPending) return;
    setNotice(null);
    const d = new FormData(e.currentTarget);
    const level = String(d.get('consentLevel') ?? '') as Visibility | '';
    const by = String(d.get('collectedBy') ?? '').trim();
    const on = String(d.get('collectedOn') ?? '');
    const yes = answer === 'yes';
    const errors = {
      pupilsAppear: answer ? undefined : t('consent.answerMissing'),
      consentLevel: yes && !level ? t('consent.levelMissing') : undefined,
      collectedBy: yes && !by ? t('consent.byMissing') : undefined,
      collectedOn: yes && (!on || on > today()) ? t('consent.dateMissing') : undefined,
    };
    if (form.invalid(errors)) return;
    save.mutate(
      yes
        ? { pupilsAppear: true, consentLevel: level || null, collectedBy: by, collectedOn: on }
        : { pupilsAppear: false },
      {
        onSuccess: (v) => {
          if (step) return step.onSaved(v);
          setNotice(t('consent.saved', { level: t(`visibility.${v.widestVisibility ?? 'private'}`) }));
        },
        onError: (err) => form.failed(err),
      },
    );
  }

  const body = (
    <>
      <p className="hint">{t('consent.intro')}</p>
      {c?.withdrawnAt && (
        <p className="alert alert-warning">
          {t('consent.withdrawnAt', { date: formatDateTime(c.withdrawnAt) })}
        </p>
      )}
      <form ref={form.formRef} noValidate onSubmit={submit}>
        <ErrorAlert message={form.summary} />
        <Notice message={notice} />
        <RadioGroupField
          legend={t('consent.question')}
          name="pupilsAppear"
          value={answer}
          onChange={(v) => {
            setAnswer(v);
            setNotice(null);
          }}
          choices={[
            { value: 'yes', label: t('consent.yes') },
            { value: 'no', label: t('consent.no'), hint: t('consent.noHint') },
          ]}
          error={form.errors.pupilsAppear}
        />
        {answer === 'yes' && (
          <>
            <SelectField
              label={t('consent.level')}
              hint={t('consent.levelHint')}
              name="consentLevel"
              defaultValue={c?.consentLevel ?? ''}
              error={form.errors.consentLevel}
            >
              <option value="" disabled>
                {t('common.choose')}
              </option>
              {VISIBILITIES.map((level) => (
                <option key={level} value={level}>
                  {t(`visibility.${level}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('consent.collectedBy')}
              hint={t('consent.collectedByHint')}
              name="collectedBy"
              maxLength={200}
              defaultValue={c?.collectedBy ?? ''}
              error={form.errors.collectedBy}
            />
            <TextField
              label={t('consent.collectedOn')}
              type="date"
              name="collectedOn"
              max={today()}
              defaultValue={c?.collectedOn ?? ''}
              error={form.errors.collectedOn}
            />
          </>
        )}
        <div className="form-actions">
          <Button type="submit" busy={save.isPending}>
            {step ? step.submitLabel : t('consent.save')}
          </Button>
          {step?.actions}
          {!step && c?.pupilsAppear && !c.withdrawnAt && <Withdraw video={video} onDone={setNotice} />}
        </div>
      </form>
    </>
  );
  if (step) return body;
  return (
    <section className="card" aria-labelledby="consent-heading">
      <h2 id="consent-heading">{t('consent.title')}</h2>
      {body}
    </section>
  );
}
