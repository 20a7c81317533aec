import type { z } from 'zod';
import type { Locale } from '../../../shared/constants.js';
import type { Figure } from '../../../shared/contracts/conversations.js';
import { SURVEY_DIMENSIONS, type SurveyDimension } from '../../../shared/survey.js';
import type { DbOrTx } from '../../db/index.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../policy/index.js';
import { institutionTrend } from '../survey/index.js';

/**
 * The staff survey in a learning conversation's package (issue 18 item 5): the unit's own trend from the survey's
 * front door — per closed round (the newest three), social capital and each dimension on 0–100, or withheld as in
 * the round's results (fewer than the round's minimum answered). Never a department, never a person: the whole
 * unit only. A figure's key follows its round, so the same round's figure can be followed over packages.
 */

type FigureOut = z.output<typeof Figure>;
const ROUNDS = 3;

const TEXT: Record<
  Locale,
  Record<SurveyDimension | 'socialCapital' | 'noData' | 'notAllowed' | 'answered', string>
> = {
  da: {
    socialCapital: 'Social kapital i alt',
    tillid: 'Tillid og samhørighed',
    kerneopgave: 'Fælles forståelse af kerneopgaven',
    ledelse: 'Anerkendelse fra nærmeste leder',
    involvering: 'Involvering og tilknytning',
    plf: 'Professionelt læringsfællesskab (PLF)',
    noData: 'Ingen afsluttede runder af medarbejderundersøgelsen endnu.',
    notAllowed: 'Enhedens resultater af medarbejderundersøgelsen kan ikke vises.',
    answered: 'svar',
  },
  en: {
    socialCapital: 'Social capital overall',
    tillid: 'Trust and cohesion',
    kerneopgave: 'Shared understanding of the core task',
    ledelse: 'Recognition from the nearest leader',
    involvering: 'Involvement and attachment',
    plf: 'Professional learning community (PLC)',
    noData: 'No closed rounds of the staff survey yet.',
    notAllowed: "The unit's staff survey results cannot be shown.",
    answered: 'answers',
  },
};

export async function surveyFigures(
  db: DbOrTx,
  actor: Actor,
  institutionId: string,
  locale: Locale,
  now: Date,
): Promise<{ figures: FigureOut[]; about: string }> {
  const t = TEXT[locale];
  let trend: Awaited<ReturnType<typeof institutionTrend>>;
  try {
    trend = await institutionTrend(db, actor, institutionId, now);
  } catch (err) {
    if (err instanceof AppError && (err.status === 404 || err.status === 403))
      return { figures: [], about: t.notAllowed };
    throw err;
  }
  const rounds = trend.rounds.slice(-ROUNDS);
  if (!rounds.length) return { figures: [], about: t.noData };
  const figures = rounds.flatMap((r) =>
    (['socialCapital', ...SURVEY_DIMENSIONS] as const).map(
      (d): FigureOut => ({
        key: `survey:${r.roundId}:${d}`,
        label: t[d],
        group: r.name,
        unit: 'mean',
        unitLabel: '',
        value: r.withheld ? null : d === 'socialCapital' ? r.socialCapital : (r.scores[d] ?? null),
        scale: { min: 0, max: 100 },
        suppressed: r.withheld,
      }),
    ),
  );
  const last = rounds[rounds.length - 1];
  return {
    figures,
    about: last.withheld ? last.name : `${last.name} · ${last.answered ?? 0} ${t.answered}`,
  };
}
