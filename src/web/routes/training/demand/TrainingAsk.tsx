import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  askTraining,
  type MethodDemand,
  useDemandUpdate,
  useMethodDemand,
  withdrawTraining,
} from '../../../api/training';
import { Notice, RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/Field';
import { CourseLink } from '../courses/CourseBits';
import { useSingleFlight } from '../useSingleFlight';
import '../training.css';
import { demandText } from './wording';

/** A labelled bar of how many have asked toward the threshold. */
export function DemandProgress({ d }: { d: Pick<MethodDemand, 'count' | 'threshold' | 'missing'> }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    // Polite live region: the new count is read out after asking or withdrawing.
    <div className="training-progress" aria-live="polite" aria-atomic="true">
      <label htmlFor={id}>{demandText(t, d)}</label>
      <progress id={id} className="upload-bar" max={d.threshold} value={Math.min(d.count, d.threshold)} />
    </div>
  );
}

type Action = { kind: 'me' } | { kind: 'team'; teamId: string; teamName: string } | { kind: 'withdraw' };

/** "Du har bedt om træning" (and via which team, by whom). */
function AskedLine({ d }: { d: MethodDemand }) {
  const { t } = useTranslation();
  const via = d.mine.viaTeam;
  return (
    <p className="training-asked">
      <span className="training-check" aria-hidden="true">
        ✓
      </span>{' '}
      <strong>{t('training.ask.asked')}</strong>
      {via && (
        <>
          {' '}
          <span className="muted">
            {d.mine.requestedByName
              ? t('training.ask.askedViaTeam', { team: via.name, name: d.mine.requestedByName })
              : t('training.ask.askedViaTeamNoName', { team: via.name })}
          </span>
        </>
      )}
    </p>
  );
}

/** Ask on behalf of a team I am in: choose the team, then ask. Each member counts once. */
function TeamAsk({
  d,
  busy,
  disabled,
  onAsk,
}: {
  d: MethodDemand;
  busy: boolean;
  disabled: boolean;
  onAsk: (teamId: string, teamName: string) => void;
}) {
  const { t } = useTranslation();
  // A team where some members have not asked yet can still ask for the rest; each member counts once.
  const open = d.teams.filter((x) => x.alreadyAsked < x.memberCount);
  const asked = d.teams.filter((x) => x.alreadyAsked >= x.memberCount);
  const [teamId, setTeamId] = useState('');
  const [error, setError] = useState<string | undefined>();
  const chosen = open.some((x) => x.id === teamId) ? teamId : (open[0]?.id ?? '');
  function submit(e: FormEvent) {
    e.preventDefault();
    const team = open.find((x) => x.id === chosen);
    if (!team) return setError(t('training.ask.chooseTeam'));
    setError(undefined);
    onAsk(team.id, team.name);
  }
  if (!d.teams.length) return null;
  return (
    <div className="training-team">
      {asked.length > 0 && (
        <ul className="training-team-asked">
          {asked.map((x) => (
            <li key={x.id}>{t('training.ask.teamAlreadyAsked', { team: x.name })}</li>
          ))}
        </ul>
      )}
      {open.length > 0 && (
        <form noValidate onSubmit={submit} className="training-team-form">
          <SelectField
            label={t('training.ask.teamLabel', { method: d.method.label })}
            hint={t('training.ask.teamHint')}
            value={chosen}
            error={error}
            onChange={(e) => setTeamId(e.target.value)}
          >
            {open.map((x) => (
              <option key={x.id} value={x.id}>
                {t('training.ask.teamOption', { name: x.name, count: x.memberCount })}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary" busy={busy} disabled={disabled}>
            {t('training.ask.teamSubmit')}
          </Button>
        </form>
      )}
    </div>
  );
}

/**
 * One method's "Vi vil gerne trænes i denne metode": ask as myself or for a team, withdraw, how many have
 * asked, and the course when there is one. Ignores presses while a request is on its way.
 */
export function MethodAsk({
  demand: d,
  videoId,
  level = 3,
}: {
  demand: MethodDemand;
  videoId?: string;
  level?: 2 | 3;
}) {
  const { t } = useTranslation();
  const update = useDemandUpdate();
  const [notice, setNotice] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);
  const headingId = useId();
  const act = useMutation({
    mutationFn: (a: Action) =>
      a.kind === 'withdraw'
        ? withdrawTraining(d.method.id)
        : askTraining({ methodId: d.method.id, videoId, teamId: a.kind === 'team' ? a.teamId : undefined }),
    onMutate: () => setNotice(null),
    onSuccess: (next, a) => {
      refocus.current = a.kind !== 'team';
      update(next);
      const said =
        a.kind === 'withdraw'
          ? t('training.ask.withdrawnNotice')
          : a.kind === 'team'
            ? t('training.ask.teamNotice', { team: a.teamName })
            : t('training.ask.askedNotice');
      setNotice(said);
    },
  });
  const once = useSingleFlight();
  const run = (a: Action) => once(() => act.mutateAsync(a));
  // The pressed button is replaced by its opposite: keep the focus on that one.
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    box.current?.querySelector<HTMLButtonElement>('.training-main-action')?.focus();
  });
  const H = level === 2 ? 'h2' : 'h3';
  const pending = act.isPending ? act.variables : null;

  return (
    // A group named by the method, so each method's controls are heard (and found) together.
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would make the heading a legend and break the card's layout
    <div className="card training-ask" ref={box} role="group" aria-labelledby={headingId}>
      <H id={headingId} className="training-ask-method">
        {d.method.label}
      </H>
      <DemandProgress d={d} />
      {d.course && (
        <p className="training-course-line">
          {t('training.ask.courseLabel')} <CourseLink course={d.course} method={d.method.label} />
        </p>
      )}
      {d.mine.asked ? (
        <>
          <AskedLine d={d} />
          <Button
            variant="secondary"
            className="training-main-action"
            busy={pending?.kind === 'withdraw'}
            disabled={!!pending && pending.kind !== 'withdraw'}
            onClick={() => run({ kind: 'withdraw' })}
          >
            {t('training.ask.withdraw')}
            <span className="sr-only"> ({d.method.label})</span>
          </Button>
        </>
      ) : (
        <Button
          className="training-main-action"
          busy={pending?.kind === 'me'}
          disabled={!!pending && pending.kind !== 'me'}
          onClick={() => run({ kind: 'me' })}
        >
          {t('training.ask.asMe')}
          <span className="sr-only"> ({d.method.label})</span>
        </Button>
      )}
      <TeamAsk
        d={d}
        busy={pending?.kind === 'team'}
        disabled={!!pending && pending.kind !== 'team'}
        onAsk={(teamId, teamName) => run({ kind: 'team', teamId, teamName })}
      />
      <Notice message={notice} />
      <RequestError error={act.isError ? act.error : null} />
    </div>
  );
}

/** The ask block for one method on its own (the video list filtered to that method). */
export function MethodTrainingAsk({ methodId }: { methodId: string }) {
  const { t } = useTranslation();
  const query = useMethodDemand(methodId);
  if (!query.data) return null;
  return (
    <div className="training-method-ask">
      <p className="hint">{t('training.ask.intro', { threshold: query.data.threshold })}</p>
      <MethodAsk demand={query.data} level={2} />
    </div>
  );
}
