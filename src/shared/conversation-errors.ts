/** Errors of learning conversations between levels (issue 17 part 4). */
export const CONVERSATION_ERRORS = {
  'conversation.not_found': {
    status: 404,
    da: 'Læringssamtalen findes ikke.',
    en: 'The learning conversation does not exist.',
  },
  'conversation.stale': {
    status: 409,
    da: 'En anden har gemt en ændring imens. Se deres ændring herunder, og gem dit igen oven på den.',
    en: 'Someone else saved a change meanwhile. See their change below and save yours again on top of it.',
  },
  'conversation.shared': {
    status: 409,
    da: 'Datapakken er delt med enhedens ledelse, og dens tal ligger fast. Opret en ny datapakke for at vise nye tal.',
    en: "The data package is shared with the unit's leaders and its figures are frozen. Create a new package to show new figures.",
  },
  'conversation.not_shared': {
    status: 409,
    da: 'Datapakken er ikke delt med enhedens ledelse endnu.',
    en: "The data package has not been shared with the unit's leaders yet.",
  },
  'conversation.no_themes': {
    status: 422,
    da: 'Vælg mindst ét tema, før datapakken deles.',
    en: 'Choose at least one theme before sharing the data package.',
  },
  'conversation.no_focus': {
    status: 409,
    da: 'Samtalen har endnu ikke et aftalt fokus, der kan gives videre.',
    en: 'The conversation has no agreed focus yet to hand on.',
  },
  'conversation.team_elsewhere': {
    status: 404,
    da: 'Teamet findes ikke på enheden.',
    en: 'The team does not exist at the unit.',
  },
  'conversation.figures_invalid': {
    status: 422,
    da: 'Filen har fejl. Intet blev gemt.',
    en: 'The file has errors. Nothing was saved.',
  },
} as const;
