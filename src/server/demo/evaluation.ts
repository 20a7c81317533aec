import { inArray, like } from 'drizzle-orm';
import { type EvaluationKind, type MeetingKind, schoolYearOf } from '../../shared/evaluation.js';
import { TIME_ZONE } from '../../shared/training.js';
import { evaluationItems, evaluationPlans } from '../db/evaluation-schema.js';
import type { Db, DbOrTx } from '../db/index.js';
import { instanceSettings, institutions, kommuner, teams, users } from '../db/schema.js';
import { DEMO_DOMAIN } from './constants.js';

/**
 * Demo evaluation plans / dataårshjul (issue 17 part 1), for the school year that holds "today" (so the wheel is
 * full whenever the demo is started):
 * - Fjordby Kommune's plan, published: the national tests, the kommune's well-being survey, language assessment
 *   in the dagtilbud — inherited by every institution in the kommune, marked "Fra kommunen";
 * - Solsikkeskolen's own plan (reading tests, dyslexia screening, an observation round, the staff survey), and the
 *   plans of two of its teams (Matematikteamet, 3. årgang);
 * - Børnehuset Mælkebøtten's plan in a dagtilbud's words (sprogvurdering, børnemiljøvurdering, trivselsvurdering).
 * Seeded once (its own flag). Dates are month-days of the school year, so they are the same every year.
 */

const DEMO_EVALUATION_SETTING = 'demo_evaluation_seeded';

type Row = {
  title: string;
  kind: EvaluationKind;
  groups?: string;
  responsible?: string;
  responsibleText?: string;
  /** Month-day (MM-DD) in the school year: August–December the first calendar year, January–July the next. */
  from: string;
  to: string;
  analyse?: string;
  meeting?: MeetingKind;
  meetingTeam?: string;
  note?: string;
};

const KOMMUNE: Row[] = [
  {
    title: 'Nationale test i dansk og matematik',
    kind: 'nationale_test',
    groups: '2., 4., 6. og 8. årgang',
    responsibleText: 'Skolelederne',
    from: '01-12',
    to: '04-30',
    analyse: '05-20',
    meeting: 'laeringssamtale',
    note: 'Resultaterne indgår i datapakken til læringssamtalen mellem forvaltningen og skolens ledelse.',
  },
  {
    title: 'Kommunens trivselsmåling',
    kind: 'trivselsmaaling',
    groups: 'Alle elever fra 0. til 9. årgang',
    responsibleText: 'Skolelederne',
    from: '01-05',
    to: '02-13',
    analyse: '03-05',
    meeting: 'ledelsesmoede',
  },
  {
    title: 'Sprogvurdering af 3-årige',
    kind: 'sprogvurdering',
    groups: 'Alle 3-årige i dagtilbud',
    responsibleText: 'Dagtilbudslederne',
    from: '09-01',
    to: '11-30',
    analyse: '12-10',
    meeting: 'paedagogisk_raad',
  },
];

const SOLSIKKE: Row[] = [
  {
    title: 'Læseprøver i indskolingen',
    kind: 'laeseproeve',
    groups: '1.–3. årgang',
    responsible: 'ressourceperson',
    from: '09-01',
    to: '09-26',
    analyse: '10-08',
    meeting: 'laeringssamtale',
    meetingTeam: '3. årgang',
    note: 'Læsevejlederen samler resultaterne i et rødt/gult/grønt overblik før læringssamtalen.',
  },
  {
    title: 'Observationsrunde: elevernes deltagelse',
    kind: 'observationsrunde',
    groups: 'Alle klasser på mellemtrinnet',
    responsible: 'leder',
    from: '10-27',
    to: '11-21',
    analyse: '12-03',
    meeting: 'paedagogisk_raad',
  },
  {
    title: 'Ordblindetest',
    kind: 'laeseproeve',
    groups: '3. og 7. årgang',
    responsible: 'ressourceperson',
    from: '03-02',
    to: '03-20',
    analyse: '04-14',
    meeting: 'teammoede',
  },
  {
    title: 'Medarbejderundersøgelse',
    kind: 'medarbejderundersoegelse',
    groups: 'Alle medarbejdere',
    responsible: 'leder',
    from: '02-02',
    to: '02-20',
    analyse: '03-10',
    meeting: 'ledelsesmoede',
  },
];

const TEAMS: Record<string, Row[]> = {
  Matematikteamet: [
    {
      title: 'Matematikprøve: tal og algebra',
      kind: 'andet',
      groups: '4.–6. årgang',
      responsible: 'medarbejder',
      from: '11-03',
      to: '11-14',
      analyse: '11-25',
      meeting: 'teammoede',
      meetingTeam: 'Matematikteamet',
    },
  ],
  '3. årgang': [
    {
      title: 'Trivselssamtaler med alle elever',
      kind: 'trivselsmaaling',
      groups: '3.a og 3.b',
      responsibleText: 'Klasselærerne',
      from: '01-19',
      to: '01-30',
      analyse: '02-05',
      meeting: 'teammoede',
      meetingTeam: '3. årgang',
    },
  ],
};

const MAELKEBOETTEN: Row[] = [
  {
    title: 'Sprogvurdering af 3-årige',
    kind: 'sprogvurdering',
    groups: '3-årige i Børnehaven',
    responsible: 'leder2',
    from: '09-15',
    to: '10-31',
    analyse: '11-12',
    meeting: 'paedagogisk_raad',
  },
  {
    title: 'Trivselsvurdering',
    kind: 'trivselsvurdering',
    groups: 'Alle børn',
    responsibleText: 'Stuernes pædagoger',
    from: '11-10',
    to: '11-28',
    analyse: '12-09',
    meeting: 'teammoede',
  },
  {
    title: 'Børnemiljøvurdering',
    kind: 'boernemiljoevurdering',
    groups: 'Vuggestuen og Børnehaven',
    responsible: 'medarbejder2',
    from: '02-02',
    to: '02-27',
    analyse: '03-12',
    meeting: 'paedagogisk_raad',
  },
];

const dayIn = (year: number, md: string) => `${Number(md.slice(0, 2)) >= 8 ? year : year + 1}-${md}`;

/** Seeds the demo evaluation plans once; true when it did. Needs the demo organisation first. */
export async function seedDemoEvaluation(db: Db, opts: { now?: Date } = {}): Promise<boolean> {
  const now = opts.now ?? new Date();
  const year = schoolYearOf(new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now));
  return db.transaction(async (tx) => {
    const [first] = await tx
      .insert(instanceSettings)
      .values({ key: DEMO_EVALUATION_SETTING, value: now.toISOString() })
      .onConflictDoNothing()
      .returning({ key: instanceSettings.key });
    if (!first) return false;
    const people = new Map(
      (
        await tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(like(users.email, `%@${DEMO_DOMAIN}`))
      ).map((u) => [u.email.slice(0, u.email.indexOf('@')), u.id]),
    );
    const byName = <T extends { id: string; name: string }>(rows: T[]) =>
      new Map(rows.map((r) => [r.name, r.id]));
    const k = byName(await tx.select({ id: kommuner.id, name: kommuner.name }).from(kommuner));
    const inst = byName(await tx.select({ id: institutions.id, name: institutions.name }).from(institutions));
    const team = byName(
      await tx
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(inArray(teams.name, ['Matematikteamet', '3. årgang'])),
    );
    const fjordby = k.get('Fjordby Kommune');
    const sol = inst.get('Solsikkeskolen');
    const mael = inst.get('Børnehuset Mælkebøtten');
    if (!fjordby || !sol || !mael) return true;
    const forvaltning = people.get('forvaltning') ?? null;
    await plan(tx, { scope: 'kommune', kommuneId: fjordby }, year, KOMMUNE, people, team, forvaltning, true);
    await plan(
      tx,
      { scope: 'institution', institutionId: sol },
      year,
      SOLSIKKE,
      people,
      team,
      people.get('leder') ?? null,
    );
    for (const [name, rows] of Object.entries(TEAMS)) {
      const id = team.get(name);
      if (id)
        await plan(
          tx,
          { scope: 'team', teamId: id },
          year,
          rows,
          people,
          team,
          people.get('medarbejder') ?? null,
        );
    }
    await plan(
      tx,
      { scope: 'institution', institutionId: mael },
      year,
      MAELKEBOETTEN,
      people,
      team,
      people.get('leder2') ?? null,
    );
    return true;
  });
}

async function plan(
  tx: DbOrTx,
  owner: Pick<typeof evaluationPlans.$inferInsert, 'scope' | 'kommuneId' | 'institutionId' | 'teamId'>,
  year: number,
  rows: Row[],
  people: Map<string, string>,
  team: Map<string, string>,
  by: string | null,
  published = false,
) {
  const [p] = await tx
    .insert(evaluationPlans)
    .values({
      ...owner,
      schoolYear: year,
      createdBy: by,
      publishedAt: published ? new Date() : null,
      publishedBy: published ? by : null,
    })
    .onConflictDoNothing()
    .returning({ id: evaluationPlans.id });
  if (!p) return;
  await tx.insert(evaluationItems).values(
    rows.map((r) => ({
      planId: p.id,
      title: r.title,
      kind: r.kind,
      groups: r.groups ?? '',
      responsibleId: r.responsible ? (people.get(r.responsible) ?? null) : null,
      responsibleText: r.responsibleText ?? '',
      collectFrom: dayIn(year, r.from),
      collectTo: dayIn(year, r.to),
      analyseOn: r.analyse ? dayIn(year, r.analyse) : null,
      meetingKind: r.analyse ? (r.meeting ?? null) : null,
      meetingTeamId: r.meetingTeam ? (team.get(r.meetingTeam) ?? null) : null,
      note: r.note ?? '',
      remindCollectDays: 7,
      remindAnalysisDays: r.analyse ? 2 : null,
      createdBy: by,
      updatedBy: by,
    })),
  );
}
