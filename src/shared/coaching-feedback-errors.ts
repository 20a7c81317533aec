import { COACHING_LIMITS } from './coaching.js';

/** Errors of typed feedback on a recording (issue 19, part B): comments, replies, "drøftet" and prompt sets. */
export const FEEDBACK_ERRORS = {
  'feedback.not_found': {
    status: 404,
    da: 'Feedbacken findes ikke (længere).',
    en: 'The feedback does not exist (any more).',
  },
  'feedback.empty': {
    status: 400,
    da: 'Skriv en tekst, før du gemmer.',
    en: 'Write a text before saving.',
  },
  'feedback.too_long': {
    status: 400,
    da: `Teksten er for lang. Den må højst være ${COACHING_LIMITS.feedbackLength} tegn.`,
    en: `The text is too long. It may be at most ${COACHING_LIMITS.feedbackLength} characters.`,
  },
  'feedback.time_invalid': {
    status: 400,
    da: 'Tidspunktet ligger uden for optagelsen. Vælg et tidspunkt mellem starten og slutningen.',
    en: 'The time is outside the recording. Choose a time between its start and end.',
  },
  'feedback.focus_area_unknown': {
    status: 400,
    da: 'Fokusområdet findes ikke i institutionens nuværende læringsfokus. Vælg et andet, eller lad feltet stå tomt.',
    en: "The focus area is not one of the institution's current learning focus areas. Choose another or leave it empty.",
  },
  'feedback.too_many': {
    status: 409,
    da: `Optagelsen har nået grænsen på ${COACHING_LIMITS.feedbackPerVideo} kommentarer og svar.`,
    en: `The recording has reached the limit of ${COACHING_LIMITS.feedbackPerVideo} comments and replies.`,
  },
  'feedback.reply_not_allowed': {
    status: 403,
    da: 'Kun optagelsens ejer kan svare på en kommentar, og kommentarens forfatter kan svare tilbage.',
    en: "Only the recording's owner can reply to a comment, and the comment's author can answer back.",
  },
  'feedback.reply_to_reply': {
    status: 400,
    da: 'Svar skrives til den oprindelige kommentar, ikke til et svar.',
    en: 'Replies go to the original comment, not to a reply.',
  },
  'feedback.not_author': {
    status: 403,
    da: 'Du kan kun rette din egen tekst.',
    en: 'You can only edit your own text.',
  },
  'feedback.not_owner': {
    status: 403,
    da: 'Kun optagelsens ejer kan gøre dette.',
    en: "Only the recording's owner can do this.",
  },
  'feedback.not_a_comment': {
    status: 400,
    da: 'Et svar kan ikke markeres som drøftet — det kan kun den oprindelige kommentar.',
    en: 'A reply cannot be marked as discussed — only the original comment can.',
  },
  'prompts.not_found': {
    status: 404,
    da: 'Spørgesættet findes ikke.',
    en: 'The prompt set does not exist.',
  },
  'prompts.too_many_sets': {
    status: 409,
    da: `Du kan højst gemme ${COACHING_LIMITS.promptSets} spørgesæt.`,
    en: `You can keep at most ${COACHING_LIMITS.promptSets} prompt sets.`,
  },
  'prompts.invalid': {
    status: 400,
    da: `Et spørgesæt skal have en titel og højst ${COACHING_LIMITS.promptsPerSet} spørgsmål på hver højst ${COACHING_LIMITS.promptLength} tegn.`,
    en: `A prompt set needs a title and at most ${COACHING_LIMITS.promptsPerSet} prompts of at most ${COACHING_LIMITS.promptLength} characters each.`,
  },
} as const;
