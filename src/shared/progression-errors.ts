/** Errors of the progression overview (issue 17 parts 2 and 3). Other progression helpers add their codes here. */
export const PROGRESSION_ERRORS = {
  'progression.group_not_found': {
    status: 404,
    da: 'Gruppen findes ikke, eller du har ikke adgang til den.',
    en: 'The group does not exist, or you do not have access to it.',
  },
  'progression.child_not_found': {
    status: 404,
    da: 'Barnet findes ikke i gruppen.',
    en: 'The child does not exist in the group.',
  },
  'progression.area_not_found': {
    status: 404,
    da: 'Området findes ikke på institutionen.',
    en: 'The area does not exist at the institution.',
  },
  'progression.period_not_found': {
    status: 404,
    da: 'Perioden findes ikke på institutionen.',
    en: 'The period does not exist at the institution.',
  },
  'progression.team_elsewhere': {
    status: 404,
    da: 'Teamet findes ikke på institutionen.',
    en: 'The team does not exist at the institution.',
  },
  'progression.stale': {
    status: 409,
    da: 'En anden har gemt imens. Se deres ændring, og gem dit igen oven på den.',
    en: 'Someone else saved meanwhile. See their change and save yours again on top of it.',
  },
  'progression.code_taken': {
    status: 409,
    da: 'Koden er allerede brugt til et andet barn på institutionen. Vælg en anden kode.',
    en: 'The code is already used for another child at the institution. Choose another code.',
  },
  'progression.name_taken': {
    status: 409,
    da: 'Navnet er allerede brugt. Vælg et andet navn.',
    en: 'The name is already in use. Choose another name.',
  },
  'progression.names_off': {
    status: 400,
    da: 'Institutionen gemmer ikke fulde navne. Brug kun barnets kode.',
    en: "The institution does not keep full names. Use only the child's code.",
  },
  'progression.names_team_only': {
    status: 403,
    da: 'Kun klasseteamet kan se og skrive børnenes fulde navne.',
    en: "Only the class team can see and write the children's full names.",
  },
  'progression.not_delegable': {
    status: 400,
    da: 'Der kan kun gives adgang til institutionens ressourcepersoner.',
    en: "Access can only be given to the institution's resource persons.",
  },
  'progression.period_dates': {
    status: 400,
    da: 'Perioden skal slutte samme dag eller efter den begynder og ligge inden for ét skoleår (1. august – 31. juli).',
    en: 'The period must end on or after the day it starts and lie within one school year (1 August – 31 July).',
  },
  'progression.date_outside_year': {
    status: 400,
    da: 'Datoen ligger uden for gruppens skoleår.',
    en: "The date is outside the group's school year.",
  },
  'progression.period_outside_year': {
    status: 400,
    da: 'Perioden hører til et andet skoleår end gruppen.',
    en: "The period belongs to another school year than the group's.",
  },
  'progression.group_archived': {
    status: 409,
    da: 'Gruppen er arkiveret. Gør den aktiv igen for at ændre i den.',
    en: 'The group is archived. Make it active again to change it.',
  },
  'progression.area_archived': {
    status: 409,
    da: 'Området er arkiveret. Gør det aktivt igen for at registrere i det.',
    en: 'The area is archived. Make it active again to record in it.',
  },
  'progression.group_full': {
    status: 409,
    da: 'Gruppen har det største antal børn, der er plads til.',
    en: 'The group has the largest number of children allowed.',
  },
  'progression.too_many': {
    status: 409,
    da: 'Der er allerede det største antal tilladte (områder eller perioder).',
    en: 'There is already the largest number allowed (areas or periods).',
  },
  'progression.in_use': {
    status: 409,
    da: 'Der er registreret data her, så det kan ikke slettes. Arkivér det i stedet.',
    en: 'Data has been recorded here, so it cannot be deleted. Archive it instead.',
  },
  'progression.not_placed': {
    status: 409,
    da: 'Barnet er ikke i gruppen længere.',
    en: 'The child is no longer in the group.',
  },
  'progression.move_invalid': {
    status: 400,
    da: 'Barnet kan kun flyttes til en anden aktiv gruppe i samme skoleår, fra en dag efter det kom i sin gruppe.',
    en: 'The child can only be moved to another active group in the same school year, from a day after it joined its group.',
  },
  // The CSV import (progression-import).
  'progression.import_unreadable': {
    status: 400,
    da: 'Filen kan ikke læses som en CSV-fil. Gem regnearket som »CSV (semikolonsepareret)« og prøv igen.',
    en: 'The file cannot be read as a CSV file. Save the spreadsheet as "CSV" and try again.',
  },
  'progression.import_empty': {
    status: 400,
    da: 'Filen har ingen rækker med data under overskriften.',
    en: 'The file has no rows of data below the header.',
  },
  'progression.import_too_many_rows': {
    status: 400,
    da: 'Filen har for mange rækker (højst 5.000).',
    en: 'The file has too many rows (at most 5,000).',
  },
  'progression.import_too_large': {
    status: 413,
    da: 'Filen er for stor (højst 2 MB).',
    en: 'The file is too large (at most 2 MB).',
  },
  'progression.import_columns': {
    status: 400,
    da: 'Vælg, hvilken kolonne der har koden, og en kolonne med score eller status.',
    en: 'Choose the column with the code, and a column with a score or a status.',
  },
  'progression.import_bands': {
    status: 400,
    da: 'To grænser overlapper: en score må kun give én farve.',
    en: 'Two bands overlap: a score may give only one colour.',
  },
  'progression.import_has_errors': {
    status: 422,
    da: 'Nogle rækker har fejl. Ret dem i filen, eller vælg at springe dem over.',
    en: 'Some rows have errors. Correct them in the file, or choose to skip them.',
  },
  'progression.bands_not_allowed': {
    status: 403,
    da: 'Kun ledelsen kan gemme grænserne for hele institutionen. Brug dem til denne import uden at gemme dem.',
    en: 'Only the leadership can save the limits for the whole institution. Use them for this import without saving them.',
  },
  'progression.import_stale': {
    status: 409,
    da: 'Oversigten eller filen er ændret siden forhåndsvisningen. Se ændringerne, og forhåndsvis igen.',
    en: 'The overview or the file changed since the preview. See the changes and preview again.',
  },
  'progression.conference_not_found': {
    status: 404,
    da: 'Læringssamtalen findes ikke, eller du har ikke adgang til den.',
    en: 'The learning conversation does not exist, or you do not have access to it.',
  },
  'progression.resource_person_invalid': {
    status: 400,
    da: 'Ressourcepersonen skal være ressourceperson eller leder på institutionen.',
    en: 'The resource person must be a resource person or leader at the institution.',
  },
} as const;
