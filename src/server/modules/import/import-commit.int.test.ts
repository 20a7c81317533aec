import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  authTokens,
  institutions,
  outboxEmails,
  roleGrants,
  teamMemberships,
  teams,
  users,
} from '../../db/schema.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { createAuthService } from '../auth/index.js';
import { createOrgService } from '../org/index.js';
import { createImportService } from './service.js';

/** Commits: all or nothing, invitations through the outbox, idempotent re-imports. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const HEADER = 'navn;e-mail;institution;team;rolle\n';
const commit = (c: TestClient, body: string) =>
  c.post('/api/v1/imports/staff?dryRun=false', Buffer.from(body), {
    headers: { 'content-type': 'text/csv' },
  });

async function counts() {
  const n = async (table: typeof users | typeof outboxEmails | typeof roleGrants | typeof teamMemberships) =>
    (await t.ctx.db.select({ n: count() }).from(table))[0].n;
  return {
    users: await n(users),
    outbox: await n(outboxEmails),
    grants: await n(roleGrants),
    memberships: await n(teamMemberships),
  };
}

async function person(email: string) {
  const [u] = await t.ctx.db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (!u) return undefined;
  const grants = await t.ctx.db
    .select({ role: roleGrants.role, institution: institutions.name })
    .from(roleGrants)
    .innerJoin(institutions, eq(institutions.id, roleGrants.institutionId))
    .where(eq(roleGrants.userId, u.id));
  const teamNames = await t.ctx.db
    .select({ name: teams.name })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .where(eq(teamMemberships.userId, u.id));
  const mails = await t.ctx.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, u.email));
  return { ...u, grants, teams: teamNames.map((x) => x.name).sort(), mails };
}

const FILE =
  `${HEADER}Anna Berg;anna.berg@skole.dk;Solsikkeskolen;Matematikteamet|Udskolingen;Medarbejder\n` +
  '  Bo   <b>Bold</b> <script>alert(1)</script> ;bo@skole.dk;solsikkeskolen;;Ressourceperson\n' +
  'Mette;medarbejder@demo.amongi.dk;Solsikkeskolen;Dansk på mellemtrinnet;medarbejder\n' +
  'Falsk Navn;karin.thomsen@demo.amongi.dk;Solsikkeskolen;;medarbejder\n';

describe('commit', () => {
  it('saves nothing when one row is invalid, and answers 422 with the rows in the details', async () => {
    const c = await t.as('leder');
    const before = await counts();
    const res = await commit(c, `${FILE}Carl;carl@;Solsikkeskolen;;leder\nDora;dora@skole.dk;;;chef\n`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      error: {
        code: 'import.has_errors',
        message: 'Importen indeholder fejl. Intet er gemt.',
        details: [
          { path: 'linje 6: e-mail', message: '»carl@« er ikke en gyldig e-mailadresse.' },
          { path: 'linje 7: institution', message: 'Institution mangler.' },
          {
            path: 'linje 7: rolle',
            message: 'Ukendt rolle »chef«. Brug Leder, Ressourceperson eller Medarbejder.',
          },
        ],
      },
    });
    expect(await counts()).toEqual(before);
    expect(await person('anna.berg@skole.dk')).toBeUndefined();
  });

  it('creates people, grants, team memberships, invitation e-mails and audit entries in one go', async () => {
    const c = await t.as('leder');
    const before = await counts();
    const res = await commit(c, FILE);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      dryRun: false,
      summary: { total: 4, valid: 4, invalid: 0, create: 3, update: 1, unchanged: 0 },
    });
    expect(res.json().rows.map((r: { action: string }) => r.action)).toEqual([
      'create',
      'create',
      'update',
      'create',
    ]);

    const anna = await person('anna.berg@skole.dk');
    expect(anna).toMatchObject({
      name: 'Anna Berg',
      status: 'invited',
      passwordHash: null,
      grants: [{ role: 'medarbejder', institution: 'Solsikkeskolen' }],
      teams: ['Matematikteamet', 'Udskolingen'],
    });
    expect(anna?.mails).toHaveLength(1);
    expect(anna?.mails[0].text).toContain('Solsikkeskolen');
    expect(anna?.mails[0].text).toContain('http://amongi.test/invitation/');
    const [token] = await t.ctx.db
      .select()
      .from(authTokens)
      .where(eq(authTokens.userId, anna?.id as string));
    expect(token.purpose).toBe('invitation');

    const bo = await person('bo@skole.dk');
    expect(bo?.name).toBe('Bo <b>Bold</b> <script>alert(1)</script>'); // plain text, whitespace collapsed
    expect(bo?.grants).toEqual([{ role: 'ressourceperson', institution: 'Solsikkeskolen' }]);

    const mette = await person('medarbejder@demo.amongi.dk');
    expect(mette?.name).toBe('Mette Nørgaard');
    expect(mette?.teams).toEqual(['3. årgang', 'Dansk på mellemtrinnet', 'Matematikteamet']);
    expect(mette?.mails).toHaveLength(0);

    // Someone from another institution: gets the grant, keeps their name, gets no new invitation.
    const karin = await person('karin.thomsen@demo.amongi.dk');
    expect(karin?.name).toBe('Karin Thomsen');
    expect(karin?.grants.map((g) => g.institution).sort()).toEqual(['Bakkeskolen', 'Solsikkeskolen']);
    expect(karin?.mails).toHaveLength(0);
    expect((await c.get(`/api/v1/people/${karin?.id}`)).statusCode).toBe(200);

    expect(await counts()).toEqual({
      users: before.users + 2,
      outbox: before.outbox + 2,
      grants: before.grants + 3,
      memberships: before.memberships + 3,
    });
    const entries = await t.ctx.db
      .select({ action: auditLog.action, subjectId: auditLog.subjectId })
      .from(auditLog)
      .where(inArray(auditLog.action, ['person.import', 'person.import_update', 'import.staff']));
    expect(entries.map((e) => e.action).sort()).toEqual([
      'import.staff',
      'person.import',
      'person.import',
      'person.import_update',
      'person.import_update',
    ]);
  });

  it('is idempotent: the same file again changes nothing and sends no invitations', async () => {
    const c = await t.as('leder');
    const before = await counts();
    const res = await commit(c, FILE);
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toEqual({
      total: 4,
      valid: 4,
      invalid: 0,
      create: 0,
      update: 0,
      unchanged: 4,
    });
    expect(await counts()).toEqual(before);
  });

  it('rolls everything back when something fails half-way', async () => {
    const auth = createAuthService(t.ctx);
    let calls = 0;
    const failing = {
      ...auth,
      sendInvitation: async (...args: Parameters<typeof auth.sendInvitation>) => {
        if (++calls === 2) throw new Error('smtp outbox broke');
        return auth.sendInvitation(...args);
      },
    };
    const service = createImportService(t.ctx, createOrgService(t.ctx), failing);
    const [leder] = await t.ctx.db.select().from(users).where(eq(users.email, 'leder@demo.amongi.dk'));
    const grants = await t.ctx.db
      .select({
        role: roleGrants.role,
        institutionId: roleGrants.institutionId,
        kommuneId: institutions.kommuneId,
      })
      .from(roleGrants)
      .innerJoin(institutions, eq(institutions.id, roleGrants.institutionId))
      .where(and(eq(roleGrants.userId, leder.id)));
    const before = await counts();
    const file = `${HEADER}E;e@skole.dk;Solsikkeskolen;Udskolingen;medarbejder\nF;f@skole.dk;Solsikkeskolen;;leder\n`;
    await expect(
      service.importStaff({ id: leder.id, grants }, Buffer.from(file), { dryRun: false, locale: 'da' }),
    ).rejects.toThrow('smtp outbox broke');
    expect(calls).toBe(2);
    expect(await counts()).toEqual(before);
    expect(await person('e@skole.dk')).toBeUndefined();
  });
});

describe('scale', () => {
  it('plans and commits 5,000 rows as administrator', async () => {
    const c = await t.as('administrator');
    const lines = Array.from(
      { length: 5000 },
      (_, i) => `Person ${i};p${i}@massevis.dk;${i % 2 ? 'Bakkeskolen' : 'Klub Lynet'};;medarbejder`,
    );
    const file = `${HEADER}${lines.join('\n')}\n`;
    const before = await counts();
    let started = Date.now();
    const dry = await c.post('/api/v1/imports/staff', Buffer.from(file), {
      headers: { 'content-type': 'text/csv' },
    });
    const dryMs = Date.now() - started;
    expect(dry.json().summary).toMatchObject({ total: 5000, valid: 5000, create: 5000 });
    started = Date.now();
    const res = await commit(c, file);
    const commitMs = Date.now() - started;
    expect(res.statusCode).toBe(200);
    expect(await counts()).toMatchObject({ users: before.users + 5000, outbox: before.outbox + 5000 });
    console.info(`5,000 rows on ${t.database.kind}: dry run ${dryMs} ms, commit ${commitMs} ms`);
  }, 120_000);
});
