/** Errors of the video pipeline (issue 3): uploads, processing failures, visibility, consent, sharing, captions. */
export const VIDEO_ERRORS = {
  'video.not_found': { status: 404, da: 'Videoen findes ikke.', en: 'The video does not exist.' },
  'video.no_institution': {
    status: 403,
    da: 'Du skal høre til en institution for at kunne uploade videoer.',
    en: 'You must belong to an institution to upload videos.',
  },
  'video.not_ready': {
    status: 409,
    da: 'Videoen er ikke færdigbehandlet endnu.',
    en: 'The video has not finished processing yet.',
  },
  'video.not_failed': {
    status: 409,
    da: 'Kun en video, hvis behandling er fejlet, kan prøves igen.',
    en: 'Only a video whose processing failed can be retried.',
  },
  'video.team_required': {
    status: 400,
    da: 'Vælg hvilket team, der skal kunne se videoen.',
    en: 'Choose which team may see the video.',
  },
  'video.team_not_yours': {
    status: 400,
    da: 'Du kan kun dele med et team, du selv er med i, på videoens institution.',
    en: 'You can only share with a team you belong to, at the video’s institution.',
  },
  'video.consent_required': {
    status: 409,
    da: 'Angiv først, om der er børn eller elever i videoen, og hvilket samtykke der er indhentet.',
    en: 'First state whether children or pupils appear in the video and which consent was collected.',
  },
  'video.visibility_exceeds_consent': {
    status: 409,
    da: 'Samtykket tillader ikke, at videoen vises så bredt.',
    en: 'The consent does not allow the video to be shown that widely.',
  },
  // Why processing failed: stored on the video and shown on its page.
  'video.empty_file': { status: 422, da: 'Filen er tom.', en: 'The file is empty.' },
  'video.not_a_video': { status: 422, da: 'Filen er ikke en video.', en: 'The file is not a video.' },
  'video.unreadable': {
    status: 422,
    da: 'Videoen kan ikke læses. Filen er måske ufuldstændig eller beskadiget.',
    en: 'The video cannot be read. The file may be incomplete or damaged.',
  },
  'video.too_small': {
    status: 422,
    da: 'Videoens billede er for lille til at blive vist.',
    en: 'The video’s picture is too small to be shown.',
  },
  'video.too_long': {
    status: 422,
    da: 'Videoen er for lang. Den må højst vare 4 timer.',
    en: 'The video is too long. It may last at most 4 hours.',
  },
  'video.transcode_failed': {
    status: 422,
    da: 'Videoen kunne ikke omkodes. Prøv igen, eller upload filen i et andet format.',
    en: 'The video could not be converted. Try again, or upload the file in another format.',
  },
  'upload.too_large': {
    status: 413,
    da: 'Filen er større, end det er tilladt at uploade.',
    en: 'The file is larger than uploads may be.',
  },
  'upload.length_required': {
    status: 400,
    da: 'Uploaden skal angive filens størrelse.',
    en: 'The upload must state the file size.',
  },
  'upload.invalid_metadata': {
    status: 400,
    da: 'Uploadens metadata (filnavn og titel) kunne ikke læses.',
    en: 'The upload metadata (filename and title) could not be read.',
  },
  'upload.not_found': {
    status: 404,
    da: 'Uploaden findes ikke. Start den forfra.',
    en: 'The upload does not exist. Start it again.',
  },
  'upload.quota_exceeded': {
    status: 403,
    da: 'Der er ikke plads til filen. Dine videoer og igangværende uploads fylder allerede det, du må bruge. Slet en video, du ikke længere skal bruge, eller kontakt din administrator.',
    en: 'There is no room for the file. Your videos and uploads in progress already use your allowance. Delete a video you no longer need, or contact your administrator.',
  },
  'upload.finished': {
    status: 409,
    da: 'Uploaden er allerede afsluttet. Start en ny upload for at sende en anden fil.',
    en: 'The upload has already finished. Start a new upload to send another file.',
  },
  'share.not_found': {
    status: 404,
    da: 'Linket virker ikke længere. Det kan være udløbet eller trukket tilbage.',
    en: 'The link no longer works. It may have expired or been revoked.',
  },
  'share.never_requires_public': {
    status: 400,
    da: 'Et link uden udløb kan kun laves til en offentlig video.',
    en: 'A link that never expires can only be made for a public video.',
  },
  'share.private_video': {
    status: 409,
    da: 'En privat video kan kun ses af dig, så den kan ikke deles med et link. Gør den synlig for flere først.',
    en: 'Only you can see a private video, so it cannot be shared by link. Make it visible to more people first.',
  },
  'caption.invalid': {
    status: 400,
    da: 'Undertekstfilen er ikke gyldig WebVTT.',
    en: 'The caption file is not valid WebVTT.',
  },
  'caption.not_found': { status: 404, da: 'Underteksterne findes ikke.', en: 'The captions do not exist.' },
} as const satisfies Record<string, { status: number; da: string; en: string }>;
