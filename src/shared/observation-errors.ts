/** Errors of classroom observation (O1–O6), issue 6. */
export const OBSERVATION_ERRORS = {
  'observation.no_schema': {
    status: 409,
    da: 'Institutionen har endnu ikke et observationsskema. En leder skal først fastlægge læringsfokus og skema.',
    en: 'The institution has no observation schema yet. A leader must first set the learning focus and schema.',
  },
  'observation.schema_not_found': {
    status: 404,
    da: 'Observationsskemaet findes ikke.',
    en: 'The observation schema does not exist.',
  },
  'observation.schema_mismatch': {
    status: 409,
    da: 'Besøget er begyndt med en anden version af skemaet. Dine svar er gemt på enheden; genindlæs besøget.',
    en: 'The visit was started with another version of the schema. Your answers are kept on the device; reload the visit.',
  },
  'observation.visit_not_found': {
    status: 404,
    da: 'Besøget findes ikke.',
    en: 'The visit does not exist.',
  },
  'observation.unknown_item': {
    status: 400,
    da: 'Svaret hører til et spørgsmål, der ikke findes i besøgets skema.',
    en: 'The answer belongs to an item that is not in the visit’s schema.',
  },
  'observation.invalid_answer': {
    status: 400,
    da: 'Et svar passer ikke til spørgsmålet (fx uden for skalaen eller forkert type). Ret det, og prøv igen.',
    en: 'An answer does not fit its item (for example outside the scale or of the wrong type). Correct it and try again.',
  },
  'observation.focus_area_unknown': {
    status: 400,
    da: 'Et af de valgte fokusområder findes ikke i skemaet.',
    en: 'One of the chosen focus areas is not in the schema.',
  },
  'observation.invalid_state': {
    status: 409,
    da: 'Det kan ikke lade sig gøre, mens besøget har denne status.',
    en: 'That is not possible while the visit has this status.',
  },
  'observation.not_an_observer': {
    status: 400,
    da: 'Observatøren skal være leder på institutionen eller have fået besøg uddelegeret.',
    en: 'The observer must be a leader of the institution or have been delegated visits.',
  },
  'observation.teacher_not_in_institution': {
    status: 400,
    da: 'Den, der besøges, skal være ansat på institutionen.',
    en: 'The person visited must work at the institution.',
  },
  'observation.self_visit': {
    status: 400,
    da: 'Man kan ikke planlægge et besøg hos sig selv. Brug selvobservation i stedet.',
    en: 'You cannot plan a visit to yourself. Use self-observation instead.',
  },
  'observation.guest_not_colleague': {
    status: 400,
    da: 'Du kan kun invitere kolleger fra din egen institution.',
    en: 'You can only invite colleagues from your own institution.',
  },
  'observation.invalid_date': {
    status: 400,
    da: 'Datoen er ugyldig.',
    en: 'The date is invalid.',
  },
  'observation.next_step_empty': {
    status: 400,
    da: 'Skriv prøvehandlingen, før I aftaler den.',
    en: 'Write the next step before you agree on it.',
  },
  'observation.min_group_size': {
    status: 400,
    da: 'Den mindste gruppestørrelse skal være mindst 3.',
    en: 'The minimum group size must be at least 3.',
  },
  'observation.not_flagged': {
    status: 409,
    da: 'Besøget venter ikke på en afgørelse.',
    en: 'The visit is not waiting for a decision.',
  },
  // Setup (O1 schema, O6 guide, observers) — helper A.
  'observation.duplicate_key': {
    status: 400,
    da: 'Skemaet bruger den samme nøgle to gange. Genindlæs skemaet, og prøv igen.',
    en: 'The schema uses the same key twice. Reload the schema and try again.',
  },
  'observation.observer_not_in_institution': {
    status: 400,
    da: 'Besøg kan kun uddelegeres til en, der er ansat på institutionen.',
    en: 'Visits can only be delegated to someone who works at the institution.',
  },
  'observation.guide_not_published': {
    status: 409,
    da: 'Besøgsguiden er ikke offentliggjort endnu.',
    en: 'The visit guide has not been published yet.',
  },
  'observation.min_group_size_max': {
    status: 400,
    da: 'Den mindste gruppestørrelse kan højst være 50.',
    en: 'The minimum group size can be at most 50.',
  },
} as const;
