/** Errors of notes, tried/worked signals, statistics and learning packages (issue 4). */
export const REFLECTION_ERRORS = {
  'package.not_found': {
    status: 404,
    da: 'Læringspakken findes ikke.',
    en: 'The learning package does not exist.',
  },
} as const;
