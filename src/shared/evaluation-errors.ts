/** Errors of evaluation plans / dataårshjul (issue 17 part 1). */
export const EVALUATION_ERRORS = {
  'evaluation.plan_not_found': {
    status: 404,
    da: 'Evalueringsplanen findes ikke.',
    en: 'The evaluation plan does not exist.',
  },
  'evaluation.item_not_found': {
    status: 404,
    da: 'Punktet findes ikke i evalueringsplanen.',
    en: 'The item does not exist in the evaluation plan.',
  },
  'evaluation.stale': {
    status: 409,
    da: 'En anden har gemt en ændring af punktet imens. Se deres version herunder, og gem dit igen oven på den.',
    en: 'Someone else saved a change to the item meanwhile. See their version below and save yours again on top of it.',
  },
  'evaluation.outside_year': {
    status: 400,
    da: 'Datoerne skal ligge i skoleåret (1. august – 31. juli).',
    en: 'The dates must lie within the school year (1 August – 31 July).',
  },
  'evaluation.window': {
    status: 400,
    da: 'Indsamlingen kan ikke slutte, før den begynder.',
    en: 'The collection cannot end before it starts.',
  },
  'evaluation.analysis_before_collection': {
    status: 400,
    da: 'Analysen kan ikke ligge, før indsamlingen begynder.',
    en: 'The analysis cannot come before the collection starts.',
  },
  'evaluation.kind_not_for_type': {
    status: 400,
    da: 'Den slags data hører ikke til denne type institution.',
    en: 'That kind of data does not belong to this type of institution.',
  },
  'evaluation.responsible_not_here': {
    status: 409,
    da: 'Den ansvarlige skal være en person, der arbejder her.',
    en: 'The responsible person must be someone who works here.',
  },
  'evaluation.team_not_here': {
    status: 409,
    da: 'Teamet skal høre til institutionen.',
    en: 'The team must belong to the institution.',
  },
  'evaluation.too_many_items': {
    status: 409,
    da: 'Planen har nået grænsen på 200 punkter.',
    en: 'The plan has reached its limit of 200 items.',
  },
  'evaluation.already_copied': {
    status: 409,
    da: 'Sidste års plan er allerede kopieret til dette skoleår.',
    en: 'Last year’s plan has already been copied into this school year.',
  },
  'evaluation.nothing_to_copy': {
    status: 409,
    da: 'Der er ingen plan fra sidste skoleår at kopiere.',
    en: 'There is no plan from last school year to copy.',
  },
  'evaluation.feed_not_found': {
    status: 404,
    da: 'Kalenderlinket virker ikke længere. Hent et nyt link i Amongi.',
    en: 'The calendar link no longer works. Get a new link in Amongi.',
  },
} as const;
