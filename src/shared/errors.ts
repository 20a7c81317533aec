import { AUDIT_ERRORS } from './audit-errors.js';
import { CATALOGUE_ERRORS } from './catalogue-errors.js';
import { CLIP_ERRORS } from './clip-errors.js';
import { COACHING_CAPTION_ERRORS } from './coaching-captions-errors.js';
import { FEEDBACK_ERRORS } from './coaching-feedback-errors.js';
import { COMMUNITY_ERRORS } from './community-errors.js';
import type { Locale } from './constants.js';
import { CONVERSATION_ERRORS } from './conversation-errors.js';
import { EVALUATION_ERRORS } from './evaluation-errors.js';
import { GRANT_ERRORS } from './grant-errors.js';
import { INQUIRY_ERRORS } from './inquiry-errors.js';
import { MYDATA_ERRORS } from './mydata-errors.js';
import { OBSERVATION_ERRORS } from './observation-errors.js';
import { PROGRESSION_ERRORS } from './progression-errors.js';
import { REFLECTION_ERRORS } from './reflection-errors.js';
import { SSO_ERRORS } from './sso-errors.js';
import { STAFF_SYNC_ERRORS } from './staff-sync-errors.js';
import { STORY_ERRORS } from './story-errors.js';
import { SURVEY_ERRORS } from './survey-errors.js';
import { TRAINING_ERRORS } from './training-errors.js';
import { VIDEO_ERRORS } from './video-errors.js';

/** Every error the API can answer with: a stable code, an HTTP status and a message per language. */
export const ERRORS = {
  'request.invalid': { status: 400, da: 'Forespørgslen er ugyldig.', en: 'The request is invalid.' },
  'request.malformed_json': {
    status: 400,
    da: 'Forespørgslen indeholder ikke gyldig JSON.',
    en: 'The request body is not valid JSON.',
  },
  'request.too_large': { status: 413, da: 'Forespørgslen er for stor.', en: 'The request is too large.' },
  'request.unsupported_type': {
    status: 415,
    da: 'Indholdstypen understøttes ikke.',
    en: 'The content type is not supported.',
  },
  'request.invalid_text': {
    status: 400,
    da: 'Teksten indeholder tegn, der ikke kan gemmes (f.eks. et nul-tegn).',
    en: 'The text contains characters that cannot be stored (such as a NUL character).',
  },
  'request.invalid_date': {
    status: 400,
    da: 'Datoen findes ikke. Brug en dato fra år 1 til 9999 på formen ÅÅÅÅ-MM-DD.',
    en: 'The date does not exist. Use a date from year 1 to 9999 written as YYYY-MM-DD.',
  },
  'request.invalid_number': {
    status: 400,
    da: 'Tallet er uden for det gyldige område.',
    en: 'The number is outside the valid range.',
  },
  'route.not_found': { status: 404, da: 'Siden findes ikke.', en: 'Not found.' },
  'auth.required': { status: 401, da: 'Du skal logge ind.', en: 'You need to sign in.' },
  'auth.session_expired': {
    status: 401,
    da: 'Din session er udløbet. Log ind igen.',
    en: 'Your session has expired. Please sign in again.',
  },
  'auth.invalid_credentials': {
    status: 401,
    da: 'Forkert e-mail eller adgangskode.',
    en: 'Wrong e-mail or password.',
  },
  'auth.account_disabled': {
    status: 403,
    da: 'Kontoen er deaktiveret. Kontakt din administrator.',
    en: 'The account is disabled. Contact your administrator.',
  },
  'auth.rate_limited': {
    status: 429,
    da: 'For mange loginforsøg. Vent lidt, og prøv igen.',
    en: 'Too many sign-in attempts. Wait a while and try again.',
  },
  'auth.csrf_invalid': {
    status: 403,
    da: 'Sikkerhedstjek mislykkedes. Genindlæs siden, og prøv igen.',
    en: 'Security check failed. Reload the page and try again.',
  },
  'auth.token_invalid': {
    status: 400,
    da: 'Linket er ugyldigt eller allerede brugt.',
    en: 'The link is invalid or has already been used.',
  },
  'auth.token_expired': {
    status: 400,
    da: 'Linket er udløbet. Bed om et nyt.',
    en: 'The link has expired. Ask for a new one.',
  },
  'auth.password_weak': {
    status: 400,
    da: 'Adgangskoden skal være mindst 12 tegn.',
    en: 'The password must be at least 12 characters.',
  },
  'auth.wrong_current_password': {
    status: 400,
    da: 'Den nuværende adgangskode er forkert.',
    en: 'The current password is wrong.',
  },
  'policy.forbidden': {
    status: 403,
    da: 'Du har ikke adgang til at gøre dette.',
    en: 'You are not allowed to do this.',
  },
  'kommune.not_found': { status: 404, da: 'Kommunen findes ikke.', en: 'The municipality does not exist.' },
  'kommune.name_taken': {
    status: 409,
    da: 'Der findes allerede en kommune med det navn.',
    en: 'A municipality with that name already exists.',
  },
  'kommune.not_empty': {
    status: 409,
    da: 'Kommunen har institutioner og kan ikke slettes.',
    en: 'The municipality has institutions and cannot be deleted.',
  },
  'institution.not_found': {
    status: 404,
    da: 'Institutionen findes ikke.',
    en: 'The institution does not exist.',
  },
  'institution.name_taken': {
    status: 409,
    da: 'Der findes allerede en institution med det navn i kommunen.',
    en: 'An institution with that name already exists in the municipality.',
  },
  'team.not_found': { status: 404, da: 'Teamet findes ikke.', en: 'The team does not exist.' },
  'team.name_taken': {
    status: 409,
    da: 'Der findes allerede et team med det navn i institutionen.',
    en: 'A team with that name already exists in the institution.',
  },
  'person.not_found': { status: 404, da: 'Personen findes ikke.', en: 'The person does not exist.' },
  'person.email_taken': {
    status: 409,
    da: 'Der findes allerede en person med den e-mailadresse.',
    en: 'A person with that e-mail address already exists.',
  },
  'person.last_administrator': {
    status: 409,
    da: 'Den sidste administrator kan ikke fjernes.',
    en: 'The last administrator cannot be removed.',
  },
  'team.member_not_in_institution': {
    status: 409,
    da: 'Personen har ingen rolle i teamets institution.',
    en: 'The person has no role in the team’s institution.',
  },
  'person.not_invited': {
    status: 409,
    da: 'Personen har allerede taget imod invitationen.',
    en: 'The person has already accepted the invitation.',
  },
  'role.invalid_scope': {
    status: 400,
    da: 'Rollen passer ikke til det valgte område.',
    en: 'The role does not fit the chosen scope.',
  },
  'import.invalid_file': {
    status: 400,
    da: 'Filen kunne ikke læses som CSV.',
    en: 'The file could not be read as CSV.',
  },
  'import.has_errors': {
    status: 422,
    da: 'Importen indeholder fejl. Intet er gemt.',
    en: 'The import has errors. Nothing was saved.',
  },
  'import.missing_columns': {
    status: 400,
    da: 'Filen mangler kolonner. Første linje skal have kolonnerne navn, e-mail, institution og rolle (team kan udelades).',
    en: 'The file is missing columns. The first line must have the columns name, email, institution and role (team is optional).',
  },
  'import.unknown_columns': {
    status: 400,
    da: 'Filen har kolonner, som ikke kendes. Tilladte kolonner er navn, e-mail, institution, team og rolle.',
    en: 'The file has unknown columns. Allowed columns are name, email, institution, team and role.',
  },
  'import.empty_file': {
    status: 400,
    da: 'Filen indeholder ingen medarbejdere. Den skal have en overskriftslinje og mindst én linje med en medarbejder.',
    en: 'The file contains no staff. It needs a header line and at least one line with a person.',
  },
  'import.too_many_rows': {
    status: 400,
    da: 'Filen har for mange linjer. Der kan højst importeres 5.000 medarbejdere ad gangen.',
    en: 'The file has too many lines. At most 5,000 people can be imported at a time.',
  },
  'internal.error': {
    status: 500,
    da: 'Der skete en uventet fejl. Prøv igen om lidt.',
    en: 'An unexpected error occurred. Try again shortly.',
  },
  'internal.unavailable': {
    status: 503,
    da: 'Tjenesten er midlertidigt utilgængelig.',
    en: 'The service is temporarily unavailable.',
  },
  'request.rate_limited': {
    status: 429,
    da: 'Du har sendt for mange tunge forespørgsler på kort tid. Vent lidt, og prøv igen.',
    en: 'You have sent too many heavy requests in a short time. Wait a while and try again.',
  },
  'server.busy': {
    status: 503,
    da: 'Amongi har travlt lige nu. Prøv igen om lidt.',
    en: 'Amongi is busy right now. Try again in a moment.',
  },
  ...VIDEO_ERRORS,
  ...SSO_ERRORS, // issue 20 part 1 (OpenID Connect sign-in)
  // Issue 19, part C (clips).
  ...CLIP_ERRORS,
  ...CATALOGUE_ERRORS,
  ...COMMUNITY_ERRORS,
  ...INQUIRY_ERRORS,
  ...EVALUATION_ERRORS,
  ...STORY_ERRORS,
  ...REFLECTION_ERRORS,
  ...TRAINING_ERRORS,
  ...OBSERVATION_ERRORS,
  ...CONVERSATION_ERRORS,
  ...PROGRESSION_ERRORS,
  ...SURVEY_ERRORS,
  ...COACHING_CAPTION_ERRORS, // issue 19 part E (captions & chapters)
  ...FEEDBACK_ERRORS, // issue 19 part B (typed feedback, prompt sets)
  ...GRANT_ERRORS, // issue 19 part A (personal shares, downloads)
  ...AUDIT_ERRORS, // issue 20 parts 4–5 (audit log, retention)
  ...MYDATA_ERRORS, // issue 20 part 3 (Mine data, erasure)
  ...STAFF_SYNC_ERRORS, // issue 20 part 2 (staff sync, SCIM)
} as const satisfies Record<string, { status: number; da: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return ERRORS[code][locale];
}
