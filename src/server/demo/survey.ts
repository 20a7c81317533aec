import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, like, ne } from 'drizzle-orm';
import type { InstitutionType } from '../../shared/constants.js';
import type { RoleGroup } from '../../shared/survey.js';
import { TIME_ZONE } from '../../shared/training.js';
import type { Db, DbOrTx } from '../db/index.js';
import {
  instanceSettings,
  institutions,
  kommuner,
  roleGrants,
  teamMemberships,
  teams,
  users,
} from '../db/schema.js';
import {
  surveyAnswers,
  surveyAnswerTexts,
  surveyAnswerValues,
  surveyGroups,
  surveyInvitations,
  surveyItems,
  surveyQuestionnaires,
  surveyRoundInstitutions,
  surveyRounds,
} from '../db/survey-schema.js';
import { newInvitationSecrets } from '../modules/survey/index.js';
import { DEMO_DOMAIN } from './constants.js';
import {
  DEMO_DEPARTMENT_MEMBERS,
  DEMO_DEPARTMENTS,
  DEMO_GROUPS,
  type DemoAnswer,
  type DemoItem,
  demoTexts,
  drawAnswers,
  groupLevels,
  invitedFor,
  prng,
} from './survey-data.js';

/**
 * The demo staff survey (issue 18 "Demo"), seeded once (its own flag): Fjordby Kommune's departments (teams of
 * type afdeling at Solsikkeskolen, Kildeskolen, Børnehuset Mælkebøtten and Klub Lynet), two closed rounds in the
 * spring of the two years before today with answers drawn around the levels in survey-data.ts (the analysis shows
 * a clear positive slope; a few departments are too small and withheld), and one open round, opened three days ago
 * and closing in two weeks, in which every member of staff of the four places has an invitation — `medarbejder`'s
 * unused, so "Besvar nu" works in the tour — and a few colleagues have answered.
 *
 * The closed rounds' people are not demo accounts: their groups carry invited counts and their answers stand
 * without invitations, as a round's answers do anyway (nothing in an answer points at a person). The open round's
 * invitations are real, made as opening a round makes them; no clear token is kept (a person gets a fresh link
 * from /survey/rounds/:id/my-link).
 */

const DEMO_SURVEY_SETTING = 'demo_survey_seeded';
const DEMO_SURVEY_INSTITUTIONS = Object.keys(DEMO_DEPARTMENTS);
/** The demo teachers who have answered the open round already. */
const OPEN_ROUND_ANSWERED = ['laerer1', 'laerer2', 'laerer4', 'laerer8', 'laerer9', 'laerer13'];
const DAY = 86_400_000;

const dayOf = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(d);
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const chunks = <T>(xs: T[], size: number) =>
  Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));

type Place = { id: string; type: InstitutionType };
type Ctx = {
  tx: DbOrTx;
  kommuneId: string;
  questionnaireId: string;
  items: DemoItem[];
  places: Map<string, Place>;
  by: string | null;
};

/** Seeds the demo survey once; true when it did. Needs the demo organisation, the demo teachers and the built-in questionnaire. */
export async function seedDemoSurvey(db: Db, opts: { now?: Date } = {}): Promise<boolean> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const [fjordby] = await tx
      .select({ id: kommuner.id })
      .from(kommuner)
      .where(eq(kommuner.name, 'Fjordby Kommune'));
    const [questionnaire] = await tx
      .select({ id: surveyQuestionnaires.id })
      .from(surveyQuestionnaires)
      .where(
        and(
          eq(surveyQuestionnaires.builtIn, true),
          eq(surveyQuestionnaires.state, 'published'),
          isNull(surveyQuestionnaires.kommuneId),
        ),
      )
      .orderBy(desc(surveyQuestionnaires.version))
      .limit(1);
    // Without them (a database the survey's start-up has not reached) there is nothing to seed yet; next time.
    if (!fjordby || !questionnaire) return false;
    const [first] = await tx
      .insert(instanceSettings)
      .values({ key: DEMO_SURVEY_SETTING, value: now.toISOString() })
      .onConflictDoNothing()
      .returning({ key: instanceSettings.key });
    if (!first) return false;
    const places = new Map(
      (
        await tx
          .select({ id: institutions.id, name: institutions.name, type: institutions.type })
          .from(institutions)
          .where(
            and(eq(institutions.kommuneId, fjordby.id), inArray(institutions.name, DEMO_SURVEY_INSTITUTIONS)),
          )
      ).map((p) => [p.name, { id: p.id, type: p.type }]),
    );
    const items = await tx
      .select({ id: surveyItems.id, kind: surveyItems.kind, dimension: surveyItems.dimension })
      .from(surveyItems)
      .where(eq(surveyItems.questionnaireId, questionnaire.id))
      .orderBy(surveyItems.position);
    const [forvaltning] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, `forvaltning@${DEMO_DOMAIN}`));
    const c: Ctx = {
      tx,
      kommuneId: fjordby.id,
      questionnaireId: questionnaire.id,
      items,
      places,
      by: forvaltning?.id ?? null,
    };
    const departments = await seedDepartments(c);
    const year = Number(dayOf(now).slice(0, 4));
    await closedRound(c, departments, year - 2, 1);
    await closedRound(c, departments, year - 1, 0);
    await openRound(c, dayOf(now));
    return true;
  });
}

/** The departments (made where missing) and the demo teachers placed in them; team ids by institution and name. */
async function seedDepartments(c: Ctx): Promise<Map<string, string>> {
  const { tx, places } = c;
  const wanted = [...places].flatMap(([name, p]) =>
    (DEMO_DEPARTMENTS[name] ?? []).map((team) => ({
      name: team,
      type: 'afdeling' as const,
      institutionId: p.id,
    })),
  );
  await tx.insert(teams).values(wanted).onConflictDoNothing();
  const rows = await tx
    .select({ id: teams.id, name: teams.name, institutionId: teams.institutionId })
    .from(teams)
    .where(
      and(
        eq(teams.type, 'afdeling'),
        inArray(
          teams.institutionId,
          [...places.values()].map((p) => p.id),
        ),
      ),
    );
  const byKey = new Map(rows.map((r) => [`${r.institutionId}/${r.name}`, r.id]));
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  const people = new Map(
    (
      await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(like(users.email, `laerer%@${DEMO_DOMAIN}`))
    ).map((u) => [u.email.slice(0, u.email.indexOf('@')), u.id]),
  );
  const members = Object.entries(DEMO_DEPARTMENT_MEMBERS).flatMap(([team, locals]) =>
    locals.flatMap((l) => {
      const teamId = byName.get(team);
      const userId = people.get(l);
      return teamId && userId ? [{ teamId, userId }] : [];
    }),
  );
  if (members.length) await tx.insert(teamMemberships).values(members).onConflictDoNothing();
  return byKey;
}

async function insertRound(
  c: Ctx,
  r: { name: string; opensOn: string; closesOn: string; openedAt: Date; createdAt: Date },
): Promise<string> {
  const [round] = await c.tx
    .insert(surveyRounds)
    .values({ kommuneId: c.kommuneId, questionnaireId: c.questionnaireId, createdBy: c.by, ...r })
    .returning({ id: surveyRounds.id });
  await c.tx
    .insert(surveyRoundInstitutions)
    .values([...c.places.values()].map((p) => ({ roundId: round.id, institutionId: p.id })));
  return round.id;
}

/** Answers and their values and a few open texts, in batches (one statement per table and batch). */
async function insertAnswers(
  c: Ctx,
  roundId: string,
  answers: { groupId: string; answeredOn: string; answer: DemoAnswer; text?: string }[],
) {
  const textItem = c.items.find((i) => i.kind === 'text');
  const withIds = answers.map((a) => ({ ...a, id: randomUUID() }));
  for (const part of chunks(withIds, 200)) {
    if (!part.length) continue;
    await c.tx.insert(surveyAnswers).values(
      part.map((a) => ({
        id: a.id,
        roundId,
        groupId: a.groupId,
        answeredOn: a.answeredOn,
        ...a.answer.scores,
      })),
    );
  }
  const values = withIds.flatMap((a) => a.answer.values.map((v) => ({ answerId: a.id, ...v })));
  for (const part of chunks(values, 1000)) await c.tx.insert(surveyAnswerValues).values(part);
  const texts = textItem
    ? withIds.flatMap((a) =>
        a.text ? [{ roundId, groupId: a.groupId, itemId: textItem.id, text: a.text }] : [],
      )
    : [];
  if (texts.length) await c.tx.insert(surveyAnswerTexts).values(texts);
}

/**
 * A closed round in March of `year` over the four places: its groups with invited counts, and answers drawn
 * around the groups' levels (`which`: 0 the later round's levels, 1 the earlier's).
 */
async function closedRound(c: Ctx, departments: Map<string, string>, year: number, which: 0 | 1) {
  const opensOn = `${year}-03-03`;
  const closesOn = `${year}-03-21`;
  const roundId = await insertRound(c, {
    name: `Medarbejderundersøgelse ${year}`,
    opensOn,
    closesOn,
    openedAt: new Date(`${opensOn}T06:00:00Z`),
    createdAt: new Date(`${year}-02-10T09:00:00Z`),
  });
  const rnd = prng(18_000 + year);
  const answers: Parameters<typeof insertAnswers>[2] = [];
  for (const g of DEMO_GROUPS) {
    const place = c.places.get(g.institution);
    if (!place) continue;
    const answered = g.answered[which];
    const [group] = await c.tx
      .insert(surveyGroups)
      .values({
        roundId,
        institutionId: place.id,
        teamId: g.department ? (departments.get(`${place.id}/${g.department}`) ?? null) : null,
        departmentName: g.department,
        roleGroup: g.roleGroup,
        invited: invitedFor(answered),
      })
      .returning({ id: surveyGroups.id });
    const texts = demoTexts(place.type);
    drawAnswers(answered, groupLevels(g, which), c.items, rnd).forEach((answer, i) => {
      answers.push({
        groupId: group.id,
        answeredOn: addDays(opensOn, Math.floor(rnd() * 18)),
        answer,
        // Now and then an open answer (only from staff: the leaders' texts would stand out).
        text: g.roleGroup === 'medarbejder' && i % 4 === 1 ? texts[(i + g.level) % texts.length] : undefined,
      });
    });
  }
  await insertAnswers(c, roundId, answers);
}

/**
 * The open round: opened three days before today, closing in two weeks. Its groups and invitations are made as
 * opening a round makes them — everyone holding a role at one of the places (not disabled), their department the
 * first of their afdeling teams there by name ('' without one), leder if they are a leder there — and a few demo
 * teachers have answered.
 */
async function openRound(c: Ctx, today: string) {
  const opensOn = addDays(today, -3);
  const openedAt = new Date(`${opensOn}T06:00:00Z`);
  const roundId = await insertRound(c, {
    name: `Medarbejderundersøgelse ${today.slice(0, 4)}`,
    opensOn,
    closesOn: addDays(today, 14),
    openedAt,
    createdAt: new Date(openedAt.getTime() - 7 * DAY),
  });
  const placeIds = [...c.places.values()].map((p) => p.id);
  const staff = await c.tx
    .select({
      userId: roleGrants.userId,
      email: users.email,
      role: roleGrants.role,
      institutionId: roleGrants.institutionId,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(inArray(roleGrants.institutionId, placeIds), ne(users.status, 'disabled')));
  const teamsOf = await c.tx
    .select({
      userId: teamMemberships.userId,
      name: teams.name,
      institutionId: teams.institutionId,
      id: teams.id,
    })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .where(and(eq(teams.type, 'afdeling'), inArray(teams.institutionId, placeIds)))
    .orderBy(teams.name);
  // One invitation per person and place; a leder there is a leder, everyone else medarbejder.
  const people = new Map<
    string,
    { userId: string; email: string; institutionId: string; roleGroup: RoleGroup }
  >();
  for (const s of staff) {
    if (!s.institutionId) continue;
    const key = `${s.institutionId}/${s.userId}`;
    const known = people.get(key);
    const roleGroup: RoleGroup = s.role === 'leder' || known?.roleGroup === 'leder' ? 'leder' : 'medarbejder';
    people.set(key, { userId: s.userId, email: s.email, institutionId: s.institutionId, roleGroup });
  }
  const groups = new Map<
    string,
    {
      teamId: string | null;
      department: string;
      institutionId: string;
      roleGroup: RoleGroup;
      invited: number;
    }
  >();
  const placed = [...people.values()].map((p) => {
    const team = teamsOf.find((t) => t.userId === p.userId && t.institutionId === p.institutionId);
    const key = `${p.institutionId}/${team?.name ?? ''}/${p.roleGroup}`;
    const g = groups.get(key) ?? {
      teamId: team?.id ?? null,
      department: team?.name ?? '',
      institutionId: p.institutionId,
      roleGroup: p.roleGroup,
      invited: 0,
    };
    g.invited++;
    groups.set(key, g);
    return { ...p, key };
  });
  const groupIds = new Map<string, string>();
  for (const [key, g] of groups) {
    const [row] = await c.tx
      .insert(surveyGroups)
      .values({
        roundId,
        institutionId: g.institutionId,
        teamId: g.teamId,
        departmentName: g.department,
        roleGroup: g.roleGroup,
        invited: g.invited,
      })
      .returning({ id: surveyGroups.id });
    groupIds.set(key, row.id);
  }
  const local = (email: string) => email.slice(0, email.indexOf('@'));
  const answered = placed.filter((p) => OPEN_ROUND_ANSWERED.includes(local(p.email)));
  await c.tx.insert(surveyInvitations).values(
    placed.map((p) => {
      const { tokenHash, codeHash } = newInvitationSecrets();
      return {
        roundId,
        userId: p.userId,
        groupId: groupIds.get(p.key) as string,
        tokenHash,
        codeHash,
        used: answered.includes(p),
        emailedAt: openedAt,
      };
    }),
  );
  const rnd = prng(18_001);
  await insertAnswers(
    c,
    roundId,
    answered.map((p, i) => ({
      groupId: groupIds.get(p.key) as string,
      answeredOn: addDays(opensOn, i % 3),
      answer: drawAnswers(1, { sc: 64, plf: 62 }, c.items, rnd)[0],
    })),
  );
}
