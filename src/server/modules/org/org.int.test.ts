import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, err, orgSnapshot } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const as: Record<string, TestClient> = {};
const ROLES = [
  'administrator',
  'redaktoer',
  'forvaltning',
  'leder',
  'ressourceperson',
  'medarbejder',
  'medarbejder2',
];

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const r of ROLES) as[r] = await t.as(r);
});
afterAll(() => t?.close());

const solsikke = () => ids.institution.Solsikkeskolen;
const maelk = () => ids.institution['Børnehuset Mælkebøtten'];
const bakke = () => ids.institution.Bakkeskolen;

/** Runs a request that must be refused and proves the database is unchanged afterwards. */
async function refused(run: () => Promise<{ statusCode: number; json: () => unknown }>) {
  const before = await orgSnapshot(t.ctx.db);
  const res = await run();
  expect(await orgSnapshot(t.ctx.db)).toEqual(before);
  return err(res);
}

describe('what each role sees', () => {
  const names = (items: { name: string }[]) => items.map((i) => i.name).sort();

  it.each([
    [
      'administrator',
      [
        'Bakkeskolen',
        'Børnehuset Mælkebøtten',
        'Kildeskolen',
        'Klub Lynet',
        'Pædagogisk Udviklingscenter',
        'Solsikkeskolen',
      ],
      ['Bakkedal Kommune', 'Fjordby Kommune'],
    ],
    [
      'forvaltning',
      [
        'Børnehuset Mælkebøtten',
        'Kildeskolen',
        'Klub Lynet',
        'Pædagogisk Udviklingscenter',
        'Solsikkeskolen',
      ],
      ['Fjordby Kommune'],
    ],
    ['leder', ['Solsikkeskolen'], ['Fjordby Kommune']],
    ['ressourceperson', ['Solsikkeskolen'], ['Fjordby Kommune']],
    ['medarbejder', ['Solsikkeskolen'], ['Fjordby Kommune']],
    ['medarbejder2', ['Børnehuset Mælkebøtten'], ['Fjordby Kommune']],
    ['redaktoer', [], []],
  ])('%s lists exactly its institutions and kommuner', async (role, institutions, kommuner) => {
    const i = await as[role].get('/api/v1/institutions');
    expect(i.statusCode).toBe(200);
    expect(names(i.json().items)).toEqual(institutions);
    const k = await as[role].get('/api/v1/kommuner');
    expect(names(k.json().items)).toEqual(kommuner);
  });

  it('filtering by a hidden kommune gives nothing rather than its institutions', async () => {
    const res = await as.forvaltning.get(`/api/v1/institutions?kommuneId=${ids.kommune['Bakkedal Kommune']}`);
    expect(res.json().items).toEqual([]);
  });

  it('forvaltning of Fjordby reads Solsikkeskolen and its teams, but not Bakkeskolen or Bakkedal', async () => {
    expect((await as.forvaltning.get(`/api/v1/institutions/${solsikke()}`)).statusCode).toBe(200);
    const teams = await as.forvaltning.get(`/api/v1/institutions/${solsikke()}/teams`);
    expect(teams.json().items).toHaveLength(5);
    expect(err(await as.forvaltning.get(`/api/v1/institutions/${bakke()}`))).toEqual([
      404,
      'institution.not_found',
    ]);
    expect(err(await as.forvaltning.get(`/api/v1/institutions/${bakke()}/teams`))).toEqual([
      404,
      'institution.not_found',
    ]);
    expect(err(await as.forvaltning.get(`/api/v1/teams/${ids.team.Naturfagsteamet}`))).toEqual([
      404,
      'team.not_found',
    ]);
    expect(err(await as.forvaltning.get(`/api/v1/kommuner/${ids.kommune['Bakkedal Kommune']}`))).toEqual([
      404,
      'kommune.not_found',
    ]);
  });

  it('medarbejder2 (Mælkebøtten) cannot read Solsikkeskolen, its teams or their members', async () => {
    const c = as.medarbejder2;
    expect(err(await c.get(`/api/v1/institutions/${solsikke()}`))).toEqual([404, 'institution.not_found']);
    expect(err(await c.get(`/api/v1/teams/${ids.team.Matematikteamet}`))).toEqual([404, 'team.not_found']);
    expect(err(await c.get(`/api/v1/teams/${ids.team.Matematikteamet}/members`))).toEqual([
      404,
      'team.not_found',
    ]);
    const own = await c.get(`/api/v1/teams/${ids.team.Vuggestuen}/members`);
    expect(own.json().items.map((m: { name: string }) => m.name)).toEqual(['Mads Østergaard']);
  });

  it('a hidden institution answers exactly like one that does not exist', async () => {
    const hidden = await as.leder.get(`/api/v1/institutions/${maelk()}`);
    const missing = await as.leder.get('/api/v1/institutions/00000000-0000-4000-8000-000000000000');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
  });
});

describe('teams', () => {
  it('leder of Solsikkeskolen creating a team in Børnehuset Mælkebøtten → 404, nothing written', async () => {
    const res = await refused(() =>
      as.leder.post(`/api/v1/institutions/${maelk()}/teams`, { name: 'Nyt team', type: 'fagteam' }),
    );
    expect(res).toEqual([404, 'institution.not_found']);
  });

  it.each(['medarbejder', 'ressourceperson', 'forvaltning'])(
    '%s creating a team in Solsikkeskolen (visible to them) → 403, nothing written',
    async (role) => {
      const res = await refused(() =>
        as[role].post(`/api/v1/institutions/${solsikke()}/teams`, { name: 'Nyt team', type: 'fagteam' }),
      );
      expect(res).toEqual([403, 'policy.forbidden']);
    },
  );

  it('leder creates, renames and deletes a team in the own institution', async () => {
    const created = await as.leder.post(`/api/v1/institutions/${solsikke()}/teams`, {
      name: 'Naturfag i udskolingen',
      type: 'fagteam',
    });
    expect(created.statusCode).toBe(201);
    const team = created.json();
    expect(team).toMatchObject({ name: 'Naturfag i udskolingen', institutionId: solsikke() });
    const renamed = await as.leder.patch(`/api/v1/teams/${team.id}`, { name: 'Natur/teknologi' });
    expect(renamed.json().name).toBe('Natur/teknologi');
    expect((await as.leder.delete(`/api/v1/teams/${team.id}`)).json()).toEqual({ ok: true });
    expect(err(await as.leder.get(`/api/v1/teams/${team.id}`))).toEqual([404, 'team.not_found']);
  });

  it('a team name already used in the institution (any case) → 409 team.name_taken', async () => {
    const res = await refused(() =>
      as.leder.post(`/api/v1/institutions/${solsikke()}/teams`, { name: 'matematikteamet', type: 'fagteam' }),
    );
    expect(res).toEqual([409, 'team.name_taken']);
  });

  it('medarbejder renaming or deleting an own team → 403; leder on another institution’s team → 404', async () => {
    const own = ids.team.Matematikteamet;
    expect(await refused(() => as.medarbejder.patch(`/api/v1/teams/${own}`, { name: 'X' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(await refused(() => as.medarbejder.delete(`/api/v1/teams/${own}`))).toEqual([
      403,
      'policy.forbidden',
    ]);
    const other = ids.team.Vuggestuen;
    expect(await refused(() => as.leder.patch(`/api/v1/teams/${other}`, { name: 'X' }))).toEqual([
      404,
      'team.not_found',
    ]);
    expect(await refused(() => as.leder.delete(`/api/v1/teams/${other}`))).toEqual([404, 'team.not_found']);
  });
});

describe('kommuner and institutions', () => {
  it.each(['leder', 'forvaltning', 'medarbejder'])(
    '%s may not create, rename or delete the own kommune or institution (403)',
    async (role) => {
      const c = as[role];
      const fjordby = ids.kommune['Fjordby Kommune'];
      expect(await refused(() => c.post('/api/v1/kommuner', { name: 'Ny Kommune' }))).toEqual([
        403,
        'policy.forbidden',
      ]);
      expect(await refused(() => c.patch(`/api/v1/kommuner/${fjordby}`, { name: 'X' }))).toEqual([
        403,
        'policy.forbidden',
      ]);
      expect(await refused(() => c.delete(`/api/v1/kommuner/${fjordby}`))).toEqual([403, 'policy.forbidden']);
      expect(
        await refused(() =>
          c.post('/api/v1/institutions', { kommuneId: fjordby, name: 'Ny Skole', type: 'skole' }),
        ),
      ).toEqual([403, 'policy.forbidden']);
      expect(await refused(() => c.patch(`/api/v1/institutions/${solsikke()}`, { name: 'X' }))).toEqual([
        403,
        'policy.forbidden',
      ]);
      expect(await refused(() => c.delete(`/api/v1/institutions/${solsikke()}`))).toEqual([
        403,
        'policy.forbidden',
      ]);
    },
  );

  it('leder creating an institution in Bakkedal (hidden) → 404 kommune.not_found', async () => {
    const bakkedal = ids.kommune['Bakkedal Kommune'];
    const res = await refused(() =>
      as.leder.post('/api/v1/institutions', { kommuneId: bakkedal, name: 'Ny Skole', type: 'skole' }),
    );
    expect(res).toEqual([404, 'kommune.not_found']);
  });

  it('administrator creates a kommune, an institution and a team, renames and deletes them', async () => {
    const a = as.administrator;
    const k = await a.post('/api/v1/kommuner', { name: 'Søby Kommune', code: '903' });
    expect(k.statusCode).toBe(201);
    const kommuneId = k.json().id;
    expect(err(await a.post('/api/v1/kommuner', { name: 'SØBY KOMMUNE' }))).toEqual([
      409,
      'kommune.name_taken',
    ]);
    const i = await a.post('/api/v1/institutions', { kommuneId, name: 'Søby Skole', type: 'skole' });
    expect(i.statusCode).toBe(201);
    expect(i.json()).toMatchObject({ name: 'Søby Skole', kommuneName: 'Søby Kommune' });
    const instId = i.json().id;
    expect(
      err(await a.post('/api/v1/institutions', { kommuneId, name: 'søby skole', type: 'klub' })),
    ).toEqual([409, 'institution.name_taken']);
    const team = await a.post(`/api/v1/institutions/${instId}/teams`, {
      name: '5. årgang',
      type: 'aargangsteam',
    });
    expect(team.statusCode).toBe(201);
    expect((await a.patch(`/api/v1/institutions/${instId}`, { type: 'klub' })).json().type).toBe('klub');
    expect((await a.patch(`/api/v1/kommuner/${kommuneId}`, { code: null })).json().code).toBeNull();
    expect(err(await a.delete(`/api/v1/kommuner/${kommuneId}`))).toEqual([409, 'kommune.not_empty']);
    expect((await a.delete(`/api/v1/institutions/${instId}`)).statusCode).toBe(200);
    expect(err(await a.get(`/api/v1/teams/${team.json().id}`))).toEqual([404, 'team.not_found']);
    expect((await a.delete(`/api/v1/kommuner/${kommuneId}`)).statusCode).toBe(200);
    expect(err(await a.get(`/api/v1/kommuner/${kommuneId}`))).toEqual([404, 'kommune.not_found']);
  });

  it('an empty PATCH changes nothing and answers the unchanged thing (not 500)', async () => {
    const before = await orgSnapshot(t.ctx.db);
    const a = as.administrator;
    const k = await a.patch(`/api/v1/kommuner/${ids.kommune['Fjordby Kommune']}`, {});
    expect(k.statusCode).toBe(200);
    expect(k.json().name).toBe('Fjordby Kommune');
    expect((await a.patch(`/api/v1/institutions/${solsikke()}`, {})).json().name).toBe('Solsikkeskolen');
    expect((await a.patch(`/api/v1/teams/${ids.team.Vuggestuen}`, {})).json().name).toBe('Vuggestuen');
    const after = await orgSnapshot(t.ctx.db);
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
  });
});

describe('lists come from the cached directory and show every write at once', () => {
  const mine = async (c: TestClient) =>
    (
      (await c.get('/api/v1/institutions')).json() as {
        items: { id: string; name: string; teamCount: number }[];
      }
    ).items;

  it('a new team, a rename and a removal show in the next list', async () => {
    const before = (await mine(as.leder)).find((i) => i.id === solsikke());
    const team = (
      await as.leder.post(`/api/v1/institutions/${solsikke()}/teams`, {
        name: 'Cacheteamet',
        type: 'fagteam',
      })
    ).json() as { id: string };
    expect((await mine(as.leder)).find((i) => i.id === solsikke())?.teamCount).toBe(
      (before?.teamCount ?? 0) + 1,
    );
    await as.leder.delete(`/api/v1/teams/${team.id}`);
    expect((await mine(as.leder)).find((i) => i.id === solsikke())?.teamCount).toBe(before?.teamCount);

    const created = (
      await as.administrator.post('/api/v1/institutions', {
        kommuneId: ids.kommune['Bakkedal Kommune'],
        name: 'Cachebørnehaven',
        type: 'dagtilbud',
      })
    ).json() as { id: string };
    expect((await mine(as.administrator)).map((i) => i.name)).toContain('Cachebørnehaven');
    expect((await mine(as.leder)).map((i) => i.name)).not.toContain('Cachebørnehaven');
    await as.administrator.patch(`/api/v1/institutions/${created.id}`, { name: 'Cachevuggestuen' });
    expect((await mine(as.administrator)).map((i) => i.name)).toContain('Cachevuggestuen');
    await as.administrator.delete(`/api/v1/institutions/${created.id}`);
    expect((await mine(as.administrator)).map((i) => i.id)).not.toContain(created.id);
  });
});
