/**
 * Errors of answering the staff survey by link or printed code (issue 18; GET/POST /api/v1/survey/answer). The
 * person is not signed in: the texts speak to whoever holds the link, and say what to do next.
 * The round's state and a token of another round use the codes of survey-errors.ts (survey.round_closed,
 * survey.round_not_open, survey.wrong_round).
 */
export const SURVEY_ANSWER_ERRORS = {
  'survey.token_unknown': {
    status: 404,
    da: 'Linket eller koden virker ikke. Tjek, at koden er skrevet rigtigt, eller brug det nyeste link, du har fået.',
    en: 'The link or code does not work. Check that the code is typed correctly, or use the newest link you have received.',
  },
  'survey.token_used': {
    status: 409,
    da: 'Dit svar er allerede modtaget. Tak!',
    en: 'Your answer has already been received. Thank you!',
  },
  'survey.item_unknown': {
    status: 400,
    da: 'Svaret nævner et spørgsmål, som ikke er med i denne undersøgelse. Hent spørgeskemaet igen.',
    en: 'The answer names a question that is not part of this survey. Load the questionnaire again.',
  },
  'survey.item_twice': {
    status: 400,
    da: 'Et spørgsmål er besvaret to gange i samme svar.',
    en: 'A question is answered twice in the same answer.',
  },
  'survey.item_kind': {
    status: 400,
    da: 'Et spørgsmål er besvaret på den forkerte måde (tekst til et skalaspørgsmål eller et tal til et tekstspørgsmål).',
    en: 'A question is answered the wrong way (text for a scale question or a number for a text question).',
  },
  'survey.too_many_tries': {
    status: 429,
    da: 'Der er prøvet for mange koder, der ikke virker, fra din forbindelse. Vent lidt, og prøv igen.',
    en: 'Too many codes that do not work have been tried from your connection. Wait a while and try again.',
  },
} as const;
