/** Errors of practice stories (issue 16 part 4). */
export const STORY_ERRORS = {
  'story.not_found': {
    status: 404,
    da: 'Praksisfortællingen findes ikke.',
    en: 'The practice story does not exist.',
  },
  'story.stale': {
    status: 409,
    da: 'En anden har gemt praksisfortællingen imens. Se deres ændring herunder, og gem dit igen oven på den.',
    en: 'Someone else saved the practice story meanwhile. See their change below and save yours again on top of it.',
  },
  'story.cycle_not_finished': {
    status: 409,
    da: 'Forløbet skal være afsluttet, før I kan skrive en praksisfortælling om det.',
    en: 'The cycle must be finished before you can write a practice story about it.',
  },
  'story.wrong_state': {
    status: 409,
    da: 'Det kan ikke lade sig gøre, mens praksisfortællingen er i sin nuværende tilstand. Hent siden igen.',
    en: 'That is not possible in the practice story’s current state. Reload the page.',
  },
  'story.note_required': {
    status: 400,
    da: 'Skriv en note til teamet om, hvad de skal ændre, før du sender fortællingen tilbage.',
    en: 'Write a note to the team about what to change before you send the story back.',
  },
  'story.invalid_terms': {
    status: 400,
    da: 'Et fag eller en metode findes ikke. Vælg dem igen.',
    en: 'A subject or a method does not exist. Choose them again.',
  },
  'story.video_unavailable': {
    status: 409,
    da: 'Du kan kun knytte videoer til fortællingen, som du selv må se.',
    en: 'You can only link videos you may watch yourself.',
  },
} as const;
