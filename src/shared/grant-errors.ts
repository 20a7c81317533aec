import { COACHING_LIMITS } from './coaching.js';

/** Errors of personal shares and downloads of one's own recordings (issue 19, part A: V10). */
export const GRANT_ERRORS = {
  'grant.self': {
    status: 422,
    da: 'Du kan ikke dele din egen optagelse med dig selv.',
    en: 'You cannot share your own recording with yourself.',
  },
  'grant.person_not_found': {
    status: 422,
    da: 'Personen findes ikke. Vælg en kollega på listen.',
    en: 'The person does not exist. Choose a colleague from the list.',
  },
  'grant.outside_kommune': {
    status: 422,
    da: 'Du kan kun dele med medarbejdere i din egen kommune.',
    en: 'You can only share with staff in your own municipality.',
  },
  'grant.person_inactive': {
    status: 422,
    da: 'Personen har ikke en aktiv konto og kan derfor ikke se optagelsen.',
    en: 'The person does not have an active account and cannot watch the recording.',
  },
  'grant.not_staff': {
    status: 422,
    da: 'Personen er ikke ansat på en institution i kommunen. Du kan dele med ledere, ressourcepersoner og medarbejdere.',
    en: 'The person is not staff at an institution in the municipality. You can share with leaders, resource persons and staff.',
  },
  'grant.too_many': {
    status: 422,
    da: `Optagelsen er allerede delt med ${COACHING_LIMITS.grantsPerVideo} personer. Fjern en adgang, før du deler med flere.`,
    en: `The recording is already shared with ${COACHING_LIMITS.grantsPerVideo} people. Remove someone before sharing with more.`,
  },
  'grant.expiry_past': {
    status: 422,
    da: 'Slutdatoen er overskredet. Vælg i dag eller en senere dag.',
    en: 'The end date has passed. Choose today or a later day.',
  },
  'grant.expiry_too_far': {
    status: 422,
    da: `Slutdatoen ligger for langt ude. Du kan dele i højst ${COACHING_LIMITS.grantMaxDays} dage ad gangen, eller uden slutdato.`,
    en: `The end date is too far ahead. You can share for at most ${COACHING_LIMITS.grantMaxDays} days at a time, or without an end date.`,
  },
  'grant.consent_private': {
    status: 422,
    da: 'Samtykket tillader ikke, at andre end dig ser optagelsen. Opdatér samtykket, før du deler den.',
    en: 'The consent does not allow anyone but you to watch the recording. Update the consent before sharing it.',
  },
  'grant.not_found': {
    status: 404,
    da: 'Delingen findes ikke (måske er den allerede fjernet).',
    en: 'The share does not exist (it may already have been removed).',
  },
  'download.not_allowed': {
    status: 403,
    da: 'Ejeren har ikke tilladt, at optagelsen hentes.',
    en: 'The owner has not allowed the recording to be downloaded.',
  },
  'download.not_ready': {
    status: 409,
    da: 'Optagelsen er ikke færdigbehandlet endnu og kan ikke hentes.',
    en: 'The recording has not finished processing and cannot be downloaded.',
  },
} as const;
