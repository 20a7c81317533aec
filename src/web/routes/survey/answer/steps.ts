import type { SurveyDimension, SurveyItemKind } from '../../../../shared/survey';
import type { Draft, ScaleAnswer } from './draft';

/** Pure helpers of the answer form: its steps (one short list per dimension), progress, and what is sent. */

export type FormItem = { id: string; kind: SurveyItemKind; dimension: SurveyDimension | null; text: string };

/** One page of the form: the questions of one dimension in order, or the open questions ('open'). */
export type Step = { key: SurveyDimension | 'open'; items: FormItem[] };

/**
 * The form's steps: consecutive questions of the same dimension make one step; a free-text question joins the
 * step it follows when it names that dimension (an optional comment), else the open questions at the end.
 */
export function stepsOf(items: readonly FormItem[]): Step[] {
  const steps: Step[] = [];
  const open: FormItem[] = [];
  for (const item of items) {
    const last = steps.at(-1);
    if (item.kind === 'text' && (!item.dimension || last?.key !== item.dimension)) {
      open.push(item);
      continue;
    }
    const key = item.dimension ?? 'open';
    if (last && last.key === key) last.items.push(item);
    else steps.push({ key, items: [item] });
  }
  if (open.length) steps.push({ key: 'open', items: open });
  return steps;
}

/** How many scale questions have an answer (a "ved ikke" counts as given) out of all of them. */
export function progressOf(items: readonly FormItem[], values: Draft['values']) {
  const scale = items.filter((i) => i.kind === 'scale');
  return { answered: scale.filter((i) => values[i.id] !== undefined).length, total: scale.length };
}

/** The scale questions of a step nobody has answered yet (they would count as "ved ikke"). */
export const unansweredIn = (step: Step, values: Draft['values']) =>
  step.items.filter((i) => i.kind === 'scale' && values[i.id] === undefined);

const toValue = (a: ScaleAnswer | undefined) => (a === undefined || a === 'dk' ? null : a);

/**
 * The body of POST /survey/answer: every scale question once (unanswered → null, "ved ikke"), and only the
 * non-empty texts of the form's own free-text questions, trimmed to the limit.
 */
export function submissionOf(
  token: string,
  roundId: string,
  items: readonly FormItem[],
  draft: Pick<Draft, 'values' | 'texts'>,
  maxText: number,
) {
  return {
    token,
    roundId,
    values: items
      .filter((i) => i.kind === 'scale')
      .map((i) => ({ itemId: i.id, value: toValue(draft.values[i.id]) })),
    texts: items
      .filter((i) => i.kind === 'text')
      .map((i) => ({ itemId: i.id, text: (draft.texts[i.id] ?? '').trim().slice(0, maxText) }))
      .filter((t) => t.text !== ''),
  };
}
