import { eq, sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/index.js';
import { institutions, kommuner, roleGrants, users } from '../src/server/db/schema.js';
import { surveyAnswers } from '../src/server/db/survey-schema.js';
import { DEMO_DOMAIN } from '../src/server/demo/index.js';
import {
  addGroup,
  addQuestionnaire,
  addRound,
  type ItemSpec,
} from '../src/server/modules/survey/results/figures.testing.js';
import { SOCIAL_CAPITAL_DIMENSIONS } from '../src/shared/survey.js';

/**
 * The survey results bench's data (issue 18): a kommune of about 3,000 respondents per round × 40 scale questions
 * (eight per dimension) and two open questions, three closed rounds, written in bulk — groups and answers from here,
 * the 360,000 scale answers, the answers' scores and the open texts in SQL (seeded with setseed; the scan order still varies, so values do). Twenty
 * institutions of six departments; half have five or six leaders per department (so the analysis has leader points),
 * half one to three (so their role groups are withheld), and every seventh department has only four staff.
 */

export const SIZE = { institutions: 20, departments: 6, rounds: 3 };
const ITEMS: ItemSpec[] = [
  ...[...SOCIAL_CAPITAL_DIMENSIONS, 'plf' as const].flatMap((d) =>
    Array.from({ length: 8 }, (_, n) => ({ key: `${d}${n + 1}`, kind: 'scale' as const, dimension: d })),
  ),
  { key: 'fritekst1', kind: 'text', dimension: null },
  { key: 'fritekst2', kind: 'text', dimension: null },
];

export type SurveyBenchData = {
  kommuneId: string;
  roundIds: string[];
  institutionIds: string[];
  forvaltning: string;
  leaders: { email: string; institutionId: string }[];
  answers: number;
  values: number;
};

export async function generateSurveyResults(db: Db): Promise<SurveyBenchData> {
  const [k] = await db.insert(kommuner).values({ name: 'Målby Kommune', code: '990' }).returning();
  const insts = await db
    .insert(institutions)
    .values(
      Array.from({ length: SIZE.institutions }, (_, i) => ({
        name: `Målby ${i % 2 ? 'Børnehus' : 'Skole'} ${String(i + 1).padStart(2, '0')}`,
        type: i % 2 ? ('dagtilbud' as const) : ('skole' as const),
        kommuneId: k.id,
      })),
    )
    .returning({ id: institutions.id });
  const [demo] = await db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(eq(users.email, `forvaltning@${DEMO_DOMAIN}`));
  const people = await db
    .insert(users)
    .values([
      {
        email: `maalby-forvaltning@${DEMO_DOMAIN}`,
        name: 'Målby Forvaltning',
        passwordHash: demo.hash,
        status: 'active' as const,
      },
      ...insts.map((_, i) => ({
        email: `maalby-leder${i}@${DEMO_DOMAIN}`,
        name: `Målby Leder ${i}`,
        passwordHash: demo.hash,
        status: 'active' as const,
      })),
    ])
    .returning({ id: users.id, email: users.email });
  await db.insert(roleGrants).values([
    { userId: people[0].id, role: 'forvaltning' as const, kommuneId: k.id },
    ...insts.map((inst, i) => ({
      userId: people[i + 1].id,
      role: 'leder' as const,
      institutionId: inst.id,
    })),
  ]);

  const q = await addQuestionnaire(db, k.id, ITEMS);
  const roundIds: string[] = [];
  let answers = 0;
  for (let r = 0; r < SIZE.rounds; r++) {
    const year = 2023 + r;
    const roundId = await addRound(db, {
      kommuneId: k.id,
      questionnaireId: q.id,
      name: `Måling ${year}`,
      opensOn: `${year}-03-01`,
      closesOn: `${year}-03-21`,
      institutionIds: insts.map((x) => x.id),
    });
    roundIds.push(roundId);
    for (let i = 0; i < insts.length; i++)
      for (let d = 0; d < SIZE.departments; d++) {
        const small = (i * SIZE.departments + d) % 7 === 3;
        const staff = small ? 4 : 20 + ((i * 7 + d * 3 + r) % 7);
        const leaders = i % 2 === 0 ? 5 + (d % 2) : 1 + ((i + d) % 3);
        for (const [role, invited] of [
          ['medarbejder', staff],
          ['leder', leaders],
        ] as const) {
          const groupId = await addGroup(db, roundId, insts[i].id, `Afdeling ${d + 1}`, role, invited);
          const n = role === 'medarbejder' && !small ? invited - ((i + d + r) % 3) : invited;
          await db
            .insert(surveyAnswers)
            .values(Array.from({ length: n }, () => ({ roundId, groupId, answeredOn: `${year}-03-10` })));
          answers += n;
        }
      }
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.42)`);
    // Each group has a level (from its id); the PLF questions follow social capital with noise; 4 % "ved ikke".
    await tx.execute(sql`
      insert into survey_answer_values (answer_id, item_id, value)
      select a.id, i.id,
        case when random() < 0.04 then null else
          least(5, greatest(1, round(1.5 + 3 * ((abs(hashtext(a.group_id::text)) % 1000) / 1000.0)
            + (case when i.dimension = 'plf' then -0.2 else 0 end) + (random() - 0.5) * 2)))::smallint end
      from survey_answers a
      join survey_rounds r on r.id = a.round_id and r.kommune_id = ${k.id}
      join survey_items i on i.questionnaire_id = ${q.id} and i.kind = 'scale'`);
    await tx.execute(sql`
      update survey_answers a set tillid = s.tillid, kerneopgave = s.kerneopgave, ledelse = s.ledelse,
        involvering = s.involvering, plf = s.plf,
        social_capital = (coalesce(s.tillid, 0) + coalesce(s.kerneopgave, 0) + coalesce(s.ledelse, 0)
          + coalesce(s.involvering, 0)) / nullif((s.tillid is not null)::int + (s.kerneopgave is not null)::int
          + (s.ledelse is not null)::int + (s.involvering is not null)::int, 0)
      from (select v.answer_id,
          avg((v.value - 1) * 25.0) filter (where i.dimension = 'tillid') as tillid,
          avg((v.value - 1) * 25.0) filter (where i.dimension = 'kerneopgave') as kerneopgave,
          avg((v.value - 1) * 25.0) filter (where i.dimension = 'ledelse') as ledelse,
          avg((v.value - 1) * 25.0) filter (where i.dimension = 'involvering') as involvering,
          avg((v.value - 1) * 25.0) filter (where i.dimension = 'plf') as plf
        from survey_answer_values v join survey_items i on i.id = v.item_id
        where i.questionnaire_id = ${q.id} group by v.answer_id) s
      where s.answer_id = a.id`);
    await tx.execute(sql`
      insert into survey_answer_texts (round_id, group_id, item_id, text)
      select a.round_id, a.group_id, i.id, 'Vi deler viden på tværs, men mangler tid til fælles refleksion.'
      from survey_answers a
      join survey_rounds r on r.id = a.round_id and r.kommune_id = ${k.id}
      join survey_items i on i.questionnaire_id = ${q.id} and i.kind = 'text'
      where random() < 0.1`);
  });
  return {
    kommuneId: k.id,
    roundIds,
    institutionIds: insts.map((x) => x.id),
    forvaltning: people[0].email,
    leaders: people.slice(1).map((p, i) => ({ email: p.email, institutionId: insts[i].id })),
    answers,
    values: answers * 40,
  };
}
