/** Errors of the catalogue (issue 4): metadata, taxonomy, editorial workflow, collections and search. */
export const CATALOGUE_ERRORS = {
  'taxonomy.not_found': { status: 404, da: 'Emneordet findes ikke.', en: 'The term does not exist.' },
  'collection.not_found': { status: 404, da: 'Samlingen findes ikke.', en: 'The collection does not exist.' },
} as const;
