/** Errors of demand-driven training (V7) and notification settings (I3), issue 5. */
export const TRAINING_ERRORS = {
  'training.course_not_found': {
    status: 404,
    da: 'Træningsforløbet findes ikke.',
    en: 'The training course does not exist.',
  },
  'training.method_not_found': {
    status: 404,
    da: 'Metoden findes ikke.',
    en: 'The method does not exist.',
  },
  'training.method_not_on_video': {
    status: 400,
    da: 'Videoen er ikke mærket med den metode.',
    en: 'The video is not tagged with that method.',
  },
  'training.not_team_member': {
    status: 403,
    da: 'Du kan kun bede om træning på vegne af et team, du selv er med i.',
    en: 'You can only ask for training on behalf of a team you belong to.',
  },
  'training.invalid_state': {
    status: 409,
    da: 'Det kan ikke lade sig gøre i forløbets nuværende fase.',
    en: 'That is not possible in the course’s current stage.',
  },
  'training.course_incomplete': {
    status: 400,
    da: 'Forløbet mangler titel, antal pladser, mindst én underviser eller mindst én session.',
    en: 'The course needs a title, a number of seats, at least one trainer and at least one session.',
  },
  'training.session_in_past': {
    status: 400,
    da: 'En session kan ikke ligge i fortiden.',
    en: 'A session cannot be in the past.',
  },
  'training.session_order': {
    status: 400,
    da: 'En session skal slutte efter den begynder.',
    en: 'A session must end after it starts.',
  },
  'training.session_not_found': {
    status: 404,
    da: 'Sessionen findes ikke.',
    en: 'The session does not exist.',
  },
  'training.online_url_invalid': {
    status: 400,
    da: 'Linket til onlinemødet skal begynde med https:// eller http://.',
    en: 'The online meeting link must start with https:// or http://.',
  },
  'training.capacity_below_enrolled': {
    status: 409,
    da: 'Der er allerede tilmeldt flere end det antal pladser. Vælg mindst lige så mange pladser, som der er tilmeldte.',
    en: 'More people are already enrolled than that. Choose at least as many seats as there are enrolled.',
  },
  'training.enrolment_closed': {
    status: 409,
    da: 'Der er ikke åbent for tilmelding til forløbet.',
    en: 'The course is not open for enrolment.',
  },
  'training.not_enrolled': {
    status: 409,
    da: 'Du er ikke tilmeldt forløbet.',
    en: 'You are not enrolled in the course.',
  },
  'training.trainer_not_found': {
    status: 400,
    da: 'Underviseren findes ikke, eller du kan ikke se personen.',
    en: 'The trainer does not exist, or you cannot see that person.',
  },
  'training.institution_not_found': {
    status: 400,
    da: 'Institutionen findes ikke, eller du kan ikke se den.',
    en: 'The institution does not exist, or you cannot see it.',
  },
  'training.documentation_not_ready': {
    status: 409,
    da: 'Dokumentationsvideoen er ikke færdigbehandlet endnu. Vent til den kan afspilles.',
    en: 'The documentation video is not processed yet. Wait until it can be played.',
  },
  'training.documentation_not_shared': {
    status: 409,
    da: 'Dokumentationsvideoen skal kunne ses af andre end dig selv og dit team. Vælg mindst synlighed for institutionen.',
    en: 'The documentation video must be visible beyond you and your team. Choose at least institution visibility.',
  },
  'training.threshold_invalid': {
    status: 400,
    da: 'Grænsen skal være et helt tal mellem 1 og 1.000.',
    en: 'The threshold must be a whole number between 1 and 1,000.',
  },
  'notification.unsubscribe_invalid': {
    status: 400,
    da: 'Afmeldingslinket er ugyldigt. Du kan ændre dine notifikationer under Notifikationsindstillinger.',
    en: 'The unsubscribe link is not valid. You can change your notifications under Notification settings.',
  },
  // Notification settings (H3, issue 5 item 5).
  'notification.kind_unknown': {
    status: 400,
    da: 'Den slags notifikation findes ikke.',
    en: 'That kind of notification does not exist.',
  },
  // Asking for training and merging methods (H1, issue 5 items 1-2).
  'training.merge_active_courses': {
    status: 409,
    da: 'Begge metoder har et aktivt træningsforløb. Gør det ene forløb færdigt, før metoderne lægges sammen.',
    en: 'Both methods have an active training course. Finish one of them before merging the methods.',
  },
  // Courses, sessions and enrolment (H2, issue 5 item 3).
  'training.too_many_sessions': {
    status: 409,
    da: 'Et forløb kan højst have 20 sessioner.',
    en: 'A course can have at most 20 sessions.',
  },
  'training.session_place_missing': {
    status: 400,
    da: 'Skriv hvor sessionen foregår, eller angiv et link til onlinemødet.',
    en: 'Say where the session takes place, or give a link to the online meeting.',
  },
} as const;
