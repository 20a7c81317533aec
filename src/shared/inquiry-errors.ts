/** Errors of team spaces and inquiry cycles (issue 16). */
export const INQUIRY_ERRORS = {
  'inquiry.cycle_not_found': {
    status: 404,
    da: 'Forløbet findes ikke.',
    en: 'The inquiry cycle does not exist.',
  },
  'inquiry.template_not_found': {
    status: 404,
    da: 'Skabelonen findes ikke.',
    en: 'The template does not exist.',
  },
  'inquiry.item_not_found': {
    status: 404,
    da: 'Det findes ikke i forløbet.',
    en: 'It does not exist in the inquiry cycle.',
  },
  'inquiry.stale': {
    status: 409,
    da: 'En anden har gemt en ændring imens. Se deres ændring herunder, og gem dit igen oven på den.',
    en: 'Someone else saved a change meanwhile. See their change below and save yours again on top of it.',
  },
  'inquiry.not_team_member': {
    status: 409,
    da: 'Personen er ikke medlem af teamet.',
    en: 'The person is not a member of the team.',
  },
  'inquiry.evidence_unavailable': {
    status: 409,
    da: 'Du kan kun knytte besøg og videoer til forløbet, som du selv må se.',
    en: 'You can only link visits and videos you may see yourself.',
  },
  'inquiry.file_type': {
    status: 415,
    da: 'Filen kan ikke bruges: den skal være en PDF, et billede (PNG, JPEG, GIF, WebP), et Office-dokument (Word, Excel, PowerPoint) eller en tekstfil, og dens navn skal passe til indholdet.',
    en: 'The file cannot be used: it must be a PDF, an image (PNG, JPEG, GIF, WebP), an Office document (Word, Excel, PowerPoint) or a text file, and its name must match its content.',
  },
  'inquiry.file_too_large': {
    status: 413,
    da: 'Filen er for stor. Den må højst fylde 20 MB.',
    en: 'The file is too large. It may be at most 20 MB.',
  },
  'inquiry.file_empty': { status: 400, da: 'Filen er tom.', en: 'The file is empty.' },
  'inquiry.finished': {
    status: 409,
    da: 'Forløbet er afsluttet. Start en ny runde for at arbejde videre.',
    en: 'The cycle is finished. Start a new loop to carry on.',
  },
  'inquiry.too_many_tasks': {
    status: 409,
    da: 'Forløbet har nået grænsen for opgaver.',
    en: 'The cycle has reached its limit of tasks.',
  },
  'inquiry.too_much_evidence': {
    status: 409,
    da: 'Forløbet har nået grænsen for data og materialer. Slet noget, før du tilføjer mere.',
    en: 'The cycle has reached its limit of evidence. Remove something before adding more.',
  },
  'inquiry.invalid_content': {
    status: 400,
    da: 'Svarene passer ikke til forløbets faser.',
    en: 'The answers do not fit the cycle’s phases.',
  },
  'inquiry.required_missing': {
    status: 409,
    da: 'Nogle felter skal udfyldes, før forløbet kan gå videre. Se listen herunder.',
    en: 'Some fields must be filled in before the cycle can move on. See the list below.',
  },
  'inquiry.live_busy': {
    status: 503,
    da: 'Der er lige nu for mange åbne mødeskærme på serveren. Siden prøver igen om lidt.',
    en: 'Too many meeting screens are open on the server right now. The page will try again shortly.',
  },
  'inquiry.meeting_not_found': {
    status: 404,
    da: 'Mødet findes ikke.',
    en: 'The meeting does not exist.',
  },
  'inquiry.round_not_found': {
    status: 404,
    da: 'Runden findes ikke.',
    en: 'The round does not exist.',
  },
  'inquiry.not_facilitator': {
    status: 403,
    da: 'Kun mødets facilitator kan styre mødet.',
    en: 'Only the meeting’s facilitator can run the meeting.',
  },
  'inquiry.meeting_not_running': {
    status: 409,
    da: 'Mødet er ikke i gang.',
    en: 'The meeting is not running.',
  },
  'inquiry.meeting_ended': {
    status: 409,
    da: 'Mødet er slut.',
    en: 'The meeting has ended.',
  },
  'inquiry.round_ended': {
    status: 409,
    da: 'Runden er slut. Dit bidrag blev ikke gemt.',
    en: 'The round has ended. Your contribution was not saved.',
  },
  'inquiry.meeting_full': {
    status: 409,
    da: 'Mødet har nået grænsen for runder, bidrag, beslutninger eller opgaver.',
    en: 'The meeting has reached its limit of rounds, contributions, decisions or action items.',
  },
} as const;
