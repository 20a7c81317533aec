import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  progressionChildren,
  progressionPlacements,
  progressionSettings,
} from '../../../db/progression-schema.js';
import { demoIds, err, rows } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { addArea, addGroup, addPeriod } from '../summary/figures.testing.js';

/*
 * The progression CSV import (issue 17 part 2): preview (nothing saved), commit (all rows or none, totals once per
 * group, audited), a stale preview (409 with what changed), the file refused as a whole (empty, garbage, too
 * large), and who may import: the group's circle only — another class's teacher, another institution's leader and
 * forvaltning get 404, like a forged id.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
const API = '/api/v1/progression';
const FORGED = '00000000-0000-4000-8000-000000000000';
const Y = 2026;
const f: Record<string, string> = {};
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const b64 = (s: string | Buffer) => (Buffer.isBuffer(s) ? s : Buffer.from(s, 'utf8')).toString('base64');
const bands = [
  { status: 'groen', min: 30, max: null },
  { status: 'gul', min: 20, max: 29 },
  { status: 'roed', min: null, max: 19 },
];

type Preview = {
  rows: {
    line: number;
    code: string;
    outcome: string;
    errors: { column: string; message: string }[];
    after: unknown;
  }[];
  counts: Record<string, number>;
  fingerprint: string;
  columns: Record<string, number | null>;
  bandsSource: string;
  warnings: string[];
  committed: boolean;
};

async function addChildren(groupId: string, codes: string[]) {
  const db = t.ctx.db;
  const made = await db
    .insert(progressionChildren)
    .values(codes.map((code) => ({ institutionId: ids.institution.Solsikkeskolen, code })))
    .returning({ id: progressionChildren.id, code: progressionChildren.code });
  await db
    .insert(progressionPlacements)
    .values(made.map((m) => ({ childId: m.id, groupId, fromOn: `${Y}-08-10` })));
  for (const m of made) f[m.code] = m.id;
}

const statusesOf = (groupId: string) =>
  rows<{ code: string; status: string; score: string | null; note: string; version: number }>(
    t.ctx.db,
    sql`select c.code, s.status, s.score, s.note, s.version from progression_statuses s
        join progression_children c on c.id = s.child_id where s.group_id = ${groupId} and s.area_id = ${f.read}
        order by c.code`,
  );
const totalsOf = (groupId: string) =>
  rows<{ groen: number; gul: number; roed: number }>(
    t.ctx.db,
    sql`select groen, gul, roed from progression_totals
        where group_id = ${groupId} and area_id = ${f.read} and period_id = ${f.p1}`,
  );
const auditOf = (action: string) =>
  rows<{ details: Record<string, unknown> }>(
    t.ctx.db,
    sql`select details from audit_log where action = ${action} order by created_at desc`,
  );

function body(file: string | Buffer, more: Record<string, unknown> = {}) {
  return { file: b64(file), areaId: f.read, periodId: f.p1, bands, ...more };
}
async function preview(who: string, file: string | Buffer, more: Record<string, unknown> = {}, group = f.a) {
  const res = await c[who].post(`${API}/groups/${group}/import/preview`, body(file, more));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Preview;
}
const commit = (
  who: string,
  file: string | Buffer,
  p: Preview,
  more: Record<string, unknown> = {},
  group = f.a,
) => c[who].post(`${API}/groups/${group}/import/commit`, body(file, { fingerprint: p.fingerprint, ...more }));

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const who of ['medarbejder', 'laerer4', 'leder', 'leder2', 'forvaltning', 'ressourceperson'])
    c[who] = await t.as(who);
  const db = t.ctx.db;
  const S = ids.institution.Solsikkeskolen;
  f.read = await addArea(db, S, 'Læsning', 0);
  f.p1 = await addPeriod(db, S, 'Efterår 2026', Y);
  f.p2 = await addPeriod(db, S, 'Forår 2027', Y, ['2027-01-10', '2027-06-20']);
  f.a = await addGroup(db, S, '3.A', Y, ids.team['3. årgang']);
  f.b = await addGroup(db, S, '3.B', Y, ids.team.Matematikteamet);
  f.c = await addGroup(db, S, '3.C', Y, null);
  f.otherArea = await addArea(db, ids.institution['Børnehuset Mælkebøtten'], 'Sprog', 0);
  await addChildren(f.a, ['3A-01', '3A-02', '3A-03', '3A-04', '3A-05', '3A-06']);
  await addChildren(f.b, ['3B-01', '3B-02']);
}, 120_000);
afterAll(() => t?.close());

// Danish Excel: BOM, ";", decimal commas, a date as a serial number and one written day-first.
const FILE = [
  'Elevkode;Score;Dato;Bemærkning',
  '3A-01;34;46279;Læser flydende',
  '3A-02;24,5;14.09.2026;',
  '3A-03;12;14-09-2026;"Øver ""lydering"";\nhjemme"',
  '3A-99;30;14-09-2026;',
  '3A-04;=HYPERLINK("http://x");14-09-2026;',
  '3A-05;22;14-09-2026;',
].join('\r\n');

describe('preview', () => {
  it('plans every row, guesses the columns, saves nothing and writes the audit log', async () => {
    const p = await preview('medarbejder', Buffer.concat([BOM, Buffer.from(FILE)]));
    expect(p.columns).toMatchObject({ code: 0, score: 1, date: 2, note: 3, status: null });
    expect(p.rows.map((r) => [r.line, r.code, r.outcome])).toEqual([
      [2, '3A-01', 'new'],
      [3, '3A-02', 'new'],
      [4, '3A-03', 'new'],
      [6, '3A-99', 'error'],
      [7, '3A-04', 'error'],
      [8, '3A-05', 'new'],
    ]);
    expect(p.rows[3].errors[0].message).toBe(
      'Ingen elev har koden »3A-99« i 3.A. Ret koden i filen, eller vælg at oprette ukendte koder.',
    );
    expect(p.rows[4].errors[0].message).toContain('ligner en formel');
    expect(p.counts).toMatchObject({ rows: 6, new: 4, errors: 2, groen: 1, gul: 2, roed: 1 });
    expect(p.committed).toBe(false);
    expect(await statusesOf(f.a)).toEqual([]);
    expect(await auditOf('progression.import.preview')).toEqual([
      { details: { areaId: f.read, periodId: expect.any(String) } },
    ]);
    // Previewed again (the form changed): still one reading of the group's area and period.
    await preview('medarbejder', FILE);
    expect(await auditOf('progression.import.preview')).toHaveLength(1);
  });

  it('reads a Windows-1252 comma file with explicit statuses', async () => {
    const file = iconv.encode('Kode,Status,Note\r\n3A-06,Grøn,"Går frem, læser mere"\r\n', 'windows-1252');
    const p = await preview('medarbejder', file);
    expect(p.rows[0]).toMatchObject({
      outcome: 'new',
      after: { status: 'groen', score: null, note: 'Går frem, læser mere' },
    });
  });

  it('refuses a file that cannot be used as a whole', async () => {
    const post = (file: string | Buffer, more: Record<string, unknown> = {}) =>
      c.medarbejder.post(`${API}/groups/${f.a}/import/preview`, body(file, more));
    expect(err(await post(''))).toEqual([400, 'progression.import_empty']);
    expect(err(await post('Kode;Score\r\n'))).toEqual([400, 'progression.import_empty']);
    expect(err(await post('Navn;Farve\r\nA;B\r\n'))).toEqual([400, 'progression.import_columns']);
    expect(err(await post('Kode;Score\r\nA;1\r\n', { columns: { code: 0, score: 7 } }))).toEqual([
      400,
      'progression.import_columns',
    ]);
    expect(err(await post('Kode;Score\r\n"A;1\r\n'))).toEqual([400, 'progression.import_unreadable']);
    expect(err(await post('Kode;Score\r\nA\u0000;1\r\n'))).toEqual([400, 'request.invalid_text']);
    const overlap = [...bands, { status: 'gul', min: 25, max: 35 }];
    expect(err(await post('Kode;Score\r\nA;1\r\n', { bands: overlap }))).toEqual([
      400,
      'progression.import_bands',
    ]);
    const notBase64 = await c.medarbejder.post(`${API}/groups/${f.a}/import/preview`, {
      ...body(''),
      file: 'this is not base64!',
    });
    expect(notBase64.statusCode).toBe(400);
    // 10 MB of garbage never reaches the reader; 1.5 MB of random bytes is read and refused.
    const huge = await c.medarbejder.post(
      `${API}/groups/${f.a}/import/preview`,
      body(Buffer.alloc(10 * 1024 * 1024, 7)),
    );
    expect(huge.statusCode).toBe(413);
    let seed = 1;
    const garbage = Buffer.from(
      Array.from({ length: 1_500_000 }, () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed & 0xff;
      }),
    );
    const g = await post(garbage);
    expect(g.statusCode).toBe(400);
    expect([
      'request.invalid_text',
      'progression.import_columns',
      'progression.import_unreadable',
      'progression.import_too_many_rows',
    ]).toContain(err(g)[1]);
  });

  it('uses only areas and periods of the group’s institution and school year', async () => {
    const post = (more: Record<string, unknown>) =>
      c.medarbejder.post(`${API}/groups/${f.a}/import/preview`, body('Kode;Score\r\n3A-01;1\r\n', more));
    expect(err(await post({ areaId: f.otherArea }))).toEqual([404, 'progression.area_not_found']);
    expect(err(await post({ periodId: FORGED }))).toEqual([404, 'progression.period_not_found']);
  });
});

describe('who may import', () => {
  it('another class’s teacher, another institution’s leader, forvaltning and a forged id: 404', async () => {
    const file = 'Kode;Score\r\n3A-01;30\r\n';
    for (const who of ['laerer4', 'leder2', 'forvaltning', 'ressourceperson']) {
      const res = await c[who].post(`${API}/groups/${f.a}/import/preview`, body(file));
      expect(err(res), who).toEqual([404, 'progression.group_not_found']);
      const p = { fingerprint: 'x.y' } as Preview;
      expect(err(await commit(who, file, p)), who).toEqual([404, 'progression.group_not_found']);
    }
    const forged = await c.medarbejder.post(`${API}/groups/${FORGED}/import/preview`, body(file));
    expect(err(forged)).toEqual([404, 'progression.group_not_found']);
    expect(await statusesOf(f.a)).toEqual([]);
  });

  it('a class the teacher may not write is an unknown class in the file', async () => {
    const p = await preview('medarbejder', 'Kode;Klasse;Score\r\n3A-01;3.C;30\r\n');
    expect(p.rows[0].errors.map((e) => e.message)).toEqual([
      'Klassen »3.C« findes ikke i dette skoleår, eller du har ikke adgang til den.',
    ]);
  });
});

describe('commit', () => {
  it('refuses a file with row errors unless they are skipped; nothing is half-imported', async () => {
    const p = await preview('medarbejder', FILE);
    expect(err(await commit('medarbejder', FILE, p))).toEqual([422, 'progression.import_has_errors']);
    expect(await statusesOf(f.a)).toEqual([]);
  });

  it('a failure half-way rolls everything back (children created, cells, totals)', async () => {
    const db = t.ctx.db;
    await db.execute(sql`create or replace function progression_import_boom() returns trigger language plpgsql as $$
      begin if new.note = 'boom' then raise exception 'boom'; end if; return new; end $$`);
    await db.execute(sql`create trigger progression_import_boom before insert on progression_statuses
      for each row execute function progression_import_boom()`);
    try {
      const file = 'Kode;Score;Note\r\n3A-01;30;\r\nNY-1;25;\r\n3A-02;10;boom\r\n';
      const p = await preview('medarbejder', file, { createMissing: true });
      expect(p.counts).toMatchObject({ new: 3, createsChildren: 1, errors: 0 });
      const res = await commit('medarbejder', file, p, { createMissing: true });
      expect(res.statusCode).toBe(500);
      expect(await statusesOf(f.a)).toEqual([]);
      expect(await totalsOf(f.a)).toEqual([]);
      const made = await rows(db, sql`select 1 from progression_children where code = 'NY-1'`);
      expect(made).toEqual([]);
    } finally {
      await db.execute(sql`drop trigger progression_import_boom on progression_statuses`);
    }
  });

  it('skips the rows with errors, writes the rest in one go, recomputes the totals and audits', async () => {
    const p = await preview('medarbejder', FILE);
    // A teacher may use the limits but not save them for the whole institution: refused, nothing written.
    const teacher = await commit('medarbejder', FILE, p, { skipErrors: true, saveBands: true });
    expect([teacher.statusCode, teacher.json().error.code]).toEqual([403, 'progression.bands_not_allowed']);
    expect(await statusesOf(f.a)).toEqual([]);
    const res = await commit('leder', FILE, await preview('leder', FILE), {
      skipErrors: true,
      saveBands: true,
      fileName: 'læsning.csv',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Preview).committed).toBe(true);
    expect(await statusesOf(f.a)).toEqual([
      { code: '3A-01', status: 'groen', score: expect.anything(), note: 'Læser flydende', version: 1 },
      { code: '3A-02', status: 'gul', score: expect.anything(), note: '', version: 1 },
      {
        code: '3A-03',
        status: 'roed',
        score: expect.anything(),
        note: 'Øver "lydering";\nhjemme',
        version: 1,
      },
      { code: '3A-05', status: 'gul', score: expect.anything(), note: '', version: 1 },
    ]);
    expect(await totalsOf(f.a)).toEqual([{ groen: 1, gul: 2, roed: 1 }]);
    const [entry] = await auditOf('progression.import');
    expect(entry.details).toMatchObject({
      fileName: 'læsning.csv',
      skipped: [6, 7],
      counts: { new: 4, errors: 2 },
    });
  });

  it('uses the saved bands next time, and an unchanged file changes nothing', async () => {
    const p = await preview('medarbejder', FILE, { bands: undefined });
    expect(p.bandsSource).toBe('saved');
    expect(p.counts).toMatchObject({ unchanged: 4, errors: 2, new: 0, changed: 0 });
  });

  it('a stale preview is refused with what changed, and nothing is written', async () => {
    const file = 'Kode;Score\r\n3A-01;10\r\n3A-02;31\r\n';
    const p = await preview('medarbejder', file);
    expect(p.rows.map((r) => r.outcome)).toEqual(['changed', 'changed']);
    // A colleague sets 3A-02 in the grid meanwhile.
    await t.ctx.db.execute(sql`update progression_statuses set status = 'roed', version = version + 1,
      updated_at = now() + interval '1 second', updated_by = ${ids.user.leder}
      where child_id = ${f['3A-02']} and area_id = ${f.read} and period_id = ${f.p1}`);
    const res = await commit('medarbejder', file, p);
    expect(err(res)).toEqual([409, 'progression.import_stale']);
    expect(res.json().error.details).toEqual([
      { path: '3A-02', message: 'Nu Rød, gemt af Lene Dalgaard efter forhåndsvisningen.' },
    ]);
    expect((await statusesOf(f.a)).find((s) => s.code === '3A-01')).toMatchObject({
      status: 'groen',
      version: 1,
    });
    // Another file under an old fingerprint is refused too.
    const other = await commit('medarbejder', 'Kode;Score\r\n3A-01;35\r\n', p);
    expect(err(other)).toEqual([409, 'progression.import_stale']);
    // Previewed again, it goes through.
    const again = await preview('medarbejder', file);
    expect((await commit('medarbejder', file, again)).statusCode).toBe(200);
    expect(await totalsOf(f.a)).toEqual([{ groen: 1, gul: 1, roed: 2 }]);
  });

  it('creates unknown codes in the group when asked', async () => {
    const file = 'Kode;Score\r\nNY-7;25\r\n';
    const p = await preview('medarbejder', file, { createMissing: true });
    expect(p.rows[0]).toMatchObject({ outcome: 'new', createsChild: true });
    expect((await commit('medarbejder', file, p, { createMissing: true })).statusCode).toBe(200);
    const [child] = await rows<{ group_id: string; from_on: string }>(
      t.ctx.db,
      sql`select p.group_id, p.from_on::text from progression_children c
          join progression_placements p on p.child_id = c.id where c.code = 'NY-7'`,
    );
    expect(child).toEqual({ group_id: f.a, from_on: `${Y}-08-15` });
  });

  it('a leader imports several classes from one file with a class column; each class’s totals once', async () => {
    const file = 'Klasse;Kode;Status\r\n3.A;3A-06;gul\r\n3.B;3B-01;G\r\n3.b;3B-02;red\r\n';
    const p = await preview('leder', file, { bands: undefined });
    expect(p.rows.map((r) => r.outcome)).toEqual(['new', 'new', 'new']);
    expect((await commit('leder', file, p, { bands: undefined })).statusCode).toBe(200);
    expect(await totalsOf(f.b)).toEqual([{ groen: 1, gul: 0, roed: 1 }]);
    expect(await totalsOf(f.a)).toEqual([{ groen: 1, gul: 3, roed: 2 }]);
  });

  it('keeps a new child’s name only when the institution keeps names and the importer is in the class team', async () => {
    const file = 'Kode;Navn;Score\r\nNY-20;Anna Berg;31\r\n';
    const leader = await preview('leder', file, { createMissing: true });
    expect(leader.warnings).toEqual([
      'Filen har en kolonne med navne. Navne gemmes ikke her; kun koderne bruges.',
    ]);
    await t.ctx.db
      .insert(progressionSettings)
      .values({ institutionId: ids.institution.Solsikkeskolen, showFullNames: true });
    const again = await preview('leder', file, { createMissing: true });
    expect(again.warnings).toHaveLength(1); // a leader is not in the class team: names stay with the team
    const teacher = await preview('medarbejder', file, { createMissing: true });
    expect(teacher.warnings).toEqual([]);
    expect((await commit('medarbejder', file, teacher, { createMissing: true })).statusCode).toBe(200);
    const [child] = await rows<{ full_name: string | null }>(
      t.ctx.db,
      sql`select full_name from progression_children where code = 'NY-20'`,
    );
    expect(child.full_name).toBe('Anna Berg');
  });

  it('a child moved to the class keeps its cell in the old class, whose figures follow the import', async () => {
    const db = t.ctx.db;
    await db.execute(
      sql`update progression_placements set to_on = ${`${Y}-10-01`} where child_id = ${f['3B-02']}`,
    );
    await db
      .insert(progressionPlacements)
      .values({ childId: f['3B-02'], groupId: f.a, fromOn: `${Y}-10-02` });
    const file = 'Kode;Status\r\n3B-02;grøn\r\n';
    const p = await preview('medarbejder', file, { bands: undefined });
    expect(p.rows[0]).toMatchObject({ outcome: 'changed', before: { status: 'roed' } });
    expect((await commit('medarbejder', file, p, { bands: undefined })).statusCode).toBe(200);
    expect(await totalsOf(f.b)).toEqual([{ groen: 2, gul: 0, roed: 0 }]);
    const [cell] = await rows<{ group_id: string }>(
      db,
      sql`select group_id from progression_statuses where child_id = ${f['3B-02']} and period_id = ${f.p1}`,
    );
    expect(cell.group_id).toBe(f.b);
  });
});
