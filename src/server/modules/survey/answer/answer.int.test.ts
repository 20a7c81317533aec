import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, err, rows } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { formatCode } from '../tokens.js';
import { API, answerBody, makeQuestionnaire, makeRound, type TestItem, today } from './answer.testing.js';

/*
 * Answering by link or printed code (issue 18 item 2 and its faults): the form, a forged, expired, reused or
 * another round's token, answers outside the scale or the questionnaire, a round closed while someone answers,
 * the same answer sent twice at once, hostile strings, the scores stored, and the limit on guessing codes.
 */
let t: TestApp;
let c: TestClient;
let kommuneId: string;
let institutionId: string;
let items: TestItem[];
let questionnaireId: string;
const FORGED_ROUND = '00000000-0000-4000-8000-000000000000';

type Round = Awaited<ReturnType<typeof makeRound>>;
const round = (people: number, extra: Partial<Parameters<typeof makeRound>[1]> = {}) =>
  makeRound(t.ctx.db, { kommuneId, institutionId, questionnaireId, people, ...extra });
const form = (token: string, headers: Record<string, string> = {}) =>
  c.get(`${API}?token=${encodeURIComponent(token)}`, { headers });
const counts = async (roundId: string) => {
  const [r] = await rows<{ answers: number; used: number; values: number; texts: number }>(
    t.ctx.db,
    sql`select (select count(*) from survey_answers where round_id = ${roundId})::int as answers,
      (select count(*) from survey_invitations where round_id = ${roundId} and used)::int as used,
      (select count(*) from survey_answer_values v join survey_answers a on a.id = v.answer_id
        where a.round_id = ${roundId})::int as values,
      (select count(*) from survey_answer_texts where round_id = ${roundId})::int as texts`,
  );
  return r;
};
const scale = () => items.filter((i) => i.kind === 'scale');
const textItem = () => items.find((i) => i.kind === 'text') as TestItem;

beforeAll(async () => {
  t = await createTestApp();
  const ids = await demoIds(t.ctx.db);
  kommuneId = ids.kommune['Fjordby Kommune'];
  institutionId = ids.institution.Solsikkeskolen;
  ({ questionnaireId, items } = await makeQuestionnaire(t.ctx.db));
  c = t.client();
});
afterAll(() => t?.close());

describe('the form', () => {
  let r: Round;
  beforeAll(async () => {
    r = await round(2);
  });

  it('shows the round, the place, the group and the questions in Danish by default', async () => {
    const res = await form(r.people[0].token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const f = res.json();
    expect(f).toMatchObject({
      roundId: r.roundId,
      roundName: 'Testrunde',
      kommuneName: 'Fjordby Kommune',
      institutionName: 'Solsikkeskolen',
      department: 'Indskoling',
      roleGroup: 'medarbejder',
      words: 'skole',
    });
    expect(f.items).toHaveLength(items.length);
    expect(f.items[0]).toEqual({
      id: items[0].id,
      kind: 'scale',
      dimension: 'tillid',
      text: 'Spørgsmål tillid1',
    });
    expect(JSON.stringify(f)).not.toContain(r.people[0].email);
  });

  it('in English by Accept-Language or ?lang, Danish where a question has no English text', async () => {
    const en = (await form(r.people[0].token, { 'accept-language': 'en-GB,en;q=0.9' })).json();
    expect(en.items[0].text).toBe('Question tillid1');
    expect(en.items.find((i: { id: string }) => i.id === items[10].id).text).toBe('Spørgsmål loose');
    const lang = await c.get(`${API}?token=${r.people[0].token}&lang=en`);
    expect(lang.json().items[0].text).toBe('Question tillid1');
  });

  it('by a printed code too, typed in lower case with spaces or dashes', async () => {
    const typed = formatCode(r.people[1].code).toLowerCase().replace('-', ' ');
    expect((await form(typed)).json().roundId).toBe(r.roundId);
  });

  it('a forged link or code: 404 survey.token_unknown', async () => {
    expect(err(await form('x'.repeat(43)))).toEqual([404, 'survey.token_unknown']);
    expect(err(await form('ABCD-EFGH-JKLM'))).toEqual([404, 'survey.token_unknown']);
  });

  it('a round not open yet, and one past its close day: clear codes', async () => {
    const early = await round(1, { from: 2, to: 9 });
    expect(err(await form(early.people[0].token))).toEqual([409, 'survey.round_not_open']);
    const late = await round(1, { from: -9, to: -1 });
    const res = await form(late.people[0].token);
    expect(err(res)).toEqual([409, 'survey.round_closed']);
    expect(res.json().error.message).toMatch(/lukket/);
  });
});

describe('sending an answer', () => {
  it('stores the answer with its group and day, the values (missing ones "ved ikke"), the scores and the texts apart', async () => {
    const r = await round(3);
    // tillid 5 and 3 → 100, 50; kerneopgave 1 and "ved ikke" → 0; ledelse left out; plf 4, 4 → 75.
    const given: Record<string, number | null> = {
      tillid1: 5,
      tillid2: 3,
      kerneopgave1: 1,
      kerneopgave2: null,
    };
    for (const d of ['involvering1', 'involvering2']) given[d] = 2;
    given.plf1 = 4;
    given.plf2 = 4;
    const body = {
      token: r.people[0].token,
      roundId: r.roundId,
      values: scale()
        .filter((i) => i.key in given)
        .map((i) => ({ itemId: i.id, value: given[i.key] })),
      texts: [{ itemId: textItem().id, text: '  Mere tid til sparring  ' }],
    };
    const res = await c.post(API, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, answeredOn: today() });
    const [a] = await rows<Record<string, unknown>>(
      t.ctx.db,
      sql`select * from survey_answers where round_id = ${r.roundId}`,
    );
    expect(a).toMatchObject({
      group_id: r.people[0].groupId,
      answered_on: today(),
      tillid: 75,
      kerneopgave: 0,
      ledelse: null,
      involvering: 25,
      plf: 75,
    });
    expect(a.social_capital).toBeCloseTo((75 + 0 + 25) / 3, 4);
    expect(await counts(r.roundId)).toEqual({ answers: 1, used: 1, values: scale().length, texts: 1 });
    const texts = await rows<{ text: string; group_id: string }>(
      t.ctx.db,
      sql`select text, group_id from survey_answer_texts where round_id = ${r.roundId}`,
    );
    expect(texts).toEqual([{ text: 'Mere tid til sparring', group_id: r.people[0].groupId }]);
  });

  it('reused: the second send and the form say the answer is in (409 survey.token_used), counted once', async () => {
    const r = await round(1);
    const body = answerBody(r.people[0].token, r.roundId, items);
    expect((await c.post(API, body)).statusCode).toBe(200);
    const again = await c.post(API, body);
    expect(err(again)).toEqual([409, 'survey.token_used']);
    expect(again.json().error.message).toBe('Dit svar er allerede modtaget. Tak!');
    expect(err(await form(r.people[0].token))).toEqual([409, 'survey.token_used']);
    expect((await counts(r.roundId)).answers).toBe(1);
  });

  it('by a printed code: the code works once, like the link (and the link with it)', async () => {
    const r = await round(1);
    const p = r.people[0];
    expect((await c.post(API, answerBody(formatCode(p.code), r.roundId, items))).statusCode).toBe(200);
    expect(err(await c.post(API, answerBody(p.token, r.roundId, items)))).toEqual([409, 'survey.token_used']);
  });

  it('the same answer sent five times at once is counted once', async () => {
    const r = await round(1);
    const body = answerBody(r.people[0].token, r.roundId, items);
    const sent = await Promise.all([1, 2, 3, 4, 5].map(() => c.post(API, body)));
    expect(sent.map((s) => s.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(await counts(r.roundId)).toMatchObject({ answers: 1, used: 1, values: scale().length });
  });

  it("another round's token: 400 survey.wrong_round, nothing stored, the token still works for its own round", async () => {
    const a = await round(1);
    const b = await round(1);
    const res = await c.post(API, answerBody(a.people[0].token, b.roundId, items));
    expect(err(res)).toEqual([400, 'survey.wrong_round']);
    expect(await counts(a.roundId)).toMatchObject({ answers: 0, used: 0 });
    expect(await counts(b.roundId)).toMatchObject({ answers: 0, used: 0 });
    expect((await c.post(API, answerBody(a.people[0].token, a.roundId, items))).statusCode).toBe(200);
  });

  it('forged: an unknown token or round is 404 survey.token_unknown', async () => {
    const r = await round(1);
    expect(err(await c.post(API, answerBody('y'.repeat(43), r.roundId, items)))).toEqual([
      404,
      'survey.token_unknown',
    ]);
    expect(err(await c.post(API, answerBody(r.people[0].token, FORGED_ROUND, items)))).toEqual([
      404,
      'survey.token_unknown',
    ]);
  });

  it('expired (past the close day) or not open yet: refused, nothing stored', async () => {
    const late = await round(1, { from: -9, to: -1 });
    expect(err(await c.post(API, answerBody(late.people[0].token, late.roundId, items)))).toEqual([
      409,
      'survey.round_closed',
    ]);
    const early = await round(1, { from: 1, to: 9 });
    expect(err(await c.post(API, answerBody(early.people[0].token, early.roundId, items)))).toEqual([
      409,
      'survey.round_not_open',
    ]);
    expect(await counts(late.roundId)).toMatchObject({ answers: 0, used: 0 });
    expect(await counts(early.roundId)).toMatchObject({ answers: 0, used: 0 });
  });

  it('closed while someone was answering: their draft is refused with a clear message, nothing half-counted', async () => {
    const r = await round(2);
    expect((await form(r.people[0].token)).statusCode).toBe(200); // the form is open on their phone
    await t.ctx.db.execute(sql`update survey_rounds set closed_on = ${today()} where id = ${r.roundId}`);
    const res = await c.post(API, answerBody(r.people[0].token, r.roundId, items));
    expect(err(res)).toEqual([409, 'survey.round_closed']);
    expect(res.json().error.message).toMatch(/lukket/i);
    expect(await counts(r.roundId)).toEqual({ answers: 0, used: 0, values: 0, texts: 0 });
  });

  it('a close racing with answers: every answer is either in whole (before the close) or refused', async () => {
    const r = await round(6);
    const sends = r.people.map((p) =>
      c.post(
        API,
        answerBody(p.token, r.roundId, items, () => 3, [{ itemId: textItem().id, text: 'x' }]),
      ),
    );
    const close = t.ctx.db.execute(
      sql`update survey_rounds set closed_on = ${today()} where id = ${r.roundId}`,
    );
    const [results] = await Promise.all([Promise.all(sends), close]);
    const ok = results.filter((s) => s.statusCode === 200).length;
    for (const s of results) if (s.statusCode !== 200) expect(err(s)).toEqual([409, 'survey.round_closed']);
    expect(await counts(r.roundId)).toEqual({
      answers: ok,
      used: ok,
      values: ok * scale().length,
      texts: ok,
    });
  });
});

describe('bad answers (400, nothing stored)', () => {
  let r: Round;
  const body = () => answerBody(r.people[0].token, r.roundId, items);
  const expectRefused = async (payload: unknown, code: string) => {
    expect(err(await c.post(API, payload))).toEqual([400, code]);
    expect(await counts(r.roundId)).toEqual({ answers: 0, used: 0, values: 0, texts: 0 });
  };
  beforeAll(async () => {
    r = await round(1);
  });

  it('a value outside the scale, or not a whole number', async () => {
    for (const value of [0, 6, -1, 2.5, 1e9]) {
      const b = body();
      b.values[0].value = value;
      await expectRefused(b, 'request.invalid');
    }
  });

  it('a question not in the round’s questionnaire, or one answered twice', async () => {
    const b = body();
    b.values[0].itemId = '00000000-0000-4000-8000-000000000001';
    await expectRefused(b, 'survey.item_unknown');
    const twice = body();
    twice.values.push({ ...twice.values[0], value: 1 });
    await expectRefused(twice, 'survey.item_twice');
    const textTwice = { ...body(), texts: [1, 2].map(() => ({ itemId: textItem().id, text: 'a' })) };
    await expectRefused(textTwice, 'survey.item_twice');
  });

  it('text for a scale question, a number for a text question', async () => {
    await expectRefused({ ...body(), texts: [{ itemId: scale()[0].id, text: 'godt' }] }, 'survey.item_kind');
    const b = body();
    b.values.push({ itemId: textItem().id, value: 3 });
    await expectRefused(b, 'survey.item_kind');
  });

  it('NUL bytes and lone surrogates in a text; a text too long; unknown fields', async () => {
    for (const text of ['a\u0000b', 'a\ud800b'])
      await expectRefused({ ...body(), texts: [{ itemId: textItem().id, text }] }, 'request.invalid_text');
    await expectRefused(
      { ...body(), texts: [{ itemId: textItem().id, text: 'x'.repeat(2001) }] },
      'request.invalid',
    );
    await expectRefused({ ...body(), userId: 'me' }, 'request.invalid');
  });

  it('afterwards the same token still answers once', async () => {
    expect((await c.post(API, body())).statusCode).toBe(200);
  });
});

describe('guessing codes', () => {
  it('an address that tries 30 codes that do not work must wait (429 survey.too_many_tries with Retry-After); working links and codes are not counted', async () => {
    const r = await round(2);
    const guesser = t.client();
    guesser.remoteAddress = '203.0.113.9';
    for (let i = 0; i < 40; i++)
      expect((await guesser.get(`${API}?token=${r.people[0].token}`)).statusCode).toBe(200);
    expect((await guesser.get(`${API}?token=${r.people[0].code}`)).statusCode).toBe(200);
    for (let i = 0; i < 30; i++)
      expect(
        err(
          await guesser.get(
            `${API}?token=ABCD-EFGH-JK${i < 10 ? 'A' : 'B'}${'CDEFGHJKLMNPQRSTUVWXYZ23456789'[i % 30]}`,
          ),
        ),
      ).toEqual([404, 'survey.token_unknown']);
    const blocked = await guesser.get(`${API}?token=${r.people[1].code}`);
    expect(err(blocked)).toEqual([429, 'survey.too_many_tries']);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const post = await guesser.post(API, answerBody(r.people[1].code, r.roundId, items));
    expect(err(post)).toEqual([429, 'survey.too_many_tries']);
    // Another address (another school) is not held back.
    expect((await c.get(`${API}?token=${r.people[1].code}`)).statusCode).toBe(200);
  });
});
