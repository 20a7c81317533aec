/** Errors of communities of practice, discussions and notifications (issue 4). */
export const COMMUNITY_ERRORS = {
  'community.not_found': {
    status: 404,
    da: 'Fællesskabet findes ikke.',
    en: 'The community does not exist.',
  },
  'comment.not_found': { status: 404, da: 'Kommentaren findes ikke.', en: 'The comment does not exist.' },
  // Communities of practice: membership, moderation and shared videos.
  'community.name_taken': {
    status: 409,
    da: 'Der findes allerede et fællesskab med det navn.',
    en: 'A community with that name already exists.',
  },
  'community.not_member': {
    status: 409,
    da: 'Personen er ikke medlem af fællesskabet.',
    en: 'The person is not a member of the community.',
  },
  'community.already_member': {
    status: 409,
    da: 'Personen er allerede medlem af fællesskabet eller inviteret.',
    en: 'The person is already a member of the community or invited.',
  },
  'community.last_moderator': {
    status: 409,
    da: 'Et fællesskab skal have mindst én moderator. Gør et andet medlem til moderator først, eller slet fællesskabet.',
    en: 'A community needs at least one moderator. Make another member a moderator first, or delete the community.',
  },
  'community.video_not_shareable': {
    status: 409,
    da: 'Videoen kan ikke deles i et fællesskab, før den er færdigbehandlet og ikke længere privat.',
    en: 'The video cannot be shared in a community until it is ready and no longer private.',
  },
  'community.video_already_shared': {
    status: 409,
    da: 'Videoen er allerede delt i fællesskabet.',
    en: 'The video is already shared in the community.',
  },
  'community.share_not_found': {
    status: 404,
    da: 'Videoen er ikke delt i fællesskabet.',
    en: 'The video is not shared in the community.',
  },
  // Posts and events in a community (issue 15).
  'community.post_not_found': {
    status: 404,
    da: 'Opslaget findes ikke.',
    en: 'The post does not exist.',
  },
  'community.post_empty': {
    status: 400,
    da: 'Skriv noget i opslaget.',
    en: 'Write something in the post.',
  },
  'community.post_too_long': {
    status: 400,
    da: 'Opslaget er for langt (højst 10.000 tegn).',
    en: 'The post is too long (at most 10,000 characters).',
  },
  'community.link_invalid': {
    status: 400,
    da: 'Linket skal være en hel adresse, der begynder med https:// eller http://.',
    en: 'The link must be a full address starting with https:// or http://.',
  },
  'community.file_missing': {
    status: 400,
    da: 'Vælg en fil at dele.',
    en: 'Choose a file to share.',
  },
  'community.file_type': {
    status: 415,
    da: 'Filen kan ikke deles her. Del en PDF, et billede (PNG, JPEG, GIF, WebP), et Word-, Excel- eller PowerPoint-dokument eller en tekstfil.',
    en: 'The file cannot be shared here. Share a PDF, an image (PNG, JPEG, GIF, WebP), a Word, Excel or PowerPoint document, or a text file.',
  },
  'community.file_too_large': {
    status: 413,
    da: 'Filen er for stor (højst 10 MB).',
    en: 'The file is too large (at most 10 MB).',
  },
  'community.event_times': {
    status: 400,
    da: 'Begivenheden skal slutte efter, den begynder.',
    en: 'The event must end after it starts.',
  },
  'community.event_place': {
    status: 400,
    da: 'Skriv et sted eller et link til det online møde.',
    en: 'Give a place or a link to the online meeting.',
  },
  // Discussion (comments, reports, moderation) and notifications.
  'comment.empty': { status: 400, da: 'Skriv en kommentar.', en: 'Write a comment.' },
  'comment.too_long': {
    status: 400,
    da: 'Kommentaren er for lang (højst 10.000 tegn).',
    en: 'The comment is too long (at most 10,000 characters).',
  },
  'comment.too_deep': {
    status: 400,
    da: 'Du kan ikke svare dybere i denne tråd. Svar på en kommentar længere oppe.',
    en: 'You cannot reply any deeper in this thread. Reply to a comment further up.',
  },
  'comment.parent_not_found': {
    status: 400,
    da: 'Kommentaren, du svarer på, findes ikke længere.',
    en: 'The comment you are replying to no longer exists.',
  },
  'comment.anchor_invalid': {
    status: 400,
    da: 'Tidspunktet skal ligge inden for videoens længde.',
    en: 'The time must be within the length of the video.',
  },
  'comment.deleted': {
    status: 409,
    da: 'Kommentaren er slettet.',
    en: 'The comment has been deleted.',
  },
  'comment.already_reported': {
    status: 409,
    da: 'Du har allerede anmeldt denne kommentar.',
    en: 'You have already reported this comment.',
  },
  'notification.not_found': {
    status: 404,
    da: 'Notifikationen findes ikke.',
    en: 'The notification does not exist.',
  },
} as const;
