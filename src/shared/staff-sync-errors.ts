/** Errors of the staff sync (issue 20 part 2): sources, their runs and the SCIM endpoints. */
export const STAFF_SYNC_ERRORS = {
  'staff_sync.not_found': { status: 404, da: 'Kilden findes ikke.', en: 'The source does not exist.' },
  'staff_sync.path_not_allowed': {
    status: 422,
    da: 'Stien er ikke tilladt. Filen skal ligge i den mappe, driftsansvarlig har sat i STAFF_SYNC_DIR.',
    en: 'The path is not allowed. The file must be in the folder the operator set in STAFF_SYNC_DIR.',
  },
  'staff_sync.paths_disabled': {
    status: 422,
    da: 'Filer på en sti er slået fra på denne server (STAFF_SYNC_DIR er ikke sat). Brug en URL eller SCIM.',
    en: 'Files at a path are turned off on this server (STAFF_SYNC_DIR is not set). Use a URL or SCIM.',
  },
  'staff_sync.url_invalid': {
    status: 422,
    da: 'Adressen skal starte med http:// eller https://.',
    en: 'The address must start with http:// or https://.',
  },
  'staff_sync.scope_required': {
    status: 422,
    da: 'Vælg mindst én institution eller en kommune, som kilden må ændre.',
    en: 'Choose at least one institution or a municipality the source may change.',
  },
  'staff_sync.default_institution_required': {
    status: 422,
    da: 'En SCIM-kilde skal have en institution, som nye medarbejdere kommer i, inden for kildens område.',
    en: 'A SCIM source needs an institution for new staff, within the source’s scope.',
  },
  'staff_sync.source_unreachable': {
    status: 502,
    da: 'Kilden kunne ikke læses (filen mangler, serveren svarer ikke, eller svaret var ikke en fil).',
    en: 'The source could not be read (the file is missing, the server does not answer, or the answer was not a file).',
  },
  'staff_sync.source_too_large': {
    status: 502,
    da: 'Filen fra kilden er for stor.',
    en: 'The file from the source is too large.',
  },
  'staff_sync.busy': {
    status: 409,
    da: 'Kilden synkroniseres allerede. Prøv igen om lidt.',
    en: 'The source is already being synchronised. Try again shortly.',
  },
  'staff_sync.brake': {
    status: 409,
    da: 'Kørslen ville deaktivere flere medarbejdere, end kilden tillader. En administrator skal bekræfte.',
    en: 'The run would deactivate more staff than the source allows. An administrator must confirm.',
  },
  'staff_sync.nothing_to_confirm': {
    status: 409,
    da: 'Der er ingen standset kørsel at bekræfte.',
    en: 'There is no stopped run to confirm.',
  },
  'staff_sync.not_scim': {
    status: 422,
    da: 'Kun SCIM-kilder har en nøgle.',
    en: 'Only SCIM sources have a token.',
  },
} as const;
