/** Errors of single sign-on over OpenID Connect (issue 20 part 1, I2). */
export const SSO_ERRORS = {
  'sso.provider_not_found': {
    status: 404,
    da: 'Log-ind-tjenesten findes ikke (eller er slået fra).',
    en: 'The sign-in service does not exist (or is switched off).',
  },
  'sso.issuer_insecure': {
    status: 422,
    da: 'Udstederens adresse skal begynde med https:// (http er kun tilladt på denne maskine, til test).',
    en: 'The issuer address must start with https:// (http is only allowed on this machine, for tests).',
  },
  'sso.institution_required': {
    status: 422,
    da: 'Vælg den institution, nye personer skal oprettes i.',
    en: 'Choose the institution new people are created in.',
  },
  'sso.provider_unavailable': {
    status: 502,
    da: 'Log-ind-tjenesten svarer ikke lige nu. Prøv igen om lidt, eller log ind med e-mail og adgangskode.',
    en: 'The sign-in service is not answering right now. Try again shortly, or sign in with e-mail and password.',
  },
  'sso.state_invalid': {
    status: 400,
    da: 'Log-ind-forsøget er udløbet eller allerede brugt. Start forfra fra log-ind-siden.',
    en: 'The sign-in attempt has expired or was already used. Start again from the sign-in page.',
  },
  'sso.token_invalid': {
    status: 401,
    da: 'Svaret fra log-ind-tjenesten kunne ikke godkendes, så du er ikke logget ind. Prøv igen.',
    en: 'The answer from the sign-in service could not be accepted, so you are not signed in. Try again.',
  },
  'sso.cancelled': {
    status: 400,
    da: 'Log-ind blev afbrudt hos log-ind-tjenesten. Du er ikke logget ind.',
    en: 'Signing in was cancelled at the sign-in service. You are not signed in.',
  },
  'sso.pupil': {
    status: 403,
    da: 'Amongi er for medarbejdere. Elever kan ikke logge ind her.',
    en: 'Amongi is for staff. Pupils cannot sign in here.',
  },
  'sso.role_unknown': {
    status: 403,
    da: 'Amongi er for medarbejdere. Din brugertype hos log-ind-tjenesten giver ikke adgang. Kontakt din leder, hvis du er ansat.',
    en: 'Amongi is for staff. Your user type at the sign-in service gives no access. Contact your leader if you are staff.',
  },
  'sso.email_unverified': {
    status: 403,
    da: 'Log-ind-tjenesten har ikke bekræftet din e-mail, så vi kan ikke finde din konto i Amongi. Log ind med e-mail og adgangskode, eller kontakt en administrator.',
    en: 'The sign-in service has not verified your e-mail, so we cannot find your Amongi account. Sign in with e-mail and password, or contact an administrator.',
  },
  'sso.no_account': {
    status: 403,
    da: 'Du har ikke en konto i Amongi endnu. Kontakt din leder eller en administrator.',
    en: 'You do not have an Amongi account yet. Contact your leader or an administrator.',
  },
  'sso.already_linked': {
    status: 409,
    da: 'Din konto i Amongi er allerede knyttet til en anden konto hos denne log-ind-tjeneste. Kontakt en administrator.',
    en: 'Your Amongi account is already linked to another account at this sign-in service. Contact an administrator.',
  },
} as const;
