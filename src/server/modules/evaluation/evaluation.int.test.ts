import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, err } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { API, addItem, item, itemUpdate, YEAR } from './evaluation.testing.js';

/*
 * Evaluation plans / dataårshjul (issue 17 part 1): who reads and writes which plan (allow and deny per role;
 * another institution or kommune: 404), a kommune plan inherited once published, team plans, bad input, and two
 * leaders saving one item (version check).
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
let sol: string;
let fjordby: string;
const FORGED = '00000000-0000-4000-8000-000000000000';
const wheel = (who: string, institutionId = sol, year = YEAR) =>
  c[who].get(`${API}/evaluation/wheel?institutionId=${institutionId}&year=${year}`);
const kommuneWheel = (who: string, kommuneId = fjordby) =>
  c[who].get(`${API}/evaluation/kommune-wheel?kommuneId=${kommuneId}&year=${YEAR}`);

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  sol = ids.institution.Solsikkeskolen;
  fjordby = ids.kommune['Fjordby Kommune'];
  for (const who of [
    'leder',
    'ressourceperson',
    'medarbejder',
    'medarbejder2',
    'leder2',
    'medarbejder3',
    'forvaltning',
    'administrator',
  ])
    c[who] = await t.as(who);
});
afterAll(() => t?.close());

describe('the institution plan', () => {
  let id: string;
  it('a leder adds an item; everyone at the school reads it, only leders and ressourcepersoner may edit', async () => {
    const body = item({ scope: 'institution', ownerId: sol }, { responsibleId: ids.user.ressourceperson });
    const res = await c.leder.post(`${API}/evaluation/items`, body);
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      scope: 'institution',
      ownerName: 'Solsikkeskolen',
      responsible: { id: ids.user.ressourceperson, name: 'Rasmus Kjær' },
      version: 1,
      canEdit: true,
    });
    const mine = (await wheel('medarbejder')).json();
    expect(mine.owner).toMatchObject({ scope: 'institution', words: 'skole' });
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(id);
    expect(mine.plans.find((p: { scope: string }) => p.scope === 'institution')).toMatchObject({
      canEdit: false,
      itemCount: 1,
    });
    const asRes = (await wheel('ressourceperson')).json();
    expect(asRes.items.find((x: { id: string }) => x.id === id).canEdit).toBe(true);
    // Forvaltning of the kommune reads the school's plan, and edits nothing in it.
    const forv = await wheel('forvaltning');
    expect(forv.statusCode).toBe(200);
    expect(forv.json().plans.every((p: { canEdit: boolean }) => !p.canEdit)).toBe(true);
  });

  it('a teacher may not edit (403); another institution, another kommune, administrators and forged ids: 404', async () => {
    const body = itemUpdate(item({ scope: 'institution', ownerId: sol }), 1, { title: 'Ny titel' });
    expect(err(await c.medarbejder.put(`${API}/evaluation/items/${id}`, body))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(
      err(await c.medarbejder.post(`${API}/evaluation/items`, item({ scope: 'institution', ownerId: sol }))),
    ).toEqual([403, 'policy.forbidden']);
    for (const who of ['leder2', 'medarbejder3', 'administrator']) {
      expect(err(await wheel(who))).toEqual([404, 'evaluation.plan_not_found']);
      expect(err(await c[who].put(`${API}/evaluation/items/${id}`, body))).toEqual([
        404,
        'evaluation.item_not_found',
      ]);
      expect(err(await c[who].post(`${API}/evaluation/items/${id}/delete`, { version: 1 }))).toEqual([
        404,
        'evaluation.item_not_found',
      ]);
      expect(
        err(await c[who].post(`${API}/evaluation/items`, item({ scope: 'institution', ownerId: sol }))),
      ).toEqual([404, 'evaluation.plan_not_found']);
    }
    expect(err(await c.leder.put(`${API}/evaluation/items/${FORGED}`, body))).toEqual([
      404,
      'evaluation.item_not_found',
    ]);
    expect(err(await wheel('leder', FORGED))).toEqual([404, 'evaluation.plan_not_found']);
    expect(err(await c.leder.get(`${API}/evaluation/wheel?institutionId=abc`))).toEqual([
      400,
      'request.invalid',
    ]);
  });

  it('two leaders save the same item: the second gets 409 with the other’s version, and saves again on top', async () => {
    const base = item({ scope: 'institution', ownerId: sol });
    const first = await c.leder.put(
      `${API}/evaluation/items/${id}`,
      itemUpdate(base, 1, { title: 'Lenes titel' }),
    );
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const second = await c.ressourceperson.put(
      `${API}/evaluation/items/${id}`,
      itemUpdate(base, 1, { title: 'Rasmus’ titel' }),
    );
    expect(err(second)).toEqual([409, 'evaluation.stale']);
    const details = second.json().error.details as { path: string; message: string }[];
    expect(details).toContainEqual({ path: 'version', message: '2' });
    expect(details).toContainEqual({ path: 'title', message: 'Lenes titel' });
    const again = await c.ressourceperson.put(
      `${API}/evaluation/items/${id}`,
      itemUpdate(base, 2, { title: 'Rasmus’ titel' }),
    );
    expect(again.json()).toMatchObject({ title: 'Rasmus’ titel', version: 3 });
    expect(err(await c.leder.post(`${API}/evaluation/items/${id}/delete`, { version: 2 }))).toEqual([
      409,
      'evaluation.stale',
    ]);
  });

  it('bad input: impossible and reversed dates, outside the school year, huge text, the wrong kind, a stranger responsible', async () => {
    const add = (extra: Record<string, unknown>) =>
      c.leder.post(`${API}/evaluation/items`, item({ scope: 'institution', ownerId: sol }, extra));
    expect(err(await add({ collectFrom: '2032-02-30' }))).toEqual([400, 'request.invalid_date']);
    expect(err(await add({ collectFrom: '2032-03-01', collectTo: '2032-02-01' }))).toEqual([
      400,
      'evaluation.window',
    ]);
    expect(err(await add({ collectFrom: '2031-07-31' }))).toEqual([400, 'evaluation.outside_year']);
    expect(err(await add({ collectTo: '2032-08-01' }))).toEqual([400, 'evaluation.outside_year']);
    expect(err(await add({ analyseOn: '2032-01-09' }))).toEqual([
      400,
      'evaluation.analysis_before_collection',
    ]);
    expect(err(await add({ title: 'x'.repeat(201) }))).toEqual([400, 'request.invalid']);
    expect(err(await add({ note: 'x'.repeat(2001) }))).toEqual([400, 'request.invalid']);
    expect(err(await add({ kind: 'sprogvurdering' }))).toEqual([400, 'evaluation.kind_not_for_type']);
    expect(err(await add({ responsibleId: ids.user.medarbejder2 }))).toEqual([
      409,
      'evaluation.responsible_not_here',
    ]);
    expect(err(await add({ responsibleId: FORGED }))).toEqual([409, 'evaluation.responsible_not_here']);
    expect(err(await add({ meetingTeamId: ids.team.Vuggestuen }))).toEqual([409, 'evaluation.team_not_here']);
    expect(err(await add({ remindCollectDays: 61 }))).toEqual([400, 'request.invalid']);
    // Analysing while the data still comes in is allowed (an interim look); HTML is kept as text.
    const ok = await add({
      analyseOn: '2032-02-01',
      title: '<b>Læseprøve</b> <script>x</script>',
      kind: 'laeseproeve',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().title).toBe('<b>Læseprøve</b> <script>x</script>');
  });
});

describe('a dagtilbud speaks its own words', () => {
  it('Børnehuset Mælkebøtten plans sprogvurdering, not nationale test', async () => {
    const m = ids.institution['Børnehuset Mælkebøtten'];
    const w = (await c.leder2.get(`${API}/evaluation/wheel?institutionId=${m}&year=${YEAR}`)).json();
    expect(w.owner.words).toBe('dagtilbud');
    expect(w.kinds).toContain('sprogvurdering');
    expect(w.kinds).not.toContain('nationale_test');
    const body = item({ scope: 'institution', ownerId: m }, { kind: 'sprogvurdering', groups: '3-årige' });
    expect((await c.leder2.post(`${API}/evaluation/items`, body)).statusCode).toBe(201);
    expect(err(await c.leder2.post(`${API}/evaluation/items`, { ...body, kind: 'nationale_test' }))).toEqual([
      400,
      'evaluation.kind_not_for_type',
    ]);
  });
});

describe('the kommune plan', () => {
  let kid: string;
  it('forvaltning writes it; nobody at the institutions sees it before it is published', async () => {
    const created = await addItem(
      c.forvaltning,
      item(
        { scope: 'kommune', ownerId: fjordby },
        { title: 'Trivselsmåling (kommunen)', kind: 'trivselsmaaling' },
      ),
    );
    kid = created.id;
    expect(err(await kommuneWheel('leder'))).toEqual([404, 'evaluation.plan_not_found']);
    const w = (await wheel('leder')).json();
    expect(w.items.map((x: { id: string }) => x.id)).not.toContain(kid);
    expect(
      err(
        await c.leder.post(`${API}/evaluation/plans/publish`, {
          kommuneId: fjordby,
          schoolYear: YEAR,
          published: true,
        }),
      ),
    ).toEqual([404, 'evaluation.plan_not_found']);
  });

  it('published, every institution in the kommune inherits it read-only, marked as the kommune’s', async () => {
    const pub = await c.forvaltning.post(`${API}/evaluation/plans/publish`, {
      kommuneId: fjordby,
      schoolYear: YEAR,
      published: true,
    });
    expect(pub.json()).toMatchObject({ scope: 'kommune', published: true, canPublish: true });
    const sprog = await addItem(
      c.forvaltning,
      item(
        { scope: 'kommune', ownerId: fjordby },
        { title: 'Sprogvurdering (kommunen)', kind: 'sprogvurdering' },
      ),
    );
    // The school gets the well-being survey, the dagtilbud the language assessment: what concerns them.
    for (const [who, inst, shown, hidden] of [
      ['medarbejder', sol, kid, sprog.id],
      ['leder2', ids.institution['Børnehuset Mælkebøtten'], sprog.id, kid],
    ]) {
      const w = (await wheel(who, inst)).json();
      const k = w.items.find((x: { id: string }) => x.id === shown);
      expect(k).toMatchObject({ scope: 'kommune', ownerName: 'Fjordby Kommune', canEdit: false });
      expect(w.items.some((x: { id: string }) => x.id === hidden)).toBe(false);
      expect(w.plans[0]).toMatchObject({ scope: 'kommune', published: true, canEdit: false, itemCount: 1 });
    }
    expect((await kommuneWheel('leder')).statusCode).toBe(200);
    const body = itemUpdate(item({ scope: 'kommune', ownerId: fjordby }), 1, { title: 'Ændret' });
    expect(err(await c.leder.put(`${API}/evaluation/items/${kid}`, body))).toEqual([403, 'policy.forbidden']);
    expect(
      err(
        await c.leder.post(`${API}/evaluation/plans/publish`, {
          kommuneId: fjordby,
          schoolYear: YEAR,
          published: false,
        }),
      ),
    ).toEqual([403, 'policy.forbidden']);
    // Another kommune never sees it.
    expect(err(await kommuneWheel('medarbejder3'))).toEqual([404, 'evaluation.plan_not_found']);
    expect(err(await c.medarbejder3.put(`${API}/evaluation/items/${kid}`, body))).toEqual([
      404,
      'evaluation.item_not_found',
    ]);
  });
});

describe('team plans', () => {
  it('members write their team’s plan; the leders read it; other teams’ people do not see it', async () => {
    const math = ids.team.Matematikteamet;
    const created = await addItem(
      c.medarbejder,
      item(
        { scope: 'team', ownerId: math },
        { title: 'Matematikteamets observationsrunde', kind: 'observationsrunde' },
      ),
    );
    const lederView = (await wheel('leder')).json();
    expect(lederView.items.find((x: { id: string }) => x.id === created.id)).toMatchObject({
      scope: 'team',
      ownerName: 'Matematikteamet',
      canEdit: false,
    });
    const body = itemUpdate(item({ scope: 'team', ownerId: math }), 1, { title: 'Ændret' });
    expect(err(await c.leder.put(`${API}/evaluation/items/${created.id}`, body))).toEqual([
      403,
      'policy.forbidden',
    ]);
    // Forvaltning reads the school's plan but not its teams'.
    const forv = (await wheel('forvaltning')).json();
    expect(forv.items.some((x: { id: string }) => x.id === created.id)).toBe(false);
    expect(err(await c.forvaltning.put(`${API}/evaluation/items/${created.id}`, body))).toEqual([
      404,
      'evaluation.item_not_found',
    ]);
    expect(
      err(await c.leder.post(`${API}/evaluation/items`, item({ scope: 'team', ownerId: math }))),
    ).toEqual([403, 'policy.forbidden']);
    expect(
      err(await c.medarbejder2.post(`${API}/evaluation/items`, item({ scope: 'team', ownerId: math }))),
    ).toEqual([404, 'evaluation.plan_not_found']);
  });
});
