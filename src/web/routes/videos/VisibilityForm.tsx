import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIBILITIES, type Visibility, widerThan } from '../../../shared/constants';
import { useMe } from '../../api/people';
import { updateVideo, useVideoMutation, type VideoView } from '../../api/videos';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { RadioGroupField, SelectField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import type { StepMode } from './step';

/** Why a level cannot be chosen: no consent record yet, consent withdrawn, or consent for less. */
function limitReason(video: VideoView): string {
  const c = video.consent;
  if (!c) return 'visibility.needsConsent';
  if (c.withdrawnAt) return 'visibility.consentWithdrawn';
  return 'visibility.beyondConsent';
}

/**
 * Who may watch: the five levels, those beyond what the consent allows disabled with the reason. A card of its
 * own, or (with `step`) a step of the walk-through "Gør videoen klar", which gives the heading.
 */
export function VisibilityForm({ video, step }: { video: VideoView; step?: StepMode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [value, setValue] = useState<Visibility>(video.visibility);
  const [teamId, setTeamId] = useState(video.teamId ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm(['visibility', 'teamId'] as const);
  const save = useVideoMutation(video.id, (b: { visibility: Visibility; teamId: string | null }) =>
    updateVideo(video.id, b),
  );
  const widest = video.widestVisibility ?? 'private';
  // The server may narrow the visibility (consent withdrawn): the form follows.
  useEffect(() => {
    setValue(video.visibility);
    setTeamId(video.teamId ?? '');
  }, [video.visibility, video.teamId]);
  const teams = (me?.teams ?? []).filter((tm) => tm.institutionId === video.institutionId);

  const choices = VISIBILITIES.map((level) => {
    const beyond = widerThan(level, widest);
    const noTeam = level === 'team' && teams.length === 0;
    return {
      value: level,
      label: t(`visibility.${level}`),
      hint: beyond ? t(limitReason(video)) : noTeam ? t('visibility.noTeams') : t(`visibility.hint.${level}`),
      disabled: (beyond || noTeam) && level !== video.visibility,
    };
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (save.isPending) return;
    setNotice(null);
    if (form.invalid({ teamId: value === 'team' && !teamId ? t('visibility.chooseTeam') : undefined }))
      return;
    save.mutate(
      { visibility: value, teamId: value === 'team' ? teamId : null },
      {
        onSuccess: (v) => {
          if (step) return step.onSaved(v);
          setNotice(t('visibility.saved', { level: t(`visibility.${value}`) }));
        },
        onError: (err) => form.failed(err),
      },
    );
  }

  const body = (
    <>
      {widest !== 'public' && <p className="hint">{t('visibility.limitedBy')}</p>}
      <form ref={form.formRef} noValidate onSubmit={submit}>
        <ErrorAlert message={form.summary} />
        <Notice message={notice} />
        <RadioGroupField
          legend={t('visibility.legend')}
          name="visibility"
          value={value}
          onChange={(v) => {
            setValue(v);
            setNotice(null);
          }}
          choices={choices}
          error={form.errors.visibility}
        />
        {value === 'team' && (
          <SelectField
            label={t('visibility.team')}
            name="teamId"
            value={teamId}
            onChange={(e) => setTeamId(e.target.value)}
            error={form.errors.teamId}
          >
            <option value="" disabled>
              {t('common.choose')}
            </option>
            {teams.map((tm) => (
              <option key={tm.id} value={tm.id}>
                {tm.name}
              </option>
            ))}
          </SelectField>
        )}
        <div className="form-actions">
          <Button type="submit" busy={save.isPending}>
            {step ? step.submitLabel : t('visibility.save')}
          </Button>
          {step?.actions}
        </div>
      </form>
    </>
  );
  if (step) return body;
  return (
    <section className="card" aria-labelledby="visibility-heading">
      <h2 id="visibility-heading">{t('visibility.title')}</h2>
      {body}
    </section>
  );
}
