import { useTranslation } from 'react-i18next';
import { INQUIRY_LIMITS, INQUIRY_STAGES, type InquiryStage } from '../../../../shared/inquiry';
import type { CycleDetail, InquiryPhase } from '../../../api/inquiry';
import { Button } from '../../../components/Button';
import { TextAreaField, TextField } from '../../../components/Field';
import { answerKey, type CycleDraft, type DraftKey } from './useCycleDraft';

type FieldKind = InquiryPhase['fields'][number]['kind'];

/** The other's text for an answer both changed, with a way to take it instead of one's own. */
function Theirs({ draft, k, label }: { draft: CycleDraft; k: DraftKey; label: string }) {
  const { t } = useTranslation();
  const theirs = draft.conflicts[k];
  if (theirs === undefined) return null;
  return (
    <div className="inquiry-theirs">
      <p>
        <strong>{t('inquiry.cycle.theirAnswer', { label })}</strong>
      </p>
      <p className="inquiry-text">{theirs || t('inquiry.emptyText')}</p>
      <Button variant="secondary" onClick={() => draft.takeTheirs(k)}>
        {t('inquiry.cycle.takeTheirs')}
        <span className="sr-only"> ({label})</span>
      </Button>
    </div>
  );
}

/** One editable piece of the cycle (the question, the title, an answer), or its text for a reader. */
export function DraftField({
  draft,
  k,
  label,
  help,
  kind,
  readOnly,
  required,
  max = INQUIRY_LIMITS.field,
}: {
  draft: CycleDraft;
  k: DraftKey;
  label: string;
  help?: string;
  kind: FieldKind;
  readOnly: boolean;
  required?: boolean;
  max?: number;
}) {
  const { t } = useTranslation();
  const value = draft.value(k);
  if (readOnly)
    return (
      <div className="inquiry-answer">
        <h4>{label}</h4>
        <p className={value ? 'inquiry-text' : 'muted'}>{value || t('inquiry.cycle.noAnswer')}</p>
      </div>
    );
  const common = {
    label,
    hint: help || undefined,
    value,
    optional: !required,
    required: false,
    maxLength: max,
    error: draft.conflicts[k] !== undefined ? t('inquiry.cycle.conflictField') : undefined,
  };
  return (
    <div className="inquiry-answer">
      {kind === 'text' ? (
        <TextAreaField {...common} rows={4} onChange={(e) => draft.set(k, e.target.value)} />
      ) : (
        <TextField
          {...common}
          type={kind === 'date' ? 'date' : 'text'}
          onChange={(e) => draft.set(k, e.target.value)}
        />
      )}
      <Theirs draft={draft} k={k} label={label} />
    </div>
  );
}

function Phase({ phase, draft, readOnly }: { phase: InquiryPhase; draft: CycleDraft; readOnly: boolean }) {
  const { t } = useTranslation();
  const prompts = phase.prompts ?? [];
  const headingId = `phase-${phase.key}`;
  return (
    <section className="inquiry-phase" aria-labelledby={headingId}>
      <h3 id={headingId}>{phase.title}</h3>
      {phase.intro && <p>{phase.intro}</p>}
      {prompts.length > 0 && (
        <div className="inquiry-prompts">
          <p className="label-like">{t('inquiry.cycle.prompts')}</p>
          <ul>
            {prompts.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {phase.fields.map((f) => (
        <DraftField
          key={f.key}
          draft={draft}
          k={answerKey(phase.key, f.key)}
          label={f.label}
          help={f.help}
          kind={f.kind}
          required={f.required}
          readOnly={readOnly}
        />
      ))}
    </section>
  );
}

/** The template's phases grouped by stage (før, under, efter); the stage the team is in is marked and open. */
export function Phases({ cycle, draft }: { cycle: CycleDetail; draft: CycleDraft }) {
  const { t } = useTranslation();
  const readOnly = !cycle.canWrite || cycle.state === 'afsluttet';
  return (
    <div className="inquiry-stages">
      {INQUIRY_STAGES.map((stage: InquiryStage) => {
        const phases = cycle.phases.filter((p) => p.stage === stage);
        if (phases.length === 0) return null;
        const current = cycle.state === stage;
        return (
          <section
            key={stage}
            className={`inquiry-stage${current ? ' is-current' : ''}`}
            aria-labelledby={`stage-${stage}`}
          >
            <h2 id={`stage-${stage}`} className="inquiry-stage-title">
              {t(`inquiry.stages.${stage}`)}
              {current && <span className="badge badge-info">{t('inquiry.cycle.youAreHere')}</span>}
            </h2>
            <p className="hint">{t(`inquiry.stageIntro.${stage}`)}</p>
            {phases.map((p) => (
              <Phase key={p.key} phase={p} draft={draft} readOnly={readOnly} />
            ))}
          </section>
        );
      })}
    </div>
  );
}
