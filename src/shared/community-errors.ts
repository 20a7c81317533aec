/** Errors of communities of practice, discussions and notifications (issue 4). */
export const COMMUNITY_ERRORS = {
  'community.not_found': {
    status: 404,
    da: 'Fællesskabet findes ikke.',
    en: 'The community does not exist.',
  },
  'comment.not_found': { status: 404, da: 'Kommentaren findes ikke.', en: 'The comment does not exist.' },
} as const;
