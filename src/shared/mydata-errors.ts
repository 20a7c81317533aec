/** Errors of "Mine data" (a person's export) and of erasing a person (issue 20 part 3, I5). */
export const MYDATA_ERRORS = {
  'mydata.export_not_found': {
    status: 404,
    da: 'Eksporten findes ikke, eller den er udløbet. Bestil en ny.',
    en: 'The export does not exist or has expired. Request a new one.',
  },
  'mydata.erase_confirm': {
    status: 422,
    da: 'Skriv personens fulde navn nøjagtigt som vist for at bekræfte sletningen.',
    en: "Type the person's full name exactly as shown to confirm the erasure.",
  },
  'mydata.erase_self': {
    status: 422,
    da: 'Du kan ikke slette dig selv. Bed en anden administrator om det.',
    en: 'You cannot erase yourself. Ask another administrator.',
  },
  'mydata.erase_last_administrator': {
    status: 409,
    da: 'Personen er den sidste administrator og kan ikke slettes. Giv først en anden administratorrollen.',
    en: 'The person is the last administrator and cannot be erased. Make someone else an administrator first.',
  },
  'mydata.erase_former_employee': {
    status: 422,
    da: '"Tidligere medarbejder" står for slettede personer og kan ikke slettes.',
    en: '"Former employee" stands for erased people and cannot be erased.',
  },
} as const;
