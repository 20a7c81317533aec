import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/harness.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.database.db);
});
afterAll(() => t.close());

/** Sessions are cached in memory; every change made in this process must show on the very next request. */
describe('session cache invalidation', () => {
  it('a role taken away stops working on the next request', async () => {
    const admin = await t.as('administrator');
    const rp = await t.as('ressourceperson');
    const solsikke = ids.institution.Solsikkeskolen;
    expect((await rp.get(`/api/v1/institutions/${solsikke}`)).statusCode).toBe(200); // cached now
    const person = (await admin.get(`/api/v1/people/${ids.user.ressourceperson}`)).json();
    const grant = person.grants.find((g: { role: string }) => g.role === 'ressourceperson');
    expect(
      (await admin.delete(`/api/v1/people/${ids.user.ressourceperson}/grants/${grant.id}`)).statusCode,
    ).toBe(200);
    const after = await rp.get(`/api/v1/institutions/${solsikke}`);
    expect(after.statusCode).toBe(404);
    expect((await rp.get('/api/v1/me')).json().grants).toEqual([]);
  });

  it('a role given shows at once, and a new name is used right away', async () => {
    const m2 = await t.as('medarbejder2');
    const solsikke = ids.institution.Solsikkeskolen;
    expect((await m2.get(`/api/v1/institutions/${solsikke}`)).statusCode).toBe(404);
    const admin = await t.as('administrator');
    await admin.post(`/api/v1/people/${ids.user.medarbejder2}/grants`, {
      role: 'medarbejder',
      institutionId: solsikke,
    });
    expect((await m2.get(`/api/v1/institutions/${solsikke}`)).statusCode).toBe(200);
    await m2.patch('/api/v1/me', { name: 'Mads Ø. Østergaard' });
    expect((await m2.get('/api/v1/me')).json().name).toBe('Mads Ø. Østergaard');
  });

  it('a disabled person is signed out on the next request', async () => {
    const admin = await t.as('administrator');
    const redaktoer = await t.as('redaktoer');
    expect((await redaktoer.get('/api/v1/me')).statusCode).toBe(200);
    await admin.patch(`/api/v1/people/${ids.user.redaktoer}`, { status: 'disabled' });
    const me = await redaktoer.get('/api/v1/me');
    expect(me.statusCode).toBe(401);
  });

  it('"sign out other devices" ends the other sessions at once, and keeps this one', async () => {
    const a = await t.as('forvaltning');
    const b = await t.as('forvaltning');
    expect((await b.get('/api/v1/me')).statusCode).toBe(200);
    await a.delete('/api/v1/me/sessions');
    expect((await b.get('/api/v1/me')).statusCode).toBe(401);
    expect((await a.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('team membership and renamed teams show in /me at once', async () => {
    const leder = await t.as('leder');
    const m = await t.as('medarbejder');
    const udskoling = ids.team.Udskolingen;
    const teamNames = async () =>
      (await m.get('/api/v1/me')).json().teams.map((x: { name: string }) => x.name);
    expect(await teamNames()).not.toContain('Udskolingen');
    await leder.put(`/api/v1/teams/${udskoling}/members/${ids.user.medarbejder}`);
    expect(await teamNames()).toContain('Udskolingen');
    await leder.patch(`/api/v1/teams/${udskoling}`, { name: 'Udskolingen 7.–9.' });
    expect(await teamNames()).toContain('Udskolingen 7.–9.');
  });

  it('deleting an institution takes its roles away from signed-in people at once', async () => {
    const admin = await t.as('administrator');
    const inst = await admin.post('/api/v1/institutions', {
      kommuneId: ids.kommune['Fjordby Kommune'],
      name: 'Midlertidig skole',
      type: 'skole',
    });
    const newId = inst.json().id;
    await admin.post(`/api/v1/people/${ids.user.leder2}/grants`, { role: 'leder', institutionId: newId });
    const leder2 = await t.as('leder2');
    expect(
      (await leder2.post(`/api/v1/institutions/${newId}/teams`, { name: 'A', type: 'fagteam' })).statusCode,
    ).toBe(201);
    await admin.delete(`/api/v1/institutions/${newId}`);
    const grants = (await leder2.get('/api/v1/me'))
      .json()
      .grants.map((g: { institutionId: string }) => g.institutionId);
    expect(grants).not.toContain(newId);
  });
});
