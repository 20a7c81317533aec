import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, rows } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { API, answerBody, makeQuestionnaire, makeRound, type TestItem } from './answer.testing.js';
import { mixRound, mixSurveyAnswers } from './mix.js';

/*
 * Anonymity beyond the columns (issue 18: "an administrator querying the answers table cannot tell who answered
 * what — test on the stored rows"). Ten people answer one after the other; each answer is recognisable to the
 * test alone by its values (person k answers the first two questions with k in base 5). Before the mix the
 * stored rows pair answers with used marks (same xmin, same physical order); after it they do not.
 */
let t: TestApp;
let c: TestClient;
let items: TestItem[];
let round: Awaited<ReturnType<typeof makeRound>>;
const N = 10;

/** Person k's values: the first two scale questions spell k in base 5 (1–5), the rest 3. */
const digits = (k: number) => [Math.floor(k / 5) + 1, (k % 5) + 1];
const pick = (k: number) => (_: TestItem, n: number) => (n < 2 ? digits(k)[n] : 3);

type Row = Record<string, unknown> & { xmin: string; ctid: string };
/** Everything an administrator can select from the four tables, with the system columns. */
async function dump(roundId: string) {
  const q = (table: string) =>
    rows<Row>(
      t.ctx.db,
      sql.raw(
        `select xmin::text as xmin, ctid::text as ctid, * from ${table} where ${
          table === 'survey_answer_values'
            ? `answer_id in (select id from survey_answers where round_id = '${roundId}')`
            : `round_id = '${roundId}'`
        } order by ${table}.ctid`,
      ),
    );
  return {
    answers: await q('survey_answers'),
    values: await q('survey_answer_values'),
    texts: await q('survey_answer_texts'),
    invitations: await q('survey_invitations'),
  };
}

/** Which person (k) wrote each answer, in the answers' physical order. */
function writers(d: Awaited<ReturnType<typeof dump>>) {
  const [first, second] = items.filter((i) => i.kind === 'scale');
  return d.answers.map((a) => {
    const v = (itemId: string) =>
      Number(d.values.find((x) => x.answer_id === a.id && x.item_id === itemId)?.value);
    return (v(first.id) - 1) * 5 + (v(second.id) - 1);
  });
}

/** The people whose invitation is used, in the used marks' physical order. */
const usedBy = (d: Awaited<ReturnType<typeof dump>>) =>
  d.invitations.filter((i) => i.used).map((i) => round.people.findIndex((p) => p.userId === i.user_id));

beforeAll(async () => {
  t = await createTestApp();
  const ids = await demoIds(t.ctx.db);
  let questionnaireId: string;
  ({ questionnaireId, items } = await makeQuestionnaire(t.ctx.db));
  round = await makeRound(t.ctx.db, {
    kommuneId: ids.kommune['Fjordby Kommune'],
    institutionId: ids.institution.Solsikkeskolen,
    questionnaireId,
    people: N + 2,
  });
  c = t.client();
  const text = items.find((i) => i.kind === 'text') as TestItem;
  for (let k = 0; k < N; k++) {
    const body = answerBody(round.people[k].token, round.roundId, items, pick(k), [
      { itemId: text.id, text: `Tekst fra svar ${k}` },
    ]);
    const res = await c.post(API, body);
    if (res.statusCode !== 200) throw new Error(res.body);
  }
});
afterAll(() => t?.close());

describe('before the mix (what the mix is for)', () => {
  it('each answer shares its xmin with exactly one used mark, and the rows lie in the order they were sent', async () => {
    const d = await dump(round.roundId);
    const w = writers(d);
    expect(w).toEqual([...Array(N).keys()]);
    const paired = d.answers.map((a) => d.invitations.filter((i) => i.xmin === a.xmin));
    for (const [k, p] of paired.entries()) {
      expect(p).toHaveLength(1);
      expect(p[0].user_id).toBe(round.people[w[k]].userId);
    }
  });
});

describe('after the mix', () => {
  let before: Awaited<ReturnType<typeof dump>>;
  let after: Awaited<ReturnType<typeof dump>>;
  beforeAll(async () => {
    before = await dump(round.roundId);
    expect(await mixSurveyAnswers(t.ctx)).toEqual({ mixed: [round.roundId] });
    after = await dump(round.roundId);
  });

  it('keeps every row, id and value (only xmin and the physical place change)', () => {
    const strip = (rs: Row[]) => rs.map(({ xmin: _x, ctid: _c, ...rest }) => JSON.stringify(rest)).sort();
    for (const table of ['answers', 'values', 'texts', 'invitations'] as const)
      expect(strip(after[table])).toEqual(strip(before[table]));
  });

  it('every answer, value, text and invitation of the round has one and the same xmin', () => {
    const xmins = new Set(
      [...after.answers, ...after.values, ...after.texts, ...after.invitations].map((r) => r.xmin),
    );
    expect(xmins.size).toBe(1);
  });

  it('the physical order of answers, texts and used marks no longer follows the order they were sent', () => {
    expect(writers(after)).not.toEqual([...Array(N).keys()]);
    expect(after.texts.map((r) => r.text)).not.toEqual(before.texts.map((r) => r.text));
    expect(usedBy(after)).not.toEqual(usedBy(before));
  });

  it('an administrator selecting everything cannot pair an answer with a person', () => {
    const [x] = new Set(after.answers.map((a) => a.xmin));
    // xmin: every invitation (used or not) shares the answers' one xmin.
    expect(after.invitations.every((i) => i.xmin === x)).toBe(true);
    // Physical order: pairing the k-th answer with the k-th used mark gets it wrong (10! orders; the test fails by
    // chance with odds 1 in 3.6 million).
    const truth = writers(after);
    const guess = usedBy(after);
    expect(guess).not.toEqual(truth);
    // No column of an answer, value or text holds anything of the invitation or the person.
    const personal = new Set(
      after.invitations.flatMap((i) => [i.id, i.user_id, i.token_hash, i.code_hash].map(String)),
    );
    for (const p of round.people) for (const s of [p.userId, p.email, p.token, p.code]) personal.add(s);
    for (const r of [...after.answers, ...after.values, ...after.texts]) {
      const { xmin: _x, ctid: _c, ...columns } = r;
      for (const v of Object.values(columns)) expect(personal.has(String(v))).toBe(false);
    }
    // And the answers' own columns: round, group, day and scores — nothing finer than the day.
    expect(Object.keys(after.answers[0]).sort()).toEqual(
      [
        'answered_on',
        'ctid',
        'group_id',
        'id',
        'involvering',
        'kerneopgave',
        'ledelse',
        'plf',
        'round_id',
        'social_capital',
        'tillid',
        'xmin',
      ].sort(),
    );
  });

  it('a round with nothing new is not mixed again; a new answer makes it due, and the next run mixes it', async () => {
    expect(await mixSurveyAnswers(t.ctx)).toEqual({ mixed: [] });
    const res = await c.post(API, answerBody(round.people[N].token, round.roundId, items, pick(N)));
    expect(res.statusCode).toBe(200);
    expect(await mixSurveyAnswers(t.ctx)).toEqual({ mixed: [round.roundId] });
    const d = await dump(round.roundId);
    expect(new Set([...d.answers, ...d.invitations].map((r) => r.xmin)).size).toBe(1);
    expect(d.answers).toHaveLength(N + 1);
  });

  it('answers keep working after a mix (the invitations were rewritten with their hashes)', async () => {
    const res = await c.post(API, answerBody(round.people[N + 1].token, round.roundId, items));
    expect(res.statusCode).toBe(200);
    expect((await c.post(API, answerBody(round.people[0].token, round.roundId, items))).statusCode).toBe(409);
  });

  it('two mixes of one round at once: the round is rewritten once, nothing lost', async () => {
    const [a, b] = await Promise.all([mixRound(t.ctx, round.roundId), mixRound(t.ctx, round.roundId)]);
    expect([a.mixed, b.mixed].filter(Boolean)).toHaveLength(1);
    const d = await dump(round.roundId);
    expect(d.answers).toHaveLength(N + 2);
    expect(d.invitations.filter((i) => i.used)).toHaveLength(N + 2);
  });
});
