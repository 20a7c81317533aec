import { CYCLE_STATES, type CycleState, INQUIRY_STAGES, type InquiryStage } from './inquiry.js';

/** A required answer that is still empty: its phase and field, for the error's path and the page's list. */
export type MissingAnswer = { phase: string; field: string; phaseTitle: string; label: string };
/** What the rule needs of a phase (the contract's InquiryPhase, on the wire or parsed). */
type PhaseLike = {
  key: string;
  stage: InquiryStage;
  title: string;
  fields: { key: string; label: string; required?: boolean }[];
};

/**
 * The required answers a cycle lacks before it may move on to `target`: every phase of a stage before the
 * target's (all phases when finishing). Moving back, or staying, needs nothing. Server and web use the same rule.
 */
export function missingRequired(
  phases: PhaseLike[],
  content: Record<string, Record<string, string>>,
  from: CycleState,
  target: CycleState,
): MissingAnswer[] {
  if (CYCLE_STATES.indexOf(target) <= CYCLE_STATES.indexOf(from)) return [];
  const limit = target === 'afsluttet' ? INQUIRY_STAGES.length : INQUIRY_STAGES.indexOf(target);
  const out: MissingAnswer[] = [];
  for (const p of phases) {
    if (INQUIRY_STAGES.indexOf(p.stage) >= limit) continue;
    for (const f of p.fields)
      if (f.required && !content[p.key]?.[f.key]?.trim())
        out.push({ phase: p.key, field: f.key, phaseTitle: p.title, label: f.label });
  }
  return out;
}
