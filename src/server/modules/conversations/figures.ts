import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Locale } from '../../../shared/constants.js';
import type { Figure, ThemeChoice, ThemeSnapshot } from '../../../shared/contracts/conversations.js';
import { CONVERSATION_MIN_GROUP as MIN, type ThemeKind } from '../../../shared/conversations.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { rows } from '../../db/rows.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../policy/index.js';
import { hideLine } from '../../privacy/suppression.js';
import { createObservationDataService } from '../observation/index.js';
import { institutionSummary } from '../progression/index.js';
import { surveyFigures } from './survey-figures.js';

/**
 * A package's figures, computed from the unit's own data as it is now (a draft shows these; sharing freezes them
 * in the package's snapshot). Every figure about people goes through privacy/suppression.ts: observation data
 * comes coarsened and suppressed from the observation module's front door; training participation and tried/
 * worked are counts of distinct people, hidden below CONVERSATION_MIN_GROUP with secondary suppression on each
 * line (a course's participants beside their total). Uploaded figures are forvaltning's own aggregates, as given.
 */

type FigureOut = z.output<typeof Figure>;
const DAY_MS = 86_400_000;
/** Training and tried/worked look back this many days from the day the figures are made. */
const LOOKBACK_DAYS = 365;

const TEXT: Record<Locale, Record<string, string>> = {
  da: {
    observation: 'Observationsdata',
    progression: 'Progression',
    green: 'Grøn',
    yellow: 'Gul',
    red: 'Rød',
    movedUp: 'Rykket op siden perioden før',
    latest: 'Seneste periode med tal',
    progressionNotAllowed: 'Enhedens progressionsoverblik kan ikke vises.',
    training: 'Deltagelse i kompetenceudvikling',
    tried: 'Afprøvet og virket',
    csv: 'Uploadede tal',
    medarbejderundersoegelse: 'Medarbejderundersøgelsen',
    visits: 'besøg',
    teachers: 'medarbejdere observeret',
    noData: 'Ingen data endnu.',
    notAllowed: 'Enhedens observationsdata kan ikke vises.',
    period: 'De seneste 12 måneder',
    courses: 'Forløb med deltagere fra enheden',
    participants: 'Deltagere fra enheden i alt',
    triers: 'Medarbejdere, der har afprøvet noget',
    workers: 'Medarbejdere, der siger, det virkede',
    share: 'Andel afprøvninger, der virkede',
    participation: 'Deltagere pr. forløb',
    signals: 'Afprøvninger og hvad der virkede',
  },
  en: {
    observation: 'Observation data',
    progression: 'Progression',
    green: 'Green',
    yellow: 'Yellow',
    red: 'Red',
    movedUp: 'Moved up since the period before',
    latest: 'Latest period with figures',
    progressionNotAllowed: "The unit's progression summary cannot be shown.",
    training: 'Participation in professional development',
    tried: 'Tried and worked',
    csv: 'Uploaded figures',
    medarbejderundersoegelse: 'Staff survey',
    visits: 'visits',
    teachers: 'staff observed',
    noData: 'No data yet.',
    notAllowed: "The unit's observation data cannot be shown.",
    period: 'The last 12 months',
    courses: 'Courses with participants from the unit',
    participants: 'Participants from the unit in all',
    triers: 'Staff who tried something',
    workers: 'Staff who say it worked',
    share: 'Share of tries that worked',
    participation: 'Participants per course',
    signals: 'Tries and what worked',
  },
};

export const defaultThemeTitle = (kind: ThemeKind, locale: Locale) => TEXT[locale][kind];

const figure = (f: Partial<FigureOut> & Pick<FigureOut, 'key' | 'label' | 'unit' | 'value'>): FigureOut => ({
  group: '',
  unitLabel: '',
  scale: null,
  suppressed: false,
  ...f,
});

/** A count of distinct people: hidden when fewer than the minimum (but not when none). */
const people = (key: string, label: string, n: number, group = ''): FigureOut => {
  const hidden = n > 0 && n < MIN;
  return figure({ key, label, group, unit: 'count', value: hidden ? null : n, suppressed: hidden });
};

async function observationFigures(
  ctx: Pick<AppContext, 'db'>,
  actor: Actor,
  institutionId: string,
  locale: Locale,
): Promise<{ figures: FigureOut[]; about: string }> {
  const t = TEXT[locale];
  let data: Awaited<ReturnType<ReturnType<typeof createObservationDataService>['institution']>>;
  try {
    data = await createObservationDataService(ctx).institution(actor, institutionId, {}, locale);
  } catch (err) {
    if (err instanceof AppError && (err.status === 404 || err.status === 403))
      return { figures: [], about: t.notAllowed };
    throw err;
  }
  const figures: FigureOut[] = [];
  for (const area of data.areas)
    for (const ind of area.indicators) {
      if (ind.type === 'text') continue;
      figures.push(
        figure({
          key: `obs:${area.key}:${ind.key}`,
          label: ind.text,
          group: area.title,
          unit: ind.type === 'yesno' ? 'share' : 'mean',
          value: ind.total.suppressed ? null : ind.total.value,
          scale: ind.type === 'scale' && ind.scale ? { min: ind.scale.min, max: ind.scale.max } : null,
          suppressed: ind.total.suppressed,
        }),
      );
    }
  const { visits, teachers } = data.summary;
  const about =
    visits === null || teachers === null || !figures.length
      ? t.noData
      : `${visits} ${t.visits}, ${teachers} ${t.teachers}`;
  return { figures, about };
}

/**
 * The unit's progression summary (issue 17 part 2) through the progression module's front door, which withholds
 * every cell too few children stand behind: per area, the latest period with figures, the shares green, yellow and
 * red and how many moved up. Never a child, never a class: the unit's total only.
 */
async function progressionFigures(
  db: DbOrTx,
  actor: Actor,
  institutionId: string,
  locale: Locale,
  now: Date,
): Promise<{ figures: FigureOut[]; about: string }> {
  const t = TEXT[locale];
  let s: Awaited<ReturnType<typeof institutionSummary>>;
  try {
    s = await institutionSummary(db, actor, institutionId, {}, now);
  } catch (err) {
    if (err instanceof AppError && (err.status === 404 || err.status === 403))
      return { figures: [], about: t.progressionNotAllowed };
    throw err;
  }
  const order = new Map(s.periods.map((p, i) => [p.id, i]));
  const periodName = new Map(s.periods.map((p) => [p.id, p.name]));
  const figures: FigureOut[] = [];
  const used = new Set<string>();
  for (const area of s.areas) {
    const cells = s.total.filter((c) => c.areaId === area.id);
    if (!cells.length) continue;
    const key = (part: string) => `prog:${area.name.toLocaleLowerCase('da')}:${part}`;
    // The newest period with figures (zeros are "no figures"; null is withheld).
    const shown = cells
      .filter((c) => c.counts && c.counts.groen + c.counts.gul + c.counts.roed > 0)
      .sort((a, b) => (order.get(a.periodId) ?? 0) - (order.get(b.periodId) ?? 0))
      .at(-1);
    const counts = shown?.counts;
    const n = counts ? counts.groen + counts.gul + counts.roed : 0;
    const withheld = !counts && cells.some((c) => c.counts === null);
    if (shown) used.add(periodName.get(shown.periodId) ?? '');
    const share = (part: string, label: string, v: number | undefined) =>
      figure({
        key: key(part),
        label,
        group: area.name,
        unit: 'share',
        value: counts && n > 0 && v !== undefined ? v / n : null,
        suppressed: withheld,
      });
    figures.push(
      share('groen', t.green, counts?.groen),
      share('gul', t.yellow, counts?.gul),
      share('roed', t.red, counts?.roed),
      figure({
        key: key('op'),
        label: t.movedUp,
        group: area.name,
        unit: 'count',
        value: counts ? counts.movedUp : null,
        suppressed: withheld,
      }),
    );
  }
  const periods = [...used].filter(Boolean).join(', ');
  return {
    figures,
    about: figures.length
      ? `${s.schoolYear}/${String((s.schoolYear + 1) % 100).padStart(2, '0')} · ${t.latest}: ${periods || '–'}`
      : t.noData,
  };
}

async function trainingFigures(db: DbOrTx, institutionId: string, since: Date, locale: Locale) {
  const t = TEXT[locale];
  // Courses beyond a proposal, with a session in the period, the unit first in line or its staff enrolled; per
  // course the distinct enrolled people who hold a role at the unit.
  const courses = await rows<{ id: string; title: string; participants: number }>(
    db,
    sql`with staff as (
        select distinct user_id from role_grants where institution_id = ${institutionId}
      ), courses as (
        select c.id, coalesce(nullif(c.title, ''), m.label) as title, min(s.starts_at) as first
        from training_courses c
        join taxonomy_terms m on m.id = c.method_id
        join training_sessions s on s.course_id = c.id
        where c.state <> 'proposed' and s.starts_at >= ${since.toISOString()}::timestamptz
          and (exists (select 1 from training_course_institutions ci
                 where ci.course_id = c.id and ci.institution_id = ${institutionId})
            or exists (select 1 from training_enrolments e join staff on staff.user_id = e.user_id
                 where e.course_id = c.id and e.status = 'enrolled'))
        group by c.id, m.label
      )
      select courses.id, courses.title,
        (select count(distinct e.user_id)::int from training_enrolments e join staff on staff.user_id = e.user_id
          where e.course_id = courses.id and e.status = 'enrolled') as participants
      from courses order by courses.first, courses.title`,
  );
  const [total] = await rows<{ n: number }>(
    db,
    sql`select count(distinct e.user_id)::int as n from training_enrolments e
      where e.status = 'enrolled'
        and e.user_id in (select user_id from role_grants where institution_id = ${institutionId})
        and e.course_id in (${
          courses.length
            ? sql.join(
                courses.map((c) => sql`${c.id}::uuid`),
                sql`, `,
              )
            : sql`null`
        })`,
  );
  const totalFigure = people('training:participants', t.participants, total?.n ?? 0);
  const hidden = hideLine(
    courses.map((c) => ({ people: c.participants, size: c.participants })),
    totalFigure.suppressed,
    MIN,
  );
  return {
    about: t.period,
    figures: [
      figure({ key: 'training:courses', label: t.courses, unit: 'count', value: courses.length }),
      totalFigure,
      ...courses.map((c, i) =>
        figure({
          key: `training:course:${c.id}`,
          label: c.title,
          group: t.participation,
          unit: 'count',
          value: hidden[i] ? null : c.participants,
          suppressed: hidden[i],
        }),
      ),
    ],
  };
}

async function triedFigures(db: DbOrTx, institutionId: string, since: Date, locale: Locale) {
  const t = TEXT[locale];
  const [r] = await rows<{ triers: number; workers: number; tried: number; worked: number }>(
    db,
    sql`select count(distinct s.user_id)::int as triers,
        count(distinct s.user_id) filter (where s.worked)::int as workers,
        count(*)::int as tried, count(*) filter (where s.worked)::int as worked
      from video_signals s
      where s.tried_at >= ${since.toISOString()}::timestamptz
        and s.user_id in (select user_id from role_grants where institution_id = ${institutionId})`,
  );
  const triers = people('tried:triers', t.triers, r?.triers ?? 0, t.signals);
  const workers = people('tried:workers', t.workers, r?.workers ?? 0, t.signals);
  // The share says something about the people who worked and those who did not: both groups must be big enough.
  const notWorked = (r?.triers ?? 0) - (r?.workers ?? 0);
  const shareHidden = triers.suppressed || workers.suppressed || (notWorked > 0 && notWorked < MIN);
  return {
    about: t.period,
    figures: [
      triers,
      workers,
      figure({
        key: 'tried:share',
        label: t.share,
        group: t.signals,
        unit: 'share',
        value: shareHidden || !r?.tried ? null : r.worked / r.tried,
        suppressed: shareHidden,
      }),
    ],
  };
}

/** The figures of every theme, in the package's order, as they are at `now`. */
export async function computeFigures(
  ctx: Pick<AppContext, 'db'>,
  actor: Actor,
  institutionId: string,
  themes: ThemeChoice[],
  locale: Locale,
  now = new Date(),
): Promise<ThemeSnapshot[]> {
  const since = new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS);
  const out: ThemeSnapshot[] = [];
  for (const theme of themes) {
    const base = {
      key: theme.key,
      kind: theme.kind,
      title: theme.title || defaultThemeTitle(theme.kind, locale),
      note: theme.note,
    };
    switch (theme.kind) {
      case 'observation':
        out.push({ ...base, ...(await observationFigures(ctx, actor, institutionId, locale)) });
        break;
      case 'progression':
        out.push({ ...base, ...(await progressionFigures(ctx.db, actor, institutionId, locale, now)) });
        break;
      case 'training':
        out.push({ ...base, ...(await trainingFigures(ctx.db, institutionId, since, locale)) });
        break;
      case 'medarbejderundersoegelse':
        out.push({ ...base, ...(await surveyFigures(ctx.db, actor, institutionId, locale, now)) });
        break;
      case 'tried':
        out.push({ ...base, ...(await triedFigures(ctx.db, institutionId, since, locale)) });
        break;
      case 'csv':
        out.push({
          ...base,
          about: '',
          figures: theme.figures.map((f) =>
            figure({
              key: `csv:${csvKey(base.title)}:${csvKey(f.label)}`,
              label: f.label,
              unit: 'number',
              unitLabel: theme.unit,
              value: f.value,
            }),
          ),
        });
        break;
    }
  }
  return out;
}

/** An uploaded figure's key part: its words in lower case, so the same table is followed over packages. */
const csvKey = (s: string) => s.toLocaleLowerCase('da').replace(/\s+/g, ' ').trim();
