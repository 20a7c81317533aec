/**
 * What went wrong while opening or sending an answer, from the API's stable code (src/shared/survey-errors.ts) or a
 * network failure. Each kind has its own Danish and English text (survey.answer.error.<kind>): what happened, and
 * what becomes of the draft on this device.
 */
export type AnswerProblem =
  | 'used'
  | 'closed'
  | 'notOpen'
  | 'invalid'
  | 'wrongRound'
  | 'answerInvalid'
  | 'offline'
  | 'rateLimited'
  | 'other';

const BY_CODE: Record<string, AnswerProblem> = {
  'survey.already_answered': 'used',
  'survey.token_used': 'used',
  'survey.round_closed': 'closed',
  'survey.round_not_open': 'notOpen',
  'survey.token_unknown': 'invalid',
  'survey.round_not_found': 'invalid',
  'survey.wrong_round': 'wrongRound',
  'survey.item_unknown': 'answerInvalid',
  'survey.item_twice': 'answerInvalid',
  'survey.item_kind': 'answerInvalid',
  'request.invalid': 'answerInvalid',
  'request.rate_limited': 'rateLimited',
  'auth.rate_limited': 'rateLimited',
  network: 'offline',
};

export function answerProblem(err: unknown): AnswerProblem {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in BY_CODE) return BY_CODE[code];
  // A survey code not known here yet (a newer server): its status says most of it.
  const status = (err as { status?: unknown } | null)?.status;
  if (status === 0) return 'offline';
  if (status === 429) return 'rateLimited';
  return 'other';
}

/** Problems after which the draft cannot be sent any more (it is kept only where a retry can help). */
export const isFinal = (p: AnswerProblem) =>
  p === 'used' || p === 'closed' || p === 'invalid' || p === 'wrongRound';
