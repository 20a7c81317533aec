/** Errors of the catalogue (issue 4): metadata, taxonomy, editorial workflow, collections and search. */
export const CATALOGUE_ERRORS = {
  'taxonomy.not_found': { status: 404, da: 'Emneordet findes ikke.', en: 'The term does not exist.' },
  'collection.not_found': { status: 404, da: 'Samlingen findes ikke.', en: 'The collection does not exist.' },
  // Catalogue metadata and editorial workflow (catalogue module).
  'catalogue.unknown_subject': {
    status: 400,
    da: 'Faget findes ikke i emneordslisten. Vælg et fag fra listen.',
    en: 'The subject is not in the taxonomy. Choose a subject from the list.',
  },
  'catalogue.unknown_method': {
    status: 400,
    da: 'En eller flere metoder findes ikke i emneordslisten. Vælg metoder fra listen.',
    en: 'One or more methods are not in the taxonomy. Choose methods from the list.',
  },
  'catalogue.too_many_methods': {
    status: 400,
    da: 'Vælg højst 10 metoder.',
    en: 'Choose at most 10 methods.',
  },
  'catalogue.private_video': {
    status: 409,
    da: 'En privat video kan ikke komme i kataloget. Vælg først en bredere synlighed.',
    en: 'A private video cannot enter the catalogue. Choose a wider visibility first.',
  },
  'catalogue.not_ready': {
    status: 409,
    da: 'Videoen er ikke færdigbehandlet endnu.',
    en: 'The video has not finished processing yet.',
  },
  'catalogue.wrong_state': {
    status: 409,
    da: 'Det kan ikke lade sig gøre i videoens nuværende redaktionelle tilstand. Genindlæs siden.',
    en: 'That is not possible in the video’s current editorial state. Reload the page.',
  },
  'catalogue.comment_required': {
    status: 400,
    da: 'Skriv en kommentar til ejeren om, hvad der skal ændres.',
    en: 'Write a comment telling the owner what to change.',
  },
  'catalogue.metadata_incomplete': {
    status: 409,
    da: 'Videoen skal have fag og aldersgruppe, før den kan udgives.',
    en: 'The video needs a subject and an age band before it can be published.',
  },
  'catalogue.consent_not_public': {
    status: 409,
    da: 'Samtykkeregistret tillader ikke, at videoen bliver offentlig. Ejeren skal registrere samtykke til offentlig visning først.',
    en: 'The consent register does not allow the video to be public. The owner must record consent for public viewing first.',
  },
  'taxonomy.duplicate': {
    status: 409,
    da: 'Der findes allerede et emneord med det navn.',
    en: 'A term with that name already exists.',
  },
  'taxonomy.in_use': {
    status: 409,
    da: 'Emneordet bruges af videoer og kan ikke slettes. Flet det i stedet ind i et andet emneord.',
    en: 'The term is used by videos and cannot be deleted. Merge it into another term instead.',
  },
  'taxonomy.merge_invalid': {
    status: 400,
    da: 'Et emneord kan kun flettes ind i et andet emneord af samme slags.',
    en: 'A term can only be merged into another term of the same kind.',
  },
  'collection.video_not_published': {
    status: 409,
    da: 'Kun udgivne katalogvideoer kan komme i en samling.',
    en: 'Only published catalogue videos can be added to a collection.',
  },
  'collection.full': {
    status: 409,
    da: 'En samling kan højst have 24 videoer.',
    en: 'A collection can hold at most 24 videos.',
  },
  'collection.order_stale': {
    status: 409,
    da: 'Rækkefølgen passer ikke længere med listen. Genindlæs siden, og prøv igen.',
    en: 'The order no longer matches the list. Reload the page and try again.',
  },
  // Search (search module).
  'search.invalid_cursor': {
    status: 400,
    da: 'Linket til næste side af søgeresultatet er ugyldigt. Søg igen.',
    en: 'The link to the next page of search results is invalid. Search again.',
  },
} as const;
