/** Errors of notes, tried/worked signals, statistics and learning packages (issue 4). */
export const REFLECTION_ERRORS = {
  'note.too_long': {
    status: 400,
    da: 'Noten er for lang: den må højst være 20.000 tegn. Forkort den, og prøv igen.',
    en: 'The note is too long: it can be at most 20,000 characters. Shorten it and try again.',
  },
  'signal.worked_without_tried': {
    status: 400,
    da: 'Du kan kun sige, at det virkede, når du også har afprøvet det.',
    en: 'You can only say it worked when you have also tried it.',
  },
  'signal.reflection_too_long': {
    status: 400,
    da: 'Refleksionen er for lang: den må højst være 2.000 tegn.',
    en: 'The reflection is too long: it can be at most 2,000 characters.',
  },
  'signal.not_tried': {
    status: 400,
    da: 'Markér først, at du har afprøvet det, før du skriver en refleksion.',
    en: 'Mark that you have tried it before writing a reflection.',
  },
  'view.not_found': { status: 404, da: 'Visningen findes ikke.', en: 'The view does not exist.' },
  'statistics.period_invalid': {
    status: 400,
    da: 'Perioden er ugyldig: startdatoen skal ligge før slutdatoen, og perioden må højst være 10 år.',
    en: 'The period is invalid: the start date must come before the end date, and the period can be at most 10 years.',
  },
  'package.not_found': {
    status: 404,
    da: 'Læringspakken findes ikke.',
    en: 'The learning package does not exist.',
  },
  'package.too_many_items': {
    status: 400,
    da: 'En læringspakke kan højst have 50 elementer.',
    en: 'A learning package can have at most 50 items.',
  },
  'package.video_unavailable': {
    status: 400,
    da: 'En af videoerne findes ikke, eller du har ikke adgang til den. Fjern den, og prøv igen.',
    en: 'One of the videos does not exist or is not available to you. Remove it and try again.',
  },
  'package.item_invalid': {
    status: 400,
    da: 'Et element i pakken er ugyldigt: en video skal vælges, og tekster og spørgsmål må ikke være tomme.',
    en: 'An item in the package is invalid: a video must be chosen, and texts and questions cannot be empty.',
  },
  'package.visibility_out_of_scope': {
    status: 400,
    da: 'Pakken kan ikke deles så bredt: den hører ikke til en institution eller kommune.',
    en: 'The package cannot be shared that widely: it does not belong to an institution or kommune.',
  },
} as const;
