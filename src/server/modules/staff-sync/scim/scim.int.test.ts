import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, institutions, teamMemberships, teams, users } from '../../../db/schema.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';

/** SCIM 2.0 (issue 20 part 2): tokens, filters, users, groups, scope. */

let t: TestApp;
let admin: TestClient;
let bakkeskolen: string;
let sourceId: string;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('administrator');
  const inst = await t.ctx.db.select().from(institutions);
  bakkeskolen = inst.find((i) => i.name === 'Bakkeskolen')?.id as string;
  const res = await admin.post('/api/v1/staff-sync/sources', {
    kind: 'scim',
    name: 'Bakkedal IdP',
    institutionIds: [bakkeskolen],
    defaultInstitutionId: bakkeskolen,
  });
  expect(res.statusCode, res.body).toBe(201);
  ({ token } = res.json());
  sourceId = res.json().source.id;
}, 120_000);
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const scim = (method: Method, url: string, body?: unknown, auth = token) =>
  t.app.inject({
    method,
    url: `/scim/v2${url}`,
    headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/scim+json' },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
const userBody = (email: string, extra: Record<string, unknown> = {}) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName: email,
  name: { givenName: 'Sara', familyName: 'Scim' },
  externalId: `ext-${email}`,
  active: true,
  ...extra,
});
const dbUser = async (id: string) => (await t.ctx.db.select().from(users).where(eq(users.id, id)))[0];

describe('the token', () => {
  it('is shown once, stored as a SHA-256 digest, and nothing is listed without it', async () => {
    expect(token).toMatch(/^amongi_scim_/);
    const list = (await admin.get('/api/v1/staff-sync/sources')).json();
    expect(JSON.stringify(list)).not.toContain(token);
    expect(list.scimBaseUrl).toBe('http://amongi.test/scim/v2');
    const none = await t.app.inject({ method: 'GET', url: '/scim/v2/Users' });
    expect(none.statusCode).toBe(401);
    const wrong = await scim('GET', '/Users', undefined, 'amongi_scim_wrong');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/scim+json');
    expect(wrong.json()).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '401',
    });
    // A session cookie is no SCIM credential.
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    expect(
      (await t.app.inject({ method: 'GET', url: '/scim/v2/Users', headers: { cookie } })).statusCode,
    ).toBe(401);
  });

  it('answers the discovery documents', async () => {
    const config = await scim('GET', '/ServiceProviderConfig');
    expect(config.statusCode).toBe(200);
    expect(config.json()).toMatchObject({ patch: { supported: true }, filter: { supported: true } });
    expect((await scim('GET', '/ResourceTypes')).json().totalResults).toBe(2);
    expect((await scim('GET', '/Schemas')).json().Resources[0].id).toBe(
      'urn:ietf:params:scim:schemas:core:2.0:User',
    );
  });
});

describe('Users', () => {
  let id: string;
  it('creates a person in the default institution, audited with the source as actor', async () => {
    const res = await scim('POST', '/Users', userBody('sara@bakke.dk'));
    expect(res.statusCode, res.body).toBe(201);
    const u = res.json();
    id = u.id;
    expect(u).toMatchObject({
      userName: 'sara@bakke.dk',
      displayName: 'Sara Scim',
      active: true,
      externalId: 'ext-sara@bakke.dk',
    });
    expect(res.headers.location).toBe(`http://amongi.test/scim/v2/Users/${id}`);
    const entries = await t.ctx.db.select().from(auditLog).where(eq(auditLog.subjectId, id));
    expect(entries[0]).toMatchObject({ action: 'staff_sync.create', actorId: null });
    expect((await scim('POST', '/Users', userBody('sara@bakke.dk'))).json()).toMatchObject({
      status: '409',
      scimType: 'uniqueness',
    });
  });

  it('lists with eq filters and paging; a malformed filter is 400 invalidFilter', async () => {
    for (let i = 0; i < 4; i++)
      expect((await scim('POST', '/Users', userBody(`u${i}@bakke.dk`))).statusCode).toBe(201);
    const byName = (await scim('GET', '/Users?filter=userName%20eq%20%22SARA@bakke.dk%22')).json();
    expect(byName.totalResults).toBe(1);
    expect(byName.Resources[0].id).toBe(id);
    const byExt = (
      await scim('GET', `/Users?filter=${encodeURIComponent('externalId eq "ext-u2@bakke.dk"')}`)
    ).json();
    expect(byExt.Resources[0].userName).toBe('u2@bakke.dk');
    const byMail = (
      await scim('GET', `/Users?filter=${encodeURIComponent('emails.value eq "u3@bakke.dk"')}`)
    ).json();
    expect(byMail.totalResults).toBe(1);
    const page = (await scim('GET', '/Users?startIndex=2&count=2')).json();
    expect(page).toMatchObject({ totalResults: 5, startIndex: 2, itemsPerPage: 2 });
    for (const f of [
      'userName sw "s"',
      'userName eq',
      'name.familyName eq "x"',
      '(userName eq "a")',
      'userName eq "a" or 1 eq 1',
    ]) {
      const bad = await scim('GET', `/Users?filter=${encodeURIComponent(f)}`);
      expect(bad.statusCode, f).toBe(400);
      expect(bad.json()).toMatchObject({ status: '400', scimType: 'invalidFilter' });
    }
  });

  it('patches the name, deactivates with active: false and reactivates', async () => {
    const renamed = await scim('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'name.formatted', value: 'Sara Nyt-Navn' }],
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await dbUser(id)).name).toBe('Sara Nyt-Navn');
    const off = await scim('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(off.json().active).toBe(false);
    const u = await dbUser(id);
    expect(u.status).toBe('disabled');
    expect(u.disabledAt).toBeInstanceOf(Date);
    const on = await scim(
      'PUT',
      `/Users/${id}`,
      userBody('sara@bakke.dk', { name: { formatted: 'Sara Nyt-Navn' } }),
    );
    expect(on.json().active).toBe(true);
    expect((await dbUser(id)).status).toBe('invited');
    const bad = await scim('PATCH', `/Users/${id}`, {
      Operations: [{ op: 'replace', path: 'password', value: 'x' }],
    });
    expect(bad.json()).toMatchObject({ status: '400', scimType: 'invalidPath' });
  });

  it('DELETE deactivates and never deletes', async () => {
    const res = await scim('DELETE', `/Users/${id}`);
    expect(res.statusCode).toBe(204);
    expect((await dbUser(id)).status).toBe('disabled');
    expect((await scim('GET', `/Users/${id}`)).json().active).toBe(false);
  });

  it('cannot see or touch people outside its scope', async () => {
    const mette = (
      await t.ctx.db.select().from(users).where(sql`${users.email} = 'medarbejder@demo.amongi.dk'`)
    )[0];
    expect((await scim('GET', `/Users/${mette.id}`)).statusCode).toBe(404);
    expect(
      (
        await scim('PATCH', `/Users/${mette.id}`, {
          Operations: [{ op: 'replace', value: { active: false } }],
        })
      ).statusCode,
    ).toBe(404);
    expect((await scim('DELETE', `/Users/${mette.id}`)).statusCode).toBe(404);
    const claim = await scim('POST', '/Users', userBody('medarbejder@demo.amongi.dk'));
    expect(claim.json()).toMatchObject({ status: '409', scimType: 'uniqueness' });
    expect((await dbUser(mette.id)).status).toBe('active');
    const list = (
      await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "medarbejder@demo.amongi.dk"')}`)
    ).json();
    expect(list.totalResults).toBe(0);
  });
});

describe('Groups', () => {
  it('creates a team in the default institution, adds and removes members', async () => {
    const members = (await scim('GET', '/Users?count=2')).json().Resources as { id: string }[];
    const res = await scim('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'SCIM-teamet',
      members: [{ value: members[0].id }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const g = res.json();
    const [team] = await t.ctx.db.select().from(teams).where(eq(teams.id, g.id));
    expect(team.institutionId).toBe(bakkeskolen);
    const add = await scim('PATCH', `/Groups/${g.id}`, {
      Operations: [{ op: 'add', path: 'members', value: [{ value: members[1].id }] }],
    });
    expect(
      add
        .json()
        .members.map((m: { value: string }) => m.value)
        .sort(),
    ).toEqual([members[0].id, members[1].id].sort());
    const remove = await scim('PATCH', `/Groups/${g.id}`, {
      Operations: [{ op: 'remove', path: `members[value eq "${members[0].id}"]` }],
    });
    expect(remove.json().members.map((m: { value: string }) => m.value)).toEqual([members[1].id]);
    const rows = await t.ctx.db.select().from(teamMemberships).where(eq(teamMemberships.teamId, g.id));
    expect(rows.map((r) => r.userId)).toEqual([members[1].id]);
    const byName = (
      await scim('GET', `/Groups?filter=${encodeURIComponent('displayName eq "scim-teamet"')}`)
    ).json();
    expect(byName.totalResults).toBe(1);
  });

  it("lists only its institutions' teams and refuses members it does not manage", async () => {
    const all = (await scim('GET', '/Groups')).json();
    const names = all.Resources.map((g: { displayName: string }) => g.displayName);
    expect(names).toContain('Naturfagsteamet');
    expect(names).not.toContain('Matematikteamet');
    const [mat] = await t.ctx.db.select().from(teams).where(eq(teams.name, 'Matematikteamet'));
    expect((await scim('GET', `/Groups/${mat.id}`)).statusCode).toBe(404);
    const mette = (
      await t.ctx.db.select().from(users).where(sql`${users.email} = 'medarbejder@demo.amongi.dk'`)
    )[0];
    const natur = all.Resources.find((g: { displayName: string }) => g.displayName === 'Naturfagsteamet');
    const res = await scim('PATCH', `/Groups/${natur.id}`, {
      Operations: [{ op: 'add', path: 'members', value: [{ value: mette.id }] }],
    });
    expect(res.json()).toMatchObject({ status: '400', scimType: 'invalidValue' });
  });
});

describe('revoking the token', () => {
  it('answers 401 at once; a new token works and the old one does not', async () => {
    expect((await admin.delete(`/api/v1/staff-sync/sources/${sourceId}/token`)).statusCode).toBe(204);
    expect((await scim('GET', '/Users')).statusCode).toBe(401);
    const fresh = (await admin.post(`/api/v1/staff-sync/sources/${sourceId}/token`)).json().token as string;
    expect((await scim('GET', '/Users', undefined, fresh)).statusCode).toBe(200);
    const again = (await admin.post(`/api/v1/staff-sync/sources/${sourceId}/token`)).json().token as string;
    expect((await scim('GET', '/Users', undefined, fresh)).statusCode).toBe(401);
    token = again;
    expect((await scim('GET', '/Users')).statusCode).toBe(200);
    const leder = await t.as('leder');
    expect((await leder.post(`/api/v1/staff-sync/sources/${sourceId}/token`)).statusCode).toBe(403);
  });
});
