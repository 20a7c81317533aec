import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Wire } from '../../../../shared/contracts/common.js';
import type * as c from '../../../../shared/contracts/observation-setup.js';

type ObservationMe = Wire<typeof c.ObservationMe>;
type ObserversList = Wire<typeof c.ObserversList>;

import { auditLog, roleGrants } from '../../../db/schema.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';

/** Delegated observers, the minimum group size and GET /observation/me. */

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let leder: TestClient;
let sol: string;
let maelk: string;

const base = () => `/api/v1/observation/institutions/${sol}`;
const audited = async (action: string) =>
  t.ctx.db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, sol)));

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  sol = ids.institution.Solsikkeskolen;
  maelk = ids.institution['Børnehuset Mælkebøtten'];
  leder = await t.as('leder');
});
afterAll(() => t.close());

describe('delegated observers', () => {
  it('starts empty; the leader may list it, staff who were not delegated may not', async () => {
    expect((await leder.get(`${base()}/observers`)).json()).toEqual({ observers: [] });
    for (const who of ['ressourceperson', 'medarbejder', 'forvaltning', 'administrator'])
      expect(err(await (await t.as(who)).get(`${base()}/observers`)), who).toEqual([403, 'policy.forbidden']);
    for (const who of ['leder2', 'redaktoer'])
      expect(err(await (await t.as(who)).get(`${base()}/observers`)), who).toEqual([
        404,
        'institution.not_found',
      ]);
  });

  it('lets the leader delegate visits to the resource person (idempotent, audited once)', async () => {
    const url = `${base()}/observers/${ids.user.ressourceperson}`;
    expect((await leder.put(url)).statusCode).toBe(204);
    expect((await leder.put(url)).statusCode).toBe(204);
    const list = (await leder.get(`${base()}/observers`)).json() as ObserversList;
    expect(list.observers.map((o) => [o.id, o.name])).toEqual([[ids.user.ressourceperson, 'Rasmus Kjær']]);
    expect(Number.isNaN(Date.parse(list.observers[0].since))).toBe(false);
    expect(await audited('observation.observer.grant')).toEqual([
      { details: { userId: ids.user.ressourceperson } },
    ]);
    // Now delegated, the resource person may see who else observes.
    const seen = (await (await t.as('ressourceperson')).get(`${base()}/observers`)).json() as ObserversList;
    expect(seen.observers).toHaveLength(1);
  });

  it('refuses someone who does not work at the institution, and unknown people', async () => {
    for (const userId of [
      ids.user.medarbejder2,
      ids.user.forvaltning,
      '00000000-0000-4000-8000-000000000000',
    ])
      expect(err(await leder.put(`${base()}/observers/${userId}`))).toEqual([
        400,
        'observation.observer_not_in_institution',
      ]);
    expect(((await leder.get(`${base()}/observers`)).json() as ObserversList).observers).toHaveLength(1);
  });

  it('lets only the leader change delegations', async () => {
    const url = `${base()}/observers/${ids.user.medarbejder}`;
    for (const who of ['ressourceperson', 'medarbejder', 'forvaltning', 'administrator']) {
      const c = await t.as(who);
      expect(err(await c.put(url)), who).toEqual([403, 'policy.forbidden']);
      expect(err(await c.delete(`${base()}/observers/${ids.user.ressourceperson}`)), who).toEqual([
        403,
        'policy.forbidden',
      ]);
    }
    expect(err(await (await t.as('leder2')).put(url))).toEqual([404, 'institution.not_found']);
    expect(((await leder.get(`${base()}/observers`)).json() as ObserversList).observers).toHaveLength(1);
  });

  it('does not list a delegated person who left the institution', async () => {
    await leder.put(`${base()}/observers/${ids.user.medarbejder}`);
    expect(((await leder.get(`${base()}/observers`)).json() as ObserversList).observers).toHaveLength(2);
    const [grant] = await t.ctx.db
      .delete(roleGrants)
      .where(and(eq(roleGrants.userId, ids.user.medarbejder), eq(roleGrants.institutionId, sol)))
      .returning();
    const list = (await leder.get(`${base()}/observers`)).json() as ObserversList;
    expect(list.observers.map((o) => o.id)).toEqual([ids.user.ressourceperson]);
    await t.ctx.db.insert(roleGrants).values(grant);
    await leder.delete(`${base()}/observers/${ids.user.medarbejder}`);
  });

  it('lets the leader take a delegation back (idempotent, audited once)', async () => {
    const url = `${base()}/observers/${ids.user.ressourceperson}`;
    expect((await leder.delete(url)).statusCode).toBe(204);
    expect((await leder.delete(url)).statusCode).toBe(204);
    expect((await leder.get(`${base()}/observers`)).json()).toEqual({ observers: [] });
    expect(await audited('observation.observer.revoke')).toHaveLength(2); // medarbejder above, then this one
    expect(err(await (await t.as('ressourceperson')).get(`${base()}/observers`))).toEqual([
      403,
      'policy.forbidden',
    ]);
  });
});

describe('minimum group size', () => {
  it('is 5 until the leader changes it; leaders and forvaltning may read it, staff may not', async () => {
    for (const who of ['leder', 'forvaltning'])
      expect((await (await t.as(who)).get(`${base()}/settings`)).json(), who).toEqual({ minGroupSize: 5 });
    for (const who of ['medarbejder', 'ressourceperson', 'administrator'])
      expect(err(await (await t.as(who)).get(`${base()}/settings`)), who).toEqual([403, 'policy.forbidden']);
    expect(err(await (await t.as('leder2')).get(`${base()}/settings`))).toEqual([
      404,
      'institution.not_found',
    ]);
  });

  it('keeps the floor of 3 and a ceiling of 50', async () => {
    const put = (n: unknown) => leder.put(`${base()}/settings`, { minGroupSize: n });
    expect(err(await put(2))).toEqual([400, 'observation.min_group_size']);
    expect(err(await put(0))).toEqual([400, 'observation.min_group_size']);
    expect(err(await put(51))).toEqual([400, 'observation.min_group_size_max']);
    expect(err(await put(4.5))).toEqual([400, 'request.invalid']);
    expect(err(await put('7'))).toEqual([400, 'request.invalid']);
    expect((await put(3)).json()).toEqual({ minGroupSize: 3 });
    expect((await put(8)).json()).toEqual({ minGroupSize: 8 });
    expect((await (await t.as('forvaltning')).get(`${base()}/settings`)).json()).toEqual({ minGroupSize: 8 });
    expect((await audited('observation.settings.update')).map((r) => r.details)).toEqual([
      { minGroupSize: { from: 5, to: 3 } },
      { minGroupSize: { from: 3, to: 8 } },
    ]);
  });

  it('lets only the leader change it', async () => {
    for (const who of ['forvaltning', 'medarbejder', 'administrator'])
      expect(err(await (await t.as(who)).put(`${base()}/settings`, { minGroupSize: 6 })), who).toEqual([
        403,
        'policy.forbidden',
      ]);
    expect(err(await (await t.as('leder2')).put(`${base()}/settings`, { minGroupSize: 6 }))).toEqual([
      404,
      'institution.not_found',
    ]);
    expect((await leder.get(`${base()}/settings`)).json()).toEqual({ minGroupSize: 8 });
  });
});

describe('GET /observation/me', () => {
  const me = async (who: string) =>
    (await (await t.as(who)).get('/api/v1/observation/me')).json() as ObservationMe;
  const noRights = { configure: false, observe: false, data: false, self: false };

  it('gives the leader everything at Solsikkeskolen, with the schema and guide state', async () => {
    let m = await me('leder');
    expect(m.kommuner).toEqual([]);
    expect(m.institutions).toEqual([
      {
        id: sol,
        name: 'Solsikkeskolen',
        kommuneId: ids.kommune['Fjordby Kommune'],
        can: { configure: true, observe: true, data: true, self: true },
        schema: null,
        guide: { published: false, read: false },
      },
    ]);
    const starter = (await leder.get('/api/v1/observation/starter')).json();
    const v = (await leder.post(`${base()}/schema`, starter.schema)).json();
    await leder.put(`${base()}/guide`, { body: starter.guide, publish: true });
    await leder.post(`${base()}/guide/read`);
    m = await me('leder');
    expect(m.institutions[0].schema).toEqual({ id: v.id, version: 1 });
    expect(m.institutions[0].guide).toEqual({ published: true, read: true });
  });

  it('lets a resource person observe only while delegated', async () => {
    let m = await me('ressourceperson');
    expect(m.institutions.map((i) => [i.name, i.can])).toEqual([
      ['Solsikkeskolen', { ...noRights, self: true }],
    ]);
    expect(m.institutions[0].guide).toEqual({ published: true, read: false });
    await leder.put(`${base()}/observers/${ids.user.ressourceperson}`);
    m = await me('ressourceperson');
    expect(m.institutions[0].can).toEqual({ ...noRights, observe: true, self: true });
    await leder.delete(`${base()}/observers/${ids.user.ressourceperson}`);
  });

  it('gives a teacher self-observation only', async () => {
    const m = await me('medarbejder');
    expect(m.institutions).toHaveLength(1);
    expect(m.institutions[0].can).toEqual({ ...noRights, self: true });
    expect(m.kommuner).toEqual([]);
  });

  it('gives forvaltning its kommune and no institutions; leder2 only Mælkebøtten', async () => {
    const f = await me('forvaltning');
    expect(f.institutions).toEqual([]);
    expect(f.kommuner).toEqual([{ id: ids.kommune['Fjordby Kommune'], name: 'Fjordby Kommune' }]);
    const l2 = await me('leder2');
    expect(l2.institutions.map((i) => [i.id, i.can.configure, i.schema])).toEqual([[maelk, true, null]]);
  });

  it('gives administrators and editors nothing, and refuses the signed-out', async () => {
    for (const who of ['administrator', 'redaktoer'])
      expect(await me(who), who).toEqual({ institutions: [], kommuner: [] });
    expect(err(await t.client().get('/api/v1/observation/me'))[0]).toBe(401);
  });
});
