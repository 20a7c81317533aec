import type { InquiryPhase } from '../../../../shared/contracts/inquiry.js';
import { isRealDate } from '../../../../shared/text.js';
import { AppError } from '../../../http/errors.js';

/** A cycle's answers: by phase key, then field key. */
export type Content = Record<string, Record<string, string>>;

/**
 * Checks answers against the cycle's phases: every phase key and field key must be the cycle's own, and a date
 * field holds a real day (YYYY-MM-DD) or '' — else 400 inquiry.invalid_content, with the paths that do not fit.
 */
export function checkContent(phases: InquiryPhase[], content: Content): void {
  const bad: { path: string; message: string }[] = [];
  const byKey = new Map(phases.map((p) => [p.key, new Map(p.fields.map((f) => [f.key, f]))]));
  for (const [phaseKey, answers] of Object.entries(content)) {
    const fields = byKey.get(phaseKey);
    if (!fields) {
      bad.push({ path: `content.${phaseKey}`, message: 'unknown phase' });
      continue;
    }
    for (const [fieldKey, value] of Object.entries(answers)) {
      const f = fields.get(fieldKey);
      if (!f) bad.push({ path: `content.${phaseKey}.${fieldKey}`, message: 'unknown field' });
      else if (f.kind === 'date' && value !== '' && !isRealDate(value))
        bad.push({ path: `content.${phaseKey}.${fieldKey}`, message: 'not a date' });
    }
  }
  if (bad.length) throw new AppError('inquiry.invalid_content', bad.slice(0, 20));
}

/** The answers after a patch: answer by answer; '' removes one (and a phase left without answers). */
export function mergeContent(before: Content, patch: Content): Content {
  const out: Content = structuredClone(before);
  for (const [phaseKey, answers] of Object.entries(patch)) {
    const phase = { ...(out[phaseKey] ?? {}) };
    for (const [fieldKey, value] of Object.entries(answers)) {
      if (value === '') delete phase[fieldKey];
      else phase[fieldKey] = value;
    }
    if (Object.keys(phase).length) out[phaseKey] = phase;
    else delete out[phaseKey];
  }
  return out;
}
