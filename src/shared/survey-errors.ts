/**
 * Errors of the staff survey (issue 18): questionnaires, rounds, invitations, answering and results — one set. The
 * answering ones (by link or printed code, no sign-in) speak to whoever holds the link and say what to do next.
 */
export const SURVEY_ERRORS = {
  'survey.questionnaire_not_found': {
    status: 404,
    da: 'Spørgeskemaet findes ikke.',
    en: 'The questionnaire does not exist.',
  },
  'survey.questionnaire_published': {
    status: 409,
    da: 'Spørgeskemaet er udgivet og kan ikke ændres. Lav en ny version for at ændre det.',
    en: 'The questionnaire is published and cannot be changed. Make a new version to change it.',
  },
  'survey.questionnaire_not_published': {
    status: 409,
    da: 'En runde kan kun bruge et udgivet spørgeskema.',
    en: 'A round can only use a published questionnaire.',
  },
  'survey.questionnaire_no_scale': {
    status: 409,
    da: 'Spørgeskemaet skal have mindst ét spørgsmål med svarskala, før det kan udgives.',
    en: 'The questionnaire needs at least one scale question before it can be published.',
  },
  'survey.questionnaire_stale': {
    status: 409,
    da: 'En anden har ændret spørgeskemaet imens. Genindlæs, og prøv igen.',
    en: 'Someone else changed the questionnaire meanwhile. Reload and try again.',
  },
  'survey.too_many_items': {
    status: 409,
    da: 'Spørgeskemaet har nået grænsen på 80 spørgsmål.',
    en: 'The questionnaire has reached its limit of 80 questions.',
  },
  'survey.item_not_found': {
    status: 404,
    da: 'Spørgsmålet findes ikke i spørgeskemaet.',
    en: 'The question does not exist in the questionnaire.',
  },
  'survey.text_has_dimension': {
    status: 400,
    da: 'Et spørgsmål med fritekst hører ikke til en dimension.',
    en: 'A free-text question does not belong to a dimension.',
  },
  'survey.round_not_found': {
    status: 404,
    da: 'Runden findes ikke.',
    en: 'The round does not exist.',
  },
  'survey.institution_not_found': {
    status: 404,
    da: 'Institutionen findes ikke i kommunen.',
    en: 'The institution does not exist in the kommune.',
  },
  'survey.kommune_not_found': {
    status: 404,
    da: 'Kommunen findes ikke.',
    en: 'The kommune does not exist.',
  },
  'survey.dates': {
    status: 400,
    da: 'Runden kan ikke lukke, før den åbner.',
    en: 'The round cannot close before it opens.',
  },
  'survey.closes_in_past': {
    status: 400,
    da: 'Lukkedagen kan ikke ligge før i dag.',
    en: 'The closing day cannot be before today.',
  },
  'survey.round_stale': {
    status: 409,
    da: 'En anden har ændret runden imens. Genindlæs, og prøv igen.',
    en: 'Someone else changed the round meanwhile. Reload and try again.',
  },
  'survey.round_closed': {
    status: 409,
    da: 'Runden er lukket. Der kan ikke længere svares.',
    en: 'The round is closed. Answers are no longer taken.',
  },
  'survey.round_not_open': {
    status: 409,
    da: 'Runden er ikke åbnet endnu.',
    en: 'The round has not opened yet.',
  },
  'survey.not_invited': {
    status: 404,
    da: 'Du er ikke inviteret til denne runde.',
    en: 'You are not invited to this round.',
  },
  'survey.already_answered': {
    status: 409,
    da: 'Der er allerede svaret med dette link eller denne kode. Et link virker kun én gang.',
    en: 'This link or code has already been used to answer. A link works only once.',
  },
  'survey.wrong_round': {
    status: 400,
    da: 'Linket hører til en anden runde end skemaet.',
    en: 'The link belongs to another round than the form.',
  },
  'survey.results_not_ready': {
    status: 409,
    da: 'Resultaterne vises, når runden er lukket.',
    en: 'The results are shown once the round has closed.',
  },
  // Answering by link or code (GET/POST /api/v1/survey/answer).
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
