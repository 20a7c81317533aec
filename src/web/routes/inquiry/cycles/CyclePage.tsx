import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { CYCLE_STATES, type CycleState, INQUIRY_LIMITS } from '../../../../shared/inquiry';
import { missingRequired } from '../../../../shared/inquiry-required';
import { ApiError } from '../../../api/client';
import { type CycleDetail, startNextLoop, useCycle, useInquiryRefresh } from '../../../api/inquiry';
import { useMe } from '../../../api/people';
import { ErrorAlert, Loading, Notice, RequestError } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/Dialogs';
import { usePageTitle } from '../../../components/usePageTitle';
import { useWords, type WordsT } from '../../../i18n/words';
import { NotThere, StateBadge } from '../common';
import { NewTaskForm, TaskList } from '../tasks/TaskList';
import { EvidenceSection } from './Evidence';
import { DraftField, Phases } from './Phases';
import { Reflections } from './Reflections';
import { answerKey, type CycleDraft, useCycleDraft } from './useCycleDraft';
import '../inquiry.css';

type Where = 'state' | 'share' | 'save';

/** Where the cycle is (før → under → efter → afsluttet) and the steps forward and back. */
function StateControls({
  cycle,
  draft,
  act,
}: {
  cycle: CycleDetail;
  draft: CycleDraft;
  act: (where: Where, fn: () => Promise<unknown>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useInquiryRefresh();
  const i = CYCLE_STATES.indexOf(cycle.state);
  const next = CYCLE_STATES[i + 1] as CycleState | undefined;
  const prev = i > 0 ? CYCLE_STATES[i - 1] : undefined;
  const move = (state: CycleState) =>
    act('state', () =>
      draft.save({ state }, t('inquiry.cycle.moved', { state: t(`inquiry.states.${state}`) })),
    );
  const canMove = cycle.canWrite;
  // What the next step still needs, counting the person's unsaved answers (they go with the move).
  const answers = Object.fromEntries(
    cycle.phases.map((p) => [
      p.key,
      Object.fromEntries(p.fields.map((f) => [f.key, draft.value(answerKey(p.key, f.key))])),
    ]),
  );
  const missing = next ? missingRequired(cycle.phases, answers, cycle.state, next) : [];
  const latest = Math.max(...cycle.loops.map((l) => l.loop), cycle.loop) === cycle.loop;
  return (
    <section className="card inquiry-section" aria-labelledby="state-heading">
      <h2 id="state-heading">{t('inquiry.cycle.where')}</h2>
      <ol className="inquiry-steps">
        {CYCLE_STATES.map((s) => (
          <li key={s} aria-current={s === cycle.state ? 'step' : undefined}>
            {t(`inquiry.states.${s}`)}
          </li>
        ))}
      </ol>
      {canMove && next && missing.length > 0 && (
        <div className="inquiry-missing">
          <p>{t('inquiry.cycle.missing', { state: t(`inquiry.states.${next}`) })}</p>
          <ul>
            {missing.map((m) => (
              <li key={`${m.phase}/${m.field}`}>
                {m.phaseTitle}: {m.label}
              </li>
            ))}
          </ul>
        </div>
      )}
      {canMove && (
        <div className="page-actions">
          {next && next !== 'afsluttet' && (
            <Button busy={draft.busy} onClick={() => void move(next)}>
              {t('inquiry.cycle.moveTo', { state: t(`inquiry.states.${next}`) })}
            </Button>
          )}
          {next === 'afsluttet' && (
            <ConfirmDialog
              triggerLabel={t('inquiry.cycle.finish')}
              triggerVariant="primary"
              title={t('inquiry.cycle.finishTitle')}
              confirmLabel={t('inquiry.cycle.finish')}
              confirmVariant="primary"
              onConfirm={() => move('afsluttet')}
            >
              <p>{t('inquiry.cycle.finishText')}</p>
            </ConfirmDialog>
          )}
          {prev && cycle.state !== 'afsluttet' && (
            <Button variant="secondary" busy={draft.busy} onClick={() => void move(prev)}>
              {t('inquiry.cycle.backTo', { state: t(`inquiry.states.${prev}`) })}
            </Button>
          )}
          {cycle.state === 'afsluttet' && latest && (
            <Button variant="secondary" busy={draft.busy} onClick={() => void move('efter')}>
              {t('inquiry.cycle.reopen')}
            </Button>
          )}
          {(cycle.state === 'efter' || cycle.state === 'afsluttet') && (
            <ConfirmDialog
              triggerLabel={t('inquiry.cycle.nextLoop')}
              triggerVariant={cycle.state === 'afsluttet' ? 'primary' : 'secondary'}
              title={t('inquiry.cycle.nextLoopTitle')}
              confirmLabel={t('inquiry.cycle.nextLoop')}
              confirmVariant="primary"
              onConfirm={async () => {
                const loop = await startNextLoop(cycle.id);
                await refresh();
                navigate(`/forloeb/${loop.id}`, {
                  state: { notice: t('inquiry.cycle.nextLoopStarted', { n: loop.loop }) },
                });
              }}
            >
              <p>{t('inquiry.cycle.nextLoopText')}</p>
            </ConfirmDialog>
          )}
        </div>
      )}
    </section>
  );
}

/** "Del med ledelsen": off by default; what it means is said beside it. */
function ShareSwitch({
  cycle,
  draft,
  act,
  wt,
}: {
  cycle: CycleDetail;
  draft: CycleDraft;
  act: (where: Where, fn: () => Promise<unknown>) => Promise<void>;
  wt: WordsT;
}) {
  const { t } = useTranslation();
  const id = useId();
  // The switch moves at once; it goes back if the save fails.
  const [pending, setPending] = useState<boolean | null>(null);
  const on = pending ?? cycle.sharedWithLeaders;
  return (
    <section className="card inquiry-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('inquiry.share.heading')}</h2>
      {cycle.canWrite ? (
        <>
          <div className="checkbox inquiry-switch">
            <input
              id={id}
              type="checkbox"
              role="switch"
              aria-checked={on}
              checked={on}
              disabled={draft.busy}
              aria-describedby={`${id}-hint`}
              onChange={(e) => {
                const next = e.target.checked;
                setPending(next);
                void act('share', () =>
                  draft.save({ sharedWithLeaders: next }, t(next ? 'inquiry.share.on' : 'inquiry.share.off')),
                ).finally(() => setPending(null));
              }}
            />
            <label htmlFor={id}>{t('inquiry.share.label')}</label>
          </div>
          <p id={`${id}-hint`} className="hint">
            {wt('inquiry.share.explain')}
          </p>
        </>
      ) : (
        <p>{wt('inquiry.share.leaderReads')}</p>
      )}
    </section>
  );
}

function Loops({ cycle }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  if (cycle.loops.length < 2) return null;
  return (
    <section className="card inquiry-section" aria-labelledby="loops-heading">
      <h2 id="loops-heading">{t('inquiry.cycle.loops')}</h2>
      <ol className="plain-list" aria-labelledby="loops-heading">
        {cycle.loops.map((l) => (
          <li key={l.id}>
            {l.id === cycle.id ? (
              <span aria-current="page">
                <strong>{t('inquiry.cycle.loopN', { n: l.loop })}</strong>: {l.title}
              </span>
            ) : (
              <Link to={`/forloeb/${l.id}`}>
                {t('inquiry.cycle.loopN', { n: l.loop })}: {l.title}
              </Link>
            )}{' '}
            <StateBadge state={l.state} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The unsaved answers' bar: stays in view at the bottom while there is something to save. */
function SaveBar({ draft, where }: { draft: CycleDraft; where: Where | null }) {
  const { t } = useTranslation();
  const conflicts = Object.keys(draft.conflicts).length;
  return (
    <div className={`inquiry-savebar${draft.dirty || conflicts ? ' is-dirty' : ''}`}>
      <ErrorAlert message={where === 'save' ? draft.error : null}>
        {where === 'save' && conflicts > 0 && <p>{t('inquiry.cycle.conflicts', { count: conflicts })}</p>}
      </ErrorAlert>
      <Notice message={where === 'save' ? draft.saved : null} />
      {(draft.dirty || conflicts > 0) && (
        <div className="inquiry-savebar-row">
          <p>{t('inquiry.cycle.unsaved')}</p>
          <Button busy={draft.busy} onClick={() => void draft.save()}>
            {conflicts ? t('inquiry.saveOnTop') : t('inquiry.cycle.save')}
          </Button>
        </div>
      )}
    </div>
  );
}

function Cycle({ cycle, meId }: { cycle: CycleDetail; meId: string }) {
  const { t } = useTranslation();
  const { t: wt } = useWords(cycle.team.institutionId);
  const draft = useCycleDraft(cycle);
  const state = useLocation().state as { notice?: string } | null;
  const [where, setWhere] = useState<Where | null>(null);
  const act = async (w: Where, fn: () => Promise<unknown>) => {
    setWhere(w);
    await fn();
  };
  const saveDraft = {
    ...draft,
    save: (...a: Parameters<CycleDraft['save']>) => {
      setWhere('save');
      return draft.save(...a);
    },
  };
  const readOnly = !cycle.canWrite || cycle.state === 'afsluttet';
  const dataTasks = cycle.tasks.filter((x) => x.kind === 'data');
  const actions = cycle.tasks.filter((x) => x.kind === 'action');
  const writeTasks = cycle.canWrite && cycle.state !== 'afsluttet';
  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { to: '/team', label: t('inquiry.myTeams.title') },
          { to: `/team/${cycle.team.id}`, label: cycle.team.name },
          { label: cycle.title },
        ]}
      />
      <Notice message={state?.notice} />
      <div className="page-head">
        <div>
          <h1 className="break">{cycle.title}</h1>
          <p className="inquiry-card-facts">
            <StateBadge state={cycle.state} />
            <span>{cycle.templateName}</span>
            <span>{t('inquiry.cycle.loopN', { n: cycle.loop })}</span>
            <Link to={`/team/${cycle.team.id}`}>{cycle.team.name}</Link>
          </p>
        </div>
      </div>
      {!cycle.canWrite && <p className="alert alert-info">{wt('inquiry.cycle.leaderView')}</p>}
      <ErrorAlert message={where === 'state' || where === 'share' ? draft.error : null} />
      <Notice message={where === 'state' || where === 'share' ? draft.saved : null} />
      <StateControls cycle={cycle} draft={draft} act={act} />
      <div className="inquiry-layout">
        <div className="inquiry-main stack">
          <section className="card inquiry-section" aria-labelledby="question-heading">
            <h2 id="question-heading">{t('inquiry.cycle.questionHeading')}</h2>
            <DraftField
              draft={saveDraft}
              k="question"
              label={t('inquiry.cycle.question')}
              help={readOnly ? undefined : wt('inquiry.cycle.questionHint')}
              kind="text"
              readOnly={readOnly}
            />
            {!readOnly && (
              <DraftField
                draft={saveDraft}
                k="title"
                label={t('inquiry.cycle.titleLabel')}
                kind="line"
                required
                max={INQUIRY_LIMITS.title}
                readOnly={readOnly}
              />
            )}
          </section>
          <Phases cycle={cycle} draft={saveDraft} />
          <SaveBar draft={saveDraft} where={where} />
          <section className="card inquiry-section" aria-labelledby="dataplan-heading">
            <h2 id="dataplan-heading">{t('inquiry.tasks.data.heading')}</h2>
            <p className="hint">{wt('inquiry.tasks.data.intro')}</p>
            <TaskList
              tasks={dataTasks}
              members={cycle.members}
              canWrite={writeTasks}
              label={t('inquiry.tasks.data.heading')}
              empty={t('inquiry.tasks.data.none')}
            />
            {writeTasks && <NewTaskForm cycleId={cycle.id} kind="data" members={cycle.members} />}
          </section>
          <section className="card inquiry-section" aria-labelledby="actions-heading">
            <h2 id="actions-heading">{t('inquiry.tasks.action.heading')}</h2>
            <TaskList
              tasks={actions}
              members={cycle.members}
              canWrite={writeTasks}
              label={t('inquiry.tasks.action.heading')}
              empty={t('inquiry.tasks.action.none')}
            />
            {writeTasks && <NewTaskForm cycleId={cycle.id} kind="action" members={cycle.members} />}
          </section>
          <EvidenceSection cycle={cycle} wt={wt} />
          <Reflections key={cycle.id} cycle={cycle} meId={meId} />
        </div>
        <div className="inquiry-side stack">
          {cycle.state === 'afsluttet' && cycle.canWrite && (
            <section className="card inquiry-section" aria-labelledby="cycle-story-heading">
              <h2 id="cycle-story-heading">{t('stories.editor.openStory')}</h2>
              <p className="hint">{t('stories.editor.cycleText')}</p>
              <Link to={`/forloeb/${cycle.id}/fortaelling`} className="btn btn-primary">
                {t('stories.editor.write')}
              </Link>
            </section>
          )}
          <ShareSwitch cycle={cycle} draft={draft} act={act} wt={wt} />
          <Loops cycle={cycle} />
          <section className="card inquiry-section" aria-labelledby="cycle-members-heading">
            <h2 id="cycle-members-heading">{t('inquiry.space.members')}</h2>
            <ul className="plain-list" aria-labelledby="cycle-members-heading">
              {cycle.members.map((m) => (
                <li key={m.id}>{m.name}</li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </div>
  );
}

/** /forloeb/:id — one loop of an inquiry cycle: phases, data plan, evidence, reflections, sharing, history. */
export function CyclePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useCycle(id);
  const { data: me } = useMe();
  usePageTitle(query.data?.title ?? t('inquiry.cycle.title'));
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 403))
      return <NotThere back="/team" backLabel={t('inquiry.myTeams.back')} />;
    return <RequestError error={query.error} />;
  }
  return <Cycle key={query.data.id} cycle={query.data} meId={me?.id ?? ''} />;
}
