import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../db/rows.js';
import { danishToday } from '../days.js';
import { newInvitationSecrets } from '../tokens.js';

/**
 * Helpers of the answering tests: a published questionnaire version, a round over one institution with its groups,
 * and invitations for new people — written straight into the tables (the rounds' own API is another part's).
 */
export const API = '/api/v1/survey/answer';

const DIMENSIONS = ['tillid', 'kerneopgave', 'ledelse', 'involvering', 'plf'] as const;

export type TestItem = { id: string; kind: 'scale' | 'text'; dimension: string | null; key: string };

/** Two scale questions per dimension, one without a dimension, and one open text question. */
export async function makeQuestionnaire(db: DbOrTx) {
  const [q] = await rows<{ id: string }>(
    db,
    sql`insert into survey_questionnaires (family, version, name_da, name_en, state, published_at)
      values (gen_random_uuid(), 1, 'Testskema', 'Test form', 'published', now()) returning id`,
  );
  await db.execute(sql`update survey_questionnaires set family = id where id = ${q.id}`);
  const specs: { key: string; kind: 'scale' | 'text'; dimension: string | null }[] = [
    ...DIMENSIONS.flatMap((d) =>
      [1, 2].map((n) => ({ key: `${d}${n}`, kind: 'scale' as const, dimension: d })),
    ),
    { key: 'loose', kind: 'scale', dimension: null },
    { key: 'comment', kind: 'text', dimension: null },
  ];
  const items: TestItem[] = [];
  for (const [position, s] of specs.entries()) {
    const [row] = await rows<{ id: string }>(
      db,
      sql`insert into survey_items (questionnaire_id, key, position, kind, dimension, text_da, text_en)
        values (${q.id}, ${s.key}, ${position}, ${s.kind}, ${s.dimension}, ${`Spørgsmål ${s.key}`},
          ${s.key === 'loose' ? '' : `Question ${s.key}`})
        returning id`,
    );
    items.push({ id: row.id, ...s });
  }
  return { questionnaireId: q.id, items };
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
export const today = () => danishToday();

/**
 * A round of `kommuneId` over `institutionId`, open from `from` to `to` days around today, with one group per
 * department × role group asked for, and `people` new persons invited into them (round robin). Returns each
 * person's link token and printed code.
 */
export async function makeRound(
  db: DbOrTx,
  o: {
    kommuneId: string;
    institutionId: string;
    questionnaireId: string;
    people: number;
    from?: number;
    to?: number;
    groups?: { department: string; roleGroup: 'medarbejder' | 'leder' }[];
  },
) {
  const t = today();
  const [round] = await rows<{ id: string }>(
    db,
    sql`insert into survey_rounds (kommune_id, questionnaire_id, name, opens_on, closes_on, opened_at)
      values (${o.kommuneId}, ${o.questionnaireId}, 'Testrunde', ${addDays(t, o.from ?? -1)},
        ${addDays(t, o.to ?? 7)}, now())
      returning id`,
  );
  await db.execute(
    sql`insert into survey_round_institutions (round_id, institution_id) values (${round.id}, ${o.institutionId})`,
  );
  const groups: string[] = [];
  for (const g of o.groups ?? [{ department: 'Indskoling', roleGroup: 'medarbejder' }]) {
    const [row] = await rows<{ id: string }>(
      db,
      sql`insert into survey_groups (round_id, institution_id, department_name, role_group)
        values (${round.id}, ${o.institutionId}, ${g.department}, ${g.roleGroup}) returning id`,
    );
    groups.push(row.id);
  }
  const people: { userId: string; email: string; token: string; code: string; groupId: string }[] = [];
  for (let i = 0; i < o.people; i++) {
    const email = `svar-${round.id.slice(0, 8)}-${i}@test.amongi.dk`;
    const [user] = await rows<{ id: string }>(
      db,
      sql`insert into users (email, name, status) values (${email}, ${`Person ${i}`}, 'active') returning id`,
    );
    const s = newInvitationSecrets();
    const groupId = groups[i % groups.length];
    await db.execute(
      sql`insert into survey_invitations (round_id, user_id, group_id, token_hash, code_hash)
        values (${round.id}, ${user.id}, ${groupId}, ${s.tokenHash}, ${s.codeHash})`,
    );
    people.push({ userId: user.id, email, token: s.token, code: s.code, groupId });
  }
  await db.execute(
    sql`update survey_groups g set invited = (select count(*) from survey_invitations i where i.group_id = g.id)
      where g.round_id = ${round.id}`,
  );
  return { roundId: round.id, groups, people };
}

/** An answer body: every scale question `value` (or per item from `pick`), and texts. */
export const answerBody = (
  token: string,
  roundId: string,
  items: TestItem[],
  pick: (item: TestItem, index: number) => number | null = () => 4,
  texts: { itemId: string; text: string }[] = [],
) => ({
  token,
  roundId,
  values: items.filter((i) => i.kind === 'scale').map((i, n) => ({ itemId: i.id, value: pick(i, n) })),
  texts,
});
