import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEACHERS } from '../../demo/index.js';
import { demoIds, err, orgSnapshot } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { createAdministrator } from './index.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const r of ['administrator', 'redaktoer', 'forvaltning', 'leder', 'medarbejder', 'medarbejder2'])
    as[r] = await t.as(r);
});
afterAll(() => t?.close());

const solsikke = () => ids.institution.Solsikkeskolen;
const maelk = () => ids.institution['Børnehuset Mælkebøtten'];

async function refused(run: () => Promise<{ statusCode: number; json: () => unknown }>) {
  const before = await orgSnapshot(t.ctx.db);
  const res = await run();
  expect(await orgSnapshot(t.ctx.db)).toEqual(before);
  return err(res);
}

const invite = (c: TestClient, email: string, grant: object, extra: object = {}) =>
  c.post('/api/v1/people', { name: 'Ny Kollega', email, grant, ...extra });

describe('reading people', () => {
  const emails = async (c: TestClient, query = '') => {
    const res = await c.get(`/api/v1/people?limit=200${query}`);
    expect(res.statusCode).toBe(200);
    return res.json().items.map((p: { email: string }) => p.email.split('@')[0]);
  };

  // The demo teachers for training (demo/training.ts), by school.
  const teachersAt = (school: string) =>
    DEMO_TEACHERS.filter((x) => x.at === school).map((x) => x.email.split('@')[0]);

  it('each role lists exactly the people it may see', async () => {
    const solsikkePeople = [
      'anders.lund',
      'birgitte.soerensen',
      'camilla.juhl',
      'dennis.poulsen',
      'leder',
      'medarbejder',
      'ressourceperson',
      ...teachersAt('Solsikkeskolen'),
    ].sort();
    expect((await emails(as.medarbejder)).sort()).toEqual(solsikkePeople);
    expect((await emails(as.medarbejder2)).sort()).toEqual(['emma.krogh', 'leder2', 'medarbejder2']);
    expect((await emails(as.forvaltning)).sort()).toEqual(
      [
        ...solsikkePeople,
        ...teachersAt('Kildeskolen'),
        'emma.krogh',
        'forvaltning',
        'jonas.vestergaard',
        'leder2',
        'medarbejder2',
      ].sort(),
    );
    expect(await emails(as.redaktoer)).toEqual(['redaktoer']);
    expect((await emails(as.administrator)).length).toBe(Object.keys(ids.user).length);
  });

  it('medarbejder2 reading a Solsikkeskolen person → 404 person.not_found', async () => {
    const res = await as.medarbejder2.get(`/api/v1/people/${ids.user.medarbejder}`);
    expect(err(res)).toEqual([404, 'person.not_found']);
    expect(err(await as.medarbejder2.get(`/api/v1/people?institutionId=${solsikke()}`))).toEqual([
      404,
      'institution.not_found',
    ]);
  });

  it('forvaltning of Fjordby reads a Fjordby teacher but not one at Bakkeskolen', async () => {
    expect((await as.forvaltning.get(`/api/v1/people/${ids.user['emma.krogh']}`)).statusCode).toBe(200);
    expect(err(await as.forvaltning.get(`/api/v1/people/${ids.user['karin.thomsen']}`))).toEqual([
      404,
      'person.not_found',
    ]);
  });

  it('pages through people with a cursor without repeats', async () => {
    const first = (await as.administrator.get('/api/v1/people?limit=4')).json();
    expect(first.items).toHaveLength(4);
    const second = (await as.administrator.get(`/api/v1/people?limit=4&cursor=${first.nextCursor}`)).json();
    const seen = [...first.items, ...second.items].map((p: { id: string }) => p.id);
    expect(new Set(seen).size).toBe(8);
    expect(err(await as.administrator.get('/api/v1/people?cursor=garbage'))).toEqual([
      400,
      'request.invalid',
    ]);
  });
});

describe('inviting', () => {
  it('leder inviting an administrator, redaktør or forvaltning → 403, nothing written', async () => {
    for (const grant of [
      { role: 'administrator' },
      { role: 'redaktoer' },
      { role: 'forvaltning', kommuneId: ids.kommune['Fjordby Kommune'] },
    ])
      expect(await refused(() => invite(as.leder, 'ny.admin@example.dk', grant))).toEqual([
        403,
        'policy.forbidden',
      ]);
  });

  it('leder inviting into another institution → 404; with a team of another institution → 404', async () => {
    expect(
      await refused(() => invite(as.leder, 'a@example.dk', { role: 'medarbejder', institutionId: maelk() })),
    ).toEqual([404, 'institution.not_found']);
    expect(
      await refused(() =>
        invite(
          as.leder,
          'a@example.dk',
          { role: 'medarbejder', institutionId: solsikke() },
          { teamIds: [ids.team.Vuggestuen] },
        ),
      ),
    ).toEqual([404, 'team.not_found']);
  });

  it('medarbejder inviting into the own institution → 403', async () => {
    expect(
      await refused(() =>
        invite(as.medarbejder, 'a@example.dk', { role: 'medarbejder', institutionId: solsikke() }),
      ),
    ).toEqual([403, 'policy.forbidden']);
  });

  it('an institution role without an institution → 400 role.invalid_scope', async () => {
    expect(await refused(() => invite(as.administrator, 'a@example.dk', { role: 'leder' }))).toEqual([
      400,
      'role.invalid_scope',
    ]);
  });

  it('leder invites a colleague into a team; the e-mail is kept in the outbox; a taken e-mail → 409', async () => {
    const before = await orgSnapshot(t.ctx.db);
    const res = await invite(
      as.leder,
      'Sofie.Berg@Example.dk',
      { role: 'medarbejder', institutionId: solsikke() },
      { teamIds: [ids.team['3. årgang']] },
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'invited',
      grants: [{ role: 'medarbejder', institutionName: 'Solsikkeskolen' }],
      teams: [{ name: '3. årgang' }],
    });
    expect((await orgSnapshot(t.ctx.db)).outbox).toBe(before.outbox + 1);
    expect(
      await refused(() =>
        invite(as.administrator, 'sofie.berg@example.dk', { role: 'medarbejder', institutionId: maelk() }),
      ),
    ).toEqual([409, 'person.email_taken']);
  });

  it('two parallel invitations of the same e-mail: one 201, one 409 (never 500)', async () => {
    const grant = { role: 'medarbejder', institutionId: solsikke() };
    const answers = await Promise.all([
      invite(as.leder, 'parallel@example.dk', grant),
      invite(as.administrator, 'parallel@example.dk', grant),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });
});

describe('managing people', () => {
  const disable = (c: TestClient, id: string) => c.patch(`/api/v1/people/${id}`, { status: 'disabled' });

  it('leder disables and re-activates a colleague; the colleague’s sessions end', async () => {
    const person = ids.user.ressourceperson;
    const victim = await t.as('ressourceperson');
    expect((await disable(as.leder, person)).json().status).toBe('disabled');
    expect(err(await victim.get('/api/v1/me'))).toEqual([401, 'auth.session_expired']);
    expect((await as.leder.patch(`/api/v1/people/${person}`, { status: 'active' })).json().status).toBe(
      'active',
    );
  });

  it('leder cannot disable themselves, someone elsewhere, or an administrator who teaches at the school', async () => {
    expect(await refused(() => disable(as.leder, ids.user.leder))).toEqual([403, 'policy.forbidden']);
    expect(await refused(() => disable(as.leder, ids.user.medarbejder2))).toEqual([404, 'person.not_found']);
    const admin = ids.user.administrator;
    const g = await as.administrator.post(`/api/v1/people/${admin}/grants`, {
      role: 'medarbejder',
      institutionId: solsikke(),
    });
    expect(g.statusCode).toBe(200);
    expect((await as.leder.get(`/api/v1/people/${admin}`)).statusCode).toBe(200);
    expect(await refused(() => disable(as.leder, admin))).toEqual([403, 'policy.forbidden']);
    expect(await refused(() => as.leder.patch(`/api/v1/people/${admin}`, { name: 'X' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    const grantId = g.json().grants.find((x: { role: string }) => x.role === 'medarbejder').id;
    expect((await as.leder.delete(`/api/v1/people/${admin}/grants/${grantId}`)).statusCode).toBe(200);
  });

  it('medarbejder may rename themselves but not a colleague, nor change their own status', async () => {
    const me = await as.medarbejder.patch('/api/v1/me', { name: 'Mette N.' });
    expect(me.json().name).toBe('Mette N.');
    expect(
      await refused(() => as.medarbejder.patch(`/api/v1/people/${ids.user.leder}`, { name: 'X' })),
    ).toEqual([403, 'policy.forbidden']);
    expect(await refused(() => disable(as.medarbejder, ids.user.medarbejder))).toEqual([
      403,
      'policy.forbidden',
    ]);
  });

  it('leder grants roles in the own institution only', async () => {
    const anders = ids.user['anders.lund'];
    const ok = await as.leder.post(`/api/v1/people/${anders}/grants`, {
      role: 'ressourceperson',
      institutionId: solsikke(),
    });
    expect(
      ok
        .json()
        .grants.map((g: { role: string }) => g.role)
        .sort(),
    ).toEqual(['medarbejder', 'ressourceperson']);
    expect(
      await refused(() =>
        as.leder.post(`/api/v1/people/${anders}/grants`, { role: 'medarbejder', institutionId: maelk() }),
      ),
    ).toEqual([404, 'institution.not_found']);
    expect(
      await refused(() => as.leder.post(`/api/v1/people/${anders}/grants`, { role: 'redaktoer' })),
    ).toEqual([403, 'policy.forbidden']);
  });

  it('team members must hold a role in the team’s institution and be visible', async () => {
    const team = ids.team.Matematikteamet;
    expect(
      await refused(() => as.leder.put(`/api/v1/teams/${team}/members/${ids.user.medarbejder2}`)),
    ).toEqual([404, 'person.not_found']);
    expect(
      await refused(() => as.administrator.put(`/api/v1/teams/${team}/members/${ids.user.medarbejder2}`)),
    ).toEqual([409, 'team.member_not_in_institution']);
    expect(
      await refused(() => as.medarbejder.put(`/api/v1/teams/${team}/members/${ids.user['camilla.juhl']}`)),
    ).toEqual([403, 'policy.forbidden']);
    expect((await as.leder.put(`/api/v1/teams/${team}/members/${ids.user['camilla.juhl']}`)).statusCode).toBe(
      200,
    );
    const members = (await as.medarbejder.get(`/api/v1/teams/${team}/members`)).json().items;
    expect(members.map((m: { name: string }) => m.name)).toContain('Camilla Juhl');
    expect(
      (await as.leder.delete(`/api/v1/teams/${team}/members/${ids.user['camilla.juhl']}`)).statusCode,
    ).toBe(200);
  });
});

describe('the last administrator', () => {
  const adminGrant = async () =>
    (await as.administrator.get('/api/v1/me'))
      .json()
      .grants.find((g: { role: string }) => g.role === 'administrator');

  it('cannot be disabled or demoted (409), and nothing changes', async () => {
    const admin = ids.user.administrator;
    expect(
      await refused(() => as.administrator.patch(`/api/v1/people/${admin}`, { status: 'disabled' })),
    ).toEqual([409, 'person.last_administrator']);
    const g = await adminGrant();
    expect(await refused(() => as.administrator.delete(`/api/v1/people/${admin}/grants/${g.id}`))).toEqual([
      409,
      'person.last_administrator',
    ]);
  });

  it('an administrator who has not accepted the invitation does not count', async () => {
    await t.ctx.db.execute(
      sql`insert into role_grants (user_id, role) values (${ids.user['anders.lund']}, 'administrator')`,
    );
    const admin = ids.user.administrator;
    expect(
      await refused(() => as.administrator.patch(`/api/v1/people/${admin}`, { status: 'disabled' })),
    ).toEqual([409, 'person.last_administrator']);
  });

  it('can be demoted once a second administrator exists', async () => {
    await t.ctx.db.execute(
      sql`insert into role_grants (user_id, role) values (${ids.user.redaktoer}, 'administrator')`,
    );
    const g = await adminGrant();
    const res = await as.administrator.delete(`/api/v1/people/${ids.user.administrator}/grants/${g.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().grants).toEqual([]);
  });
});

describe('the first administrator (npm run admin:create)', () => {
  it('gets an account, the administrator role and an invitation link that works; an address in use is refused', async () => {
    const link = await createAdministrator(
      t.ctx.db,
      { email: ' Anna@Kommune.dk ', name: ' Anna Jensen ' },
      'https://amongi.example',
    );
    expect(link).toMatch(/^https:\/\/amongi\.example\/invitation\/[\w-]{20,}$/);
    const token = (link as string).split('/').pop();
    const c = t.client();
    expect((await c.get(`/api/v1/auth/invitations/${token}`)).json()).toMatchObject({ name: 'Anna Jensen' });
    expect(
      (await c.post(`/api/v1/auth/invitations/${token}`, { password: 'en lang adgangskode' })).statusCode,
    ).toBe(200);
    const anna = t.client();
    await anna.login('anna@kommune.dk', 'en lang adgangskode');
    const me = await anna.get('/api/v1/me');
    expect(me.json().grants).toEqual([
      expect.objectContaining({ role: 'administrator', institutionId: null }),
    ]);
    // The same address again (any case): nothing is created, no second link.
    const before = await orgSnapshot(t.ctx.db);
    expect(
      await createAdministrator(t.ctx.db, { email: 'ANNA@kommune.dk', name: 'Anden' }, 'https://x'),
    ).toBeNull();
    expect(await orgSnapshot(t.ctx.db)).toEqual(before);
  });
});
