import { count } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEmails, users } from '../../db/schema.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';

/** Dry runs, file problems and access. Commits are in import-commit.int.test.ts. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const HEADER = 'navn;e-mail;institution;team;rolle\n';
function upload(
  c: TestClient,
  body: string | Buffer,
  opts: { dryRun?: string; type?: string; csrf?: boolean } = {},
) {
  const query = opts.dryRun === undefined ? '' : `?dryRun=${opts.dryRun}`;
  return c.post(`/api/v1/imports/staff${query}`, Buffer.isBuffer(body) ? body : Buffer.from(body), {
    headers: { 'content-type': opts.type ?? 'text/csv' },
    csrf: opts.csrf,
  });
}
const counts = async () => {
  const [u] = await t.ctx.db.select({ n: count() }).from(users);
  const [o] = await t.ctx.db.select({ n: count() }).from(outboxEmails);
  return { users: u.n, outbox: o.n };
};

describe('dry run', () => {
  it('reports every row with its action and Danish errors, and saves nothing', async () => {
    const c = await t.as('leder');
    const before = await counts();
    const res = await upload(
      c,
      `${HEADER}Anna Berg;anna.berg@skole.dk;Solsikkeskolen;Matematikteamet|3. årgang;Medarbejder\n` +
        ';bo@skole.dk;solsikkeskolen;;leder\n' +
        'Carl;ikke-en-mail;Solsikkeskolen;Fodboldholdet;rektor\n' +
        'Dorte;ANNA.BERG@skole.dk;Solsikkeskolen;;medarbejder\n',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      dryRun: true,
      rows: [
        {
          line: 2,
          name: 'Anna Berg',
          email: 'anna.berg@skole.dk',
          institution: 'Solsikkeskolen',
          team: 'Matematikteamet|3. årgang',
          role: 'medarbejder',
          action: 'create',
          errors: [],
        },
        {
          line: 3,
          name: '',
          email: 'bo@skole.dk',
          institution: 'Solsikkeskolen',
          team: '',
          role: 'leder',
          action: 'create',
          errors: [{ column: 'navn', code: 'import.name_required', message: 'Navn mangler.' }],
        },
        expect.objectContaining({
          line: 4,
          errors: [
            {
              column: 'e-mail',
              code: 'import.email_invalid',
              message: '»ikke-en-mail« er ikke en gyldig e-mailadresse.',
            },
            {
              column: 'team',
              code: 'import.team_unknown',
              message: 'Teamet »Fodboldholdet« findes ikke på Solsikkeskolen.',
            },
            {
              column: 'rolle',
              code: 'import.role_invalid',
              message: 'Ukendt rolle »rektor«. Brug Leder, Ressourceperson eller Medarbejder.',
            },
          ],
        }),
        expect.objectContaining({
          line: 5,
          errors: [
            {
              column: 'e-mail',
              code: 'import.email_duplicate',
              message: 'E-mailadressen står allerede i linje 2.',
            },
          ],
        }),
      ],
      summary: { total: 4, valid: 1, invalid: 3, create: 1, update: 0, unchanged: 0 },
    });
    expect(await counts()).toEqual(before);
  });

  it('is the default; dryRun must be true or false', async () => {
    const c = await t.as('leder');
    const file = `${HEADER}A;a@skole.dk;Solsikkeskolen;;leder\n`;
    expect((await upload(c, file)).json().dryRun).toBe(true);
    expect((await upload(c, file, { dryRun: 'true' })).json().dryRun).toBe(true);
    const bad = await upload(c, file, { dryRun: 'ja' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('request.invalid');
  });

  it('reads UTF-8 with BOM, commas and quoted fields holding the separator', async () => {
    const c = await t.as('administrator');
    const file = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        'Name,Email,Institution,Team,Role\r\n"Berg, Anna",anna@skole.dk,"Børnehuset Mælkebøtten","Vuggestuen|Børnehaven",Ressourceperson\r\n',
      ),
    ]);
    const res = await upload(c, file, { type: 'text/csv; charset=utf-8' });
    expect(res.statusCode).toBe(200);
    expect(res.json().rows[0]).toMatchObject({
      line: 2,
      name: 'Berg, Anna',
      institution: 'Børnehuset Mælkebøtten',
      team: 'Vuggestuen|Børnehaven',
      role: 'ressourceperson',
      errors: [],
    });
  });

  it('reads Windows-1252 (Danish Excel) with æøå', async () => {
    const c = await t.as('leder2');
    const bytes = iconv.encode(
      `${HEADER}Søren Ærø;soeren@boernehus.dk;Børnehuset Mælkebøtten;Vuggestuen;medarbejder\r\n`,
      'windows-1252',
    );
    const res = await upload(c, bytes, { type: 'application/octet-stream' });
    expect(res.statusCode).toBe(200);
    expect(res.json().rows[0]).toMatchObject({
      name: 'Søren Ærø',
      institution: 'Børnehuset Mælkebøtten',
      team: 'Vuggestuen',
      errors: [],
    });
  });

  it('gives a leder the same "ukendt institution" for another institution as for one that does not exist', async () => {
    const c = await t.as('leder');
    const res = await upload(
      c,
      `${HEADER}A;a@skole.dk;Børnehuset Mælkebøtten;;medarbejder\nB;b@skole.dk;Bakkeskolen;;medarbejder\n` +
        'C;c@skole.dk;Findes Ikke;;medarbejder\n',
      { type: 'text/plain' },
    );
    const errors = res.json().rows.map((r: { errors: { code: string; message: string }[] }) => r.errors);
    expect(errors).toEqual([
      [
        {
          column: 'institution',
          code: 'import.institution_unknown',
          message: 'Ukendt institution »Børnehuset Mælkebøtten«.',
        },
      ],
      [
        {
          column: 'institution',
          code: 'import.institution_unknown',
          message: 'Ukendt institution »Bakkeskolen«.',
        },
      ],
      [
        {
          column: 'institution',
          code: 'import.institution_unknown',
          message: 'Ukendt institution »Findes Ikke«.',
        },
      ],
    ]);
  });

  it('plans existing people: unchanged, update, and someone the leder cannot see as create', async () => {
    const c = await t.as('leder');
    const res = await upload(
      c,
      `${HEADER}Mette;medarbejder@demo.amongi.dk;Solsikkeskolen;Matematikteamet|3. årgang;medarbejder\n` +
        'Rasmus;RESSOURCEPERSON@demo.amongi.dk;Solsikkeskolen;Udskolingen;ressourceperson\n' +
        'Hvem;karin.thomsen@demo.amongi.dk;Solsikkeskolen;;medarbejder\n',
    );
    expect(res.json().rows.map((r: { action: string; name: string }) => [r.action, r.name])).toEqual([
      ['unchanged', 'Mette'],
      ['update', 'Rasmus'],
      ['create', 'Hvem'], // Karin Thomsen's real name is not revealed
    ]);
  });
});

describe('file problems', () => {
  it('names missing columns and refuses unknown ones', async () => {
    const c = await t.as('leder');
    const missing = await upload(c, 'navn;mail\nA;a@skole.dk\n');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toEqual({
      code: 'import.missing_columns',
      message:
        'Filen mangler kolonner. Første linje skal have kolonnerne navn, e-mail, institution og rolle (team kan udelades).',
      details: [
        { path: 'linje 1', message: 'Kolonnen »institution« mangler.' },
        { path: 'linje 1', message: 'Kolonnen »rolle« mangler.' },
      ],
    });
    const unknown = await upload(
      c,
      'navn;e-mail;institution;rolle;telefon\nA;a@skole.dk;Solsikkeskolen;leder;1\n',
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('import.unknown_columns');
  });

  it('refuses an empty file and a file with only the header', async () => {
    const c = await t.as('leder');
    for (const body of ['', HEADER]) {
      const res = await upload(c, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('import.empty_file');
    }
  });

  it('refuses a body over 2 MB and a JSON body', async () => {
    const c = await t.as('leder');
    const big = await upload(c, Buffer.alloc(2 * 1024 * 1024 + 1, 'a'));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('request.too_large');
    const json = await c.post('/api/v1/imports/staff', { rows: [] });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('request.unsupported_type');
  });
});

describe('access', () => {
  it('forbids a medarbejder and a forvaltning account, even with an empty file', async () => {
    for (const who of ['medarbejder', 'forvaltning']) {
      const c = await t.as(who);
      const res = await upload(c, '');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('policy.forbidden');
    }
  });

  it('needs a session and the CSRF token', async () => {
    const anon = await upload(t.client(), `${HEADER}A;a@skole.dk;Solsikkeskolen;;leder\n`);
    expect(anon.statusCode).toBe(401);
    const c = await t.as('leder');
    const res = await upload(c, `${HEADER}A;a@skole.dk;Solsikkeskolen;;leder\n`, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf_invalid');
  });

  it('answers in the signed-in person’s language', async () => {
    const c = await t.as('leder2');
    const me = (await c.get('/api/v1/me')).json();
    expect((await c.patch(`/api/v1/people/${me.id}`, { locale: 'en' })).statusCode).toBe(200);
    const res = await upload(c, `${HEADER}A;a@x.dk;Bakkeskolen;;chef\n`);
    expect(
      res.json().rows[0].errors.map((e: { column: string; message: string }) => [e.column, e.message]),
    ).toEqual([
      ['institution', 'Unknown institution “Bakkeskolen”.'],
      ['role', 'Unknown role “chef”. Use Leder, Ressourceperson or Medarbejder.'],
    ]);
    const commit = await upload(c, `${HEADER}A;a@x.dk;Bakkeskolen;;chef\n`, { dryRun: 'false' });
    expect(commit.json().error).toMatchObject({
      message: 'The import has errors. Nothing was saved.',
      details: [
        { path: 'line 2: institution', message: 'Unknown institution “Bakkeskolen”.' },
        { path: 'line 2: role', message: 'Unknown role “chef”. Use Leder, Ressourceperson or Medarbejder.' },
      ],
    });
    const missing = await upload(c, 'name;email\n');
    expect(missing.json().error.details[0]).toEqual({
      path: 'line 1',
      message: 'The column “institution” is missing.',
    });
  });
});
