import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, err, rows } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { BUILTIN_QUESTIONNAIRE_ID } from '../builtin.js';
import { danishToday } from '../days.js';
import { createSurveyRound } from '../survey.testing.js';
import { hashLinkToken } from '../tokens.js';
import { sendDueSurveyReminders } from './invitations.js';
import { openDueRounds, openRound } from './open.js';

/*
 * Survey questionnaires and rounds (issue 18 items 1–2): versions and locking, publishing, making a round (another
 * kommune's institution refused), opening (groups, invitations, real outbox rows; two opens at once make one set),
 * reminders only to the unused, code lists, my-link, and who may do what.
 */
const API = '/api/v1/survey';
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
let fjordby: string;
let sol: string;
const today = danishToday();
const plus = (d: number) =>
  new Date(Date.parse(`${today}T12:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  fjordby = ids.kommune['Fjordby Kommune'];
  sol = ids.institution.Solsikkeskolen;
  for (const who of ['forvaltning', 'administrator', 'leder', 'ressourceperson', 'medarbejder', 'leder2'])
    c[who] = await t.as(who);
});
afterAll(() => t?.close());

describe('questionnaires', () => {
  let draft: string;
  it('the built-in one is listed, published, and read by forvaltning; a medarbejder gets 404', async () => {
    const list = await c.forvaltning.get(`${API}/questionnaires?kommuneId=${fjordby}`);
    expect(list.statusCode).toBe(200);
    const builtIn = list.json().find((q: { id: string }) => q.id === BUILTIN_QUESTIONNAIRE_ID);
    expect(builtIn).toMatchObject({ state: 'published', builtIn: true, kommuneId: null, canEdit: false });
    expect(builtIn.itemCount).toBeGreaterThanOrEqual(18);
    const one = (await c.forvaltning.get(`${API}/questionnaires/${BUILTIN_QUESTIONNAIRE_ID}`)).json();
    expect(one.items.filter((i: { dimension: string }) => i.dimension === 'plf')).toHaveLength(4);
    expect(err(await c.medarbejder.get(`${API}/questionnaires?kommuneId=${fjordby}`))).toEqual([
      404,
      'survey.kommune_not_found',
    ]);
    expect(err(await c.leder.get(`${API}/questionnaires/${BUILTIN_QUESTIONNAIRE_ID}`))).toEqual([
      404,
      'survey.questionnaire_not_found',
    ]);
  });

  it('a published version is never edited; forvaltning makes a kommune draft version and edits it', async () => {
    expect(
      err(
        await c.administrator.post(`${API}/questionnaires/${BUILTIN_QUESTIONNAIRE_ID}/items`, {
          kind: 'scale',
          dimension: 'tillid',
          textDa: 'Ny',
        }),
      ),
    ).toEqual([409, 'survey.questionnaire_published']);
    // Forvaltning may not make an instance version, nor one for another kommune.
    expect(
      (
        await c.forvaltning.post(`${API}/questionnaires/${BUILTIN_QUESTIONNAIRE_ID}/versions`, {
          kommuneId: null,
        })
      ).statusCode,
    ).toBe(403);
    const res = await c.forvaltning.post(`${API}/questionnaires/${BUILTIN_QUESTIONNAIRE_ID}/versions`, {
      kommuneId: fjordby,
    });
    expect(res.statusCode).toBe(201);
    const q = res.json();
    draft = q.id;
    expect(q).toMatchObject({ family: BUILTIN_QUESTIONNAIRE_ID, version: 2, state: 'draft', canEdit: true });
    expect(q.items.map((i: { key: string }) => i.key)).toEqual(
      (await c.forvaltning.get(`${API}/questionnaires/${BUILTIN_QUESTIONNAIRE_ID}`))
        .json()
        .items.map((i: { key: string }) => i.key),
    );
    const added = await c.forvaltning.post(`${API}/questionnaires/${draft}/items`, {
      kind: 'scale',
      dimension: 'plf',
      textDa: 'Vi bruger data til at følge op på vores prøvehandlinger.',
      textEn: 'We use data to follow up on what we try out.',
      position: 0,
    });
    expect(added.statusCode).toBe(200);
    const first = added.json().items[0];
    expect(first).toMatchObject({ position: 0, dimension: 'plf' });
    expect(
      err(
        await c.forvaltning.post(`${API}/questionnaires/${draft}/items`, {
          kind: 'text',
          dimension: 'plf',
          textDa: 'Fritekst',
        }),
      ),
    ).toEqual([400, 'survey.text_has_dimension']);
    const moved = await c.forvaltning.put(`${API}/questionnaires/${draft}/items/${first.id}`, {
      kind: 'scale',
      dimension: 'plf',
      textDa: first.textDa,
      textEn: first.textEn,
      position: 3,
    });
    expect(moved.json().items[3].id).toBe(first.id);
    expect(moved.json().items.map((i: { position: number }) => i.position)).toEqual(
      moved.json().items.map((_: unknown, i: number) => i),
    );
    // Two editors save the name from the same revision at once: one wins, the other is told (nothing lost silently).
    const seen = moved.json().revision as number;
    expect(added.json().revision).toBeLessThan(seen); // an item's change moves the revision on
    const [one, two] = await Promise.all(
      ['Fjordbys undersøgelse', 'Fjordbys skema'].map((nameDa) =>
        c.forvaltning.patch(`${API}/questionnaires/${draft}`, { revision: seen, nameDa }),
      ),
    );
    const codes = [one, two].map((x) => x.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    const loser = one.statusCode === 409 ? one : two;
    expect(err(loser)).toEqual([409, 'survey.questionnaire_stale']);
    const winner = one.statusCode === 200 ? one : two;
    // A save from before an item's change is stale too.
    expect(
      err(await c.forvaltning.patch(`${API}/questionnaires/${draft}`, { revision: seen, nameDa: 'Gammel' })),
    ).toEqual([409, 'survey.questionnaire_stale']);
    const renamed = await c.forvaltning.patch(`${API}/questionnaires/${draft}`, {
      revision: winner.json().revision,
      nameDa: 'Fjordbys undersøgelse',
    });
    expect(renamed.json()).toMatchObject({ name: 'Fjordbys undersøgelse', revision: seen + 2 });
    // Another role may not touch it: leder 404, administrator (reads it) 403.
    expect(err(await c.leder.delete(`${API}/questionnaires/${draft}/items/${first.id}`))[0]).toBe(404);
    expect(err(await c.administrator.delete(`${API}/questionnaires/${draft}/items/${first.id}`))[0]).toBe(
      403,
    );
  });

  it('a draft cannot be used by a round; publishing needs a scale question and fixes it', async () => {
    const body = {
      kommuneId: fjordby,
      questionnaireId: draft,
      name: 'Kladderunde',
      opensOn: plus(5),
      closesOn: plus(20),
      institutionIds: [sol],
    };
    expect(err(await c.forvaltning.post(`${API}/rounds`, body))).toEqual([
      409,
      'survey.questionnaire_not_published',
    ]);
    // An empty draft cannot be published.
    const empty = (
      await c.forvaltning.post(`${API}/questionnaires/${draft}/versions`, { kommuneId: fjordby })
    ).json();
    for (const item of empty.items)
      await c.forvaltning.delete(`${API}/questionnaires/${empty.id}/items/${item.id}`);
    expect(err(await c.forvaltning.post(`${API}/questionnaires/${empty.id}/publish`))).toEqual([
      409,
      'survey.questionnaire_no_scale',
    ]);
    expect((await c.forvaltning.delete(`${API}/questionnaires/${empty.id}`)).statusCode).toBe(200);
    const pub = await c.forvaltning.post(`${API}/questionnaires/${draft}/publish`);
    expect(pub.json()).toMatchObject({ state: 'published', canEdit: false });
    expect(
      err(await c.forvaltning.patch(`${API}/questionnaires/${draft}`, { revision: 1, nameDa: 'X' })),
    ).toEqual([409, 'survey.questionnaire_published']);
    expect(err(await c.forvaltning.delete(`${API}/questionnaires/${draft}`))).toEqual([
      409,
      'survey.questionnaire_published',
    ]);
  });
});

describe('rounds', () => {
  let roundId: string;
  const body = () => ({
    kommuneId: fjordby,
    questionnaireId: BUILTIN_QUESTIONNAIRE_ID,
    name: 'Medarbejderundersøgelse test',
    opensOn: today,
    closesOn: plus(14),
    institutionIds: [sol],
  });

  it('refuses another kommune’s institution, bad days, and anyone but the kommune’s forvaltning', async () => {
    const [foreign] = await rows<{ id: string }>(
      t.ctx.db,
      sql`select id from institutions where kommune_id <> ${fjordby} limit 1`,
    );
    if (foreign)
      expect(
        err(await c.forvaltning.post(`${API}/rounds`, { ...body(), institutionIds: [sol, foreign.id] })),
      ).toEqual([404, 'survey.institution_not_found']);
    expect(
      err(
        await c.forvaltning.post(`${API}/rounds`, {
          ...body(),
          institutionIds: ['00000000-0000-4000-8000-000000000000'],
        }),
      ),
    ).toEqual([404, 'survey.institution_not_found']);
    expect(
      err(await c.forvaltning.post(`${API}/rounds`, { ...body(), opensOn: plus(3), closesOn: plus(2) })),
    ).toEqual([400, 'survey.dates']);
    expect(
      err(await c.forvaltning.post(`${API}/rounds`, { ...body(), opensOn: plus(-9), closesOn: plus(-1) })),
    ).toEqual([400, 'survey.closes_in_past']);
    expect((await c.forvaltning.post(`${API}/rounds`, { ...body(), minGroup: 2 })).statusCode).toBe(400);
    for (const who of ['leder', 'medarbejder', 'administrator'])
      expect(err(await c[who].post(`${API}/rounds`, body())), who).toEqual([404, 'survey.kommune_not_found']);
  });

  it('opening at once makes groups, one invitation per staff member, and an e-mail each (no token in clear)', async () => {
    // An afdelingsleder: the leader is in Udskolingen, as is a teacher.
    const udskolingen = ids.team.Udskolingen;
    await t.ctx.db.execute(
      sql`insert into team_memberships (team_id, user_id) values (${udskolingen}, ${ids.user.leder}), (${udskolingen}, ${ids.user.laerer1})
          on conflict do nothing`,
    );
    const before = await rows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from outbox_emails`);
    const res = await c.forvaltning.post(`${API}/rounds`, body());
    expect(res.statusCode).toBe(201);
    const round = res.json();
    roundId = round.id;
    expect(round).toMatchObject({ state: 'open', canManage: true, answered: 0 });
    const staff = await rows<{ n: number }>(
      t.ctx.db,
      sql`select count(distinct g.user_id)::int as n from role_grants g join users u on u.id = g.user_id
          where g.institution_id = ${sol} and u.status <> 'disabled'`,
    );
    expect(round.invited).toBe(staff[0].n);
    const inv = await rows<{ user_id: string; token_hash: string; emailed_at: string | null }>(
      t.ctx.db,
      sql`select user_id, token_hash, emailed_at from survey_invitations where round_id = ${roundId}`,
    );
    expect(inv).toHaveLength(staff[0].n);
    expect(inv.every((i) => i.emailed_at !== null && i.token_hash.length >= 40)).toBe(true);
    const groups = await rows<{ invited: number; role_group: string }>(
      t.ctx.db,
      sql`select invited, role_group from survey_groups where round_id = ${roundId}`,
    );
    expect(groups.reduce((n, g) => n + g.invited, 0)).toBe(staff[0].n);
    expect(groups.some((g) => g.role_group === 'leder')).toBe(true);
    // Leaders are one group per institution (never a department's one or two); the teacher is in Udskolingen.
    const placed = await rows<{ user_id: string; department_name: string; role_group: string }>(
      t.ctx.db,
      sql`select v.user_id, g.department_name, g.role_group from survey_invitations v
          join survey_groups g on g.id = v.group_id where v.round_id = ${roundId}`,
    );
    const of = (id: string) => placed.find((p) => p.user_id === id);
    expect(of(ids.user.leder)).toMatchObject({ department_name: '', role_group: 'leder' });
    expect(of(ids.user.laerer1)).toMatchObject({ department_name: 'Udskolingen', role_group: 'medarbejder' });
    expect(placed.filter((p) => p.role_group === 'leder').every((p) => p.department_name === '')).toBe(true);
    const after = await rows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from outbox_emails`);
    expect(after[0].n - before[0].n).toBe(staff[0].n);
    const [mail] = await rows<{ text: string; subject: string }>(
      t.ctx.db,
      sql`select o.text, o.subject from outbox_emails o join users u on lower(u.email) = lower(o.to_address)
          where u.id = ${ids.user.medarbejder} order by o.created_at desc limit 1`,
    );
    expect(mail.subject).toContain('Medarbejderundersøgelse');
    expect(mail.text).toContain('anonym');
    const token = /\/svar#([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] as string;
    expect(token).toBeTruthy();
    // The link's token is stored only as its digest.
    expect(inv.some((i) => i.token_hash === hashLinkToken(token))).toBe(true);
    expect(inv.some((i) => i.token_hash.includes(token))).toBe(false);
  });

  it('reads: forvaltning all, leder and ressourceperson their own, medarbejder and another kommune 404', async () => {
    const r = await c.leder.get(`${API}/rounds/${roundId}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().response[0]).toMatchObject({ institutionId: sol, department: null, roleGroup: null });
    expect((await c.ressourceperson.get(`${API}/rounds/${roundId}`)).statusCode).toBe(200);
    for (const who of ['medarbejder', 'administrator', 'leder2'])
      expect(err(await c[who].get(`${API}/rounds/${roundId}`)), who).toEqual([404, 'survey.round_not_found']);
    const list = await c.medarbejder.get(`${API}/rounds?institutionId=${sol}`);
    expect(list.json().map((x: { id: string }) => x.id)).toContain(roundId);
    expect(err(await c.leder.get(`${API}/rounds?kommuneId=${fjordby}`))[0]).toBe(404);
    expect((await c.forvaltning.get(`${API}/rounds?kommuneId=${fjordby}`)).json().length).toBeGreaterThan(0);
  });

  it('mine and my-link: a fresh token replaces the old digest', async () => {
    const mine = (await c.medarbejder.get(`${API}/mine`)).json();
    expect(mine.map((m: { roundId: string }) => m.roundId)).toContain(roundId);
    const link = await c.medarbejder.post(`${API}/rounds/${roundId}/my-link`);
    expect(link.statusCode).toBe(200);
    const [v] = await rows<{ token_hash: string }>(
      t.ctx.db,
      sql`select token_hash from survey_invitations where round_id = ${roundId} and user_id = ${ids.user.medarbejder}`,
    );
    expect(v.token_hash).toBe(hashLinkToken(link.json().token));
    expect(err(await c.forvaltning.post(`${API}/rounds/${roundId}/my-link`))).toEqual([
      404,
      'survey.not_invited',
    ]);
  });

  it('reminders go only to unused invitations; code lists give fresh codes once', async () => {
    await t.ctx.db.execute(
      sql`update survey_invitations set used = true where round_id = ${roundId} and user_id = ${ids.user.medarbejder}`,
    );
    expect(err(await c.leder.post(`${API}/rounds/${roundId}/remind`))).toEqual([403, 'policy.forbidden']);
    expect(err(await c.medarbejder.post(`${API}/rounds/${roundId}/remind`))[0]).toBe(404);
    const r = await c.forvaltning.post(`${API}/rounds/${roundId}/remind`);
    const [unused] = await rows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from survey_invitations where round_id = ${roundId} and not used`,
    );
    expect(r.json().reminded).toBe(unused.n);
    const reminded = await rows<{ user_id: string }>(
      t.ctx.db,
      sql`select user_id from survey_invitations where round_id = ${roundId} and reminded_at is not null`,
    );
    expect(reminded.map((x) => x.user_id)).not.toContain(ids.user.medarbejder);
    const before = await rows<{ id: string; code_hash: string }>(
      t.ctx.db,
      sql`select id, code_hash from survey_invitations where round_id = ${roundId} order by id`,
    );
    const list = await c.leder.post(`${API}/rounds/${roundId}/codes`, { institutionId: sol });
    expect(list.statusCode).toBe(200);
    expect(list.json().codes).toHaveLength(unused.n);
    expect(list.json().codes[0].code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const after = await rows<{ id: string; code_hash: string; printed_at: string | null; used: boolean }>(
      t.ctx.db,
      sql`select id, code_hash, printed_at, used from survey_invitations where round_id = ${roundId} order by id`,
    );
    for (const [i, a] of after.entries()) {
      if (a.used) expect(a.code_hash).toBe(before[i].code_hash);
      else expect(a.code_hash === before[i].code_hash || a.printed_at === null).toBe(false);
    }
    expect(
      err(await c.ressourceperson.post(`${API}/rounds/${roundId}/codes`, { institutionId: sol }))[0],
    ).toBe(403);
    expect(err(await c.leder2.post(`${API}/rounds/${roundId}/codes`, { institutionId: sol }))[0]).toBe(404);
  });

  it('moving the close day and closing now (version checked); a closed round stays closed', async () => {
    const r = (await c.forvaltning.get(`${API}/rounds/${roundId}`)).json();
    expect(
      err(await c.forvaltning.patch(`${API}/rounds/${roundId}`, { version: r.version, closesOn: plus(-1) })),
    ).toEqual([400, 'survey.closes_in_past']);
    const moved = await c.forvaltning.patch(`${API}/rounds/${roundId}`, {
      version: r.version,
      closesOn: plus(20),
    });
    expect(moved.json()).toMatchObject({ closesOn: plus(20), version: r.version + 1 });
    expect(
      err(await c.forvaltning.patch(`${API}/rounds/${roundId}`, { version: r.version, closeNow: true })),
    ).toEqual([409, 'survey.round_stale']);
    expect(
      err(await c.leder.patch(`${API}/rounds/${roundId}`, { version: r.version + 1, closeNow: true }))[0],
    ).toBe(403);
    const closed = await c.forvaltning.patch(`${API}/rounds/${roundId}`, {
      version: r.version + 1,
      closeNow: true,
    });
    expect(closed.json()).toMatchObject({ state: 'closed', closedOn: today });
    expect(err(await c.forvaltning.post(`${API}/rounds/${roundId}/remind`))).toEqual([
      409,
      'survey.round_closed',
    ]);
    expect(
      (await c.medarbejder.get(`${API}/mine`)).json().map((m: { roundId: string }) => m.roundId),
    ).not.toContain(roundId);
  });

  it('two opens of one round at once make one set of invitations', async () => {
    const planned = await createSurveyRound(t.ctx, { opensOn: plus(1), closesOn: plus(10), now: new Date() });
    expect(planned.invitations).toEqual([]);
    const tomorrow = new Date(Date.parse(`${plus(1)}T10:00:00Z`));
    const results = await Promise.all(
      [0, 1].map(() => t.ctx.db.transaction((tx) => openRound(tx, t.ctx, planned.roundId, tomorrow))),
    );
    expect(results.filter((x) => x !== null)).toHaveLength(1);
    const [n] = await rows<{ n: number; users: number }>(
      t.ctx.db,
      sql`select count(*)::int as n, count(distinct user_id)::int as users from survey_invitations where round_id = ${planned.roundId}`,
    );
    expect(n.n).toBe(n.users);
    expect(n.n).toBeGreaterThan(0);
    // Once opened, never again.
    expect(await t.ctx.db.transaction((tx) => openRound(tx, t.ctx, planned.roundId, tomorrow))).toBeNull();
  });

  it('the ticker opens a round on its first day and reminds once, 3 days before the last day at 08:00', async () => {
    const planned = await createSurveyRound(t.ctx, { opensOn: plus(2), closesOn: plus(12), name: 'Tikker' });
    expect(planned.invitations).toEqual([]);
    const at = (day: string, hourUtc: number) =>
      new Date(Date.parse(`${day}T${String(hourUtc).padStart(2, '0')}:00:00Z`));
    await openDueRounds(t.ctx, at(plus(1), 10));
    const count = async () =>
      (
        await rows<{ n: number }>(
          t.ctx.db,
          sql`select count(*)::int as n from survey_invitations where round_id = ${planned.roundId}`,
        )
      )[0].n;
    expect(await count()).toBe(0);
    expect(await openDueRounds(t.ctx, at(plus(2), 10))).toBeGreaterThanOrEqual(1);
    const invited = await count();
    expect(invited).toBeGreaterThan(0);
    await openDueRounds(t.ctx, at(plus(2), 11));
    expect(await count()).toBe(invited);
    // 05:00 UTC on the ninth day is before 08:00 in Copenhagen; 08:00 UTC is after.
    const remindedAt = async () =>
      rows<{ n: number }>(
        t.ctx.db,
        sql`select count(*)::int as n from survey_invitations where round_id = ${planned.roundId} and reminded_at is not null`,
      );
    await sendDueSurveyReminders(t.ctx, at(plus(9), 5));
    expect((await remindedAt())[0].n).toBe(0);
    await sendDueSurveyReminders(t.ctx, at(plus(9), 8));
    expect((await remindedAt())[0].n).toBe(invited);
    const [mails] = await rows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from outbox_emails where subject like ${'%Tikker%'}`,
    );
    await sendDueSurveyReminders(t.ctx, at(plus(10), 9));
    const [again] = await rows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from outbox_emails where subject like ${'%Tikker%'}`,
    );
    expect(again.n).toBe(mails.n);
    expect(mails.n).toBe(invited * 2);
  });
});
