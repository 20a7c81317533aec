import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INQUIRY_LIMITS } from '../../../../shared/inquiry.js';
import { actorOf } from '../../../auth/session.js';
import { inquiryCycles, inquiryEvidence } from '../../../db/inquiry-schema.js';
import { observationVisits } from '../../../db/observation-schema.js';
import { videos } from '../../../db/videos-schema.js';
import { insertVideo } from '../../../testing/catalogue.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { makeSchema } from '../../observation/observation.testing.js';
import { personDetail } from '../../people/index.js';
import { makeCycle } from '../tasks/cycle.testing.js';
import { cycleFilesPrefix, listCycleEvidence, teamFilesPrefix } from './service.js';

/*
 * A cycle's evidence (issue 16): links keep their own rules for every reader, files are what their names say,
 * and the team's members write while leaders read only what is shared.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
let math: string;
let cycle: string;
let sol: string;
const API = '/api/v1';
const FORGED = '00000000-0000-4000-8000-000000000000';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);
const octet = { headers: { 'content-type': 'application/octet-stream' } };
const upload = (who: string, cycleId: string, name: string, bytes: Buffer) =>
  c[who].post(
    `${API}/cycles/${cycleId}/evidence/file?name=${encodeURIComponent(name)}&title=Data`,
    bytes,
    octet,
  );

type Piece = { id: string; kind: string; title: string; available: boolean; visit: unknown; video: unknown };

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  math = ids.team.Matematikteamet;
  sol = ids.institution.Solsikkeskolen;
  cycle = await makeCycle(t.ctx.db, math);
  for (const who of ['medarbejder', 'ressourceperson', 'leder', 'medarbejder2', 'administrator'])
    c[who] = await t.as(who);
});
afterAll(() => t?.close());

/** The cycle's evidence as the person reads it (through the function the cycle page uses), as the session sees them. */
async function readAs(who: string, cycleId = cycle): Promise<Piece[]> {
  const person = await personDetail(t.ctx.db, ids.user[who]);
  if (!person) throw new Error(who);
  return (await listCycleEvidence(t.ctx.db, actorOf(person), cycleId)) as Piece[];
}

describe('quotes, notes and tables', () => {
  it('a member adds them; others and forged ids are refused', async () => {
    const quote = await c.medarbejder.post(`${API}/cycles/${cycle}/evidence`, {
      kind: 'quote',
      body: 'Jeg kan bedst lide, når vi må forklare hinanden det.',
    });
    expect(quote.statusCode).toBe(201);
    expect(quote.json()).toMatchObject({
      kind: 'quote',
      available: true,
      addedBy: { id: ids.user.medarbejder },
    });
    const table = await c.ressourceperson.post(`${API}/cycles/${cycle}/evidence`, {
      kind: 'table',
      title: 'Spørgsmål pr. lektion',
      data: {
        columns: ['Uge', 'Antal'],
        rows: [
          ['1', '4'],
          ['2', '9'],
        ],
      },
    });
    expect(table.statusCode).toBe(201);
    expect(table.json().data.rows).toEqual([
      ['1', '4'],
      ['2', '9'],
    ]);
    const note = { kind: 'note', body: 'Husk at spørge igen.' };
    expect(err(await c.leder.post(`${API}/cycles/${cycle}/evidence`, note))).toEqual([
      404,
      'inquiry.cycle_not_found',
    ]);
    expect(err(await c.medarbejder2.post(`${API}/cycles/${cycle}/evidence`, note))).toEqual([
      404,
      'inquiry.cycle_not_found',
    ]);
    expect(err(await c.medarbejder.post(`${API}/cycles/${FORGED}/evidence`, note))).toEqual([
      404,
      'inquiry.cycle_not_found',
    ]);
    const other = await makeCycle(t.ctx.db, ids.team.Naturfagsteamet);
    expect(err(await c.medarbejder.post(`${API}/cycles/${other}/evidence`, note))).toEqual([
      404,
      'inquiry.cycle_not_found',
    ]);
    const shared = await makeCycle(t.ctx.db, math, { sharedWithLeaders: true });
    expect(err(await c.leder.post(`${API}/cycles/${shared}/evidence`, note))).toEqual([
      403,
      'policy.forbidden',
    ]);
    const finished = await makeCycle(t.ctx.db, math, { state: 'afsluttet' });
    expect(err(await c.medarbejder.post(`${API}/cycles/${finished}/evidence`, note))).toEqual([
      409,
      'inquiry.finished',
    ]);
  });
});

describe('linked visits and videos keep their own rules for every reader', () => {
  it('a self-observation linked by its owner is not visible to the other members', async () => {
    const schemaId = (await makeSchema(t.ctx.db, sol)).id;
    const [visit] = await t.ctx.db
      .insert(observationVisits)
      .values({
        institutionId: sol,
        kind: 'self',
        schemaId,
        teacherId: ids.user.medarbejder,
        observerId: ids.user.medarbejder,
        plannedFor: '2026-11-02',
        term: '2026-2',
      })
      .returning({ id: observationVisits.id });
    // Another member may not link what they may not see; nor a forged visit.
    expect(
      err(
        await c.ressourceperson.post(`${API}/cycles/${cycle}/evidence`, { kind: 'visit', visitId: visit.id }),
      ),
    ).toEqual([409, 'inquiry.evidence_unavailable']);
    expect(
      err(await c.medarbejder.post(`${API}/cycles/${cycle}/evidence`, { kind: 'visit', visitId: FORGED })),
    ).toEqual([409, 'inquiry.evidence_unavailable']);
    const res = await c.medarbejder.post(`${API}/cycles/${cycle}/evidence`, {
      kind: 'visit',
      visitId: visit.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      available: true,
      visit: { id: visit.id, kind: 'self', date: '2026-11-02' },
    });
    const id = res.json().id;
    expect((await readAs('medarbejder')).find((p) => p.id === id)).toMatchObject({ available: true });
    expect((await readAs('ressourceperson')).find((p) => p.id === id)).toEqual(
      expect.objectContaining({ available: false, title: '', visit: null }),
    );
  });

  it('a linked video narrowed later shows as unavailable at once', async () => {
    const videoId = await insertVideo(t.ctx.db, {
      ownerId: ids.user.medarbejder,
      institutionId: sol,
      teamId: math,
      visibility: 'team',
      title: 'Makkerlæsning i 4.b',
    });
    // A colleague in the team links the owner's team video.
    const res = await c.ressourceperson.post(`${API}/cycles/${cycle}/evidence`, { kind: 'video', videoId });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      available: true,
      title: 'Makkerlæsning i 4.b',
      video: { id: videoId },
    });
    const id = res.json().id;
    await t.ctx.db.update(videos).set({ visibility: 'private' }).where(eq(videos.id, videoId));
    const theirs = (await readAs('ressourceperson')).find((p) => p.id === id);
    expect(theirs).toEqual(expect.objectContaining({ available: false, title: '', video: null }));
    expect(JSON.stringify(theirs)).not.toContain('Makkerlæsning');
    expect((await readAs('medarbejder')).find((p) => p.id === id)).toMatchObject({ available: true });
    // And nobody may link a video they may not watch.
    expect(
      err(await c.ressourceperson.post(`${API}/cycles/${cycle}/evidence`, { kind: 'video', videoId })),
    ).toEqual([409, 'inquiry.evidence_unavailable']);
  });
});

describe('files', () => {
  it('a PDF is stored, downloaded by who may read the cycle, and removed with its piece', async () => {
    const res = await upload('medarbejder', cycle, 'Elevinterview 4.b.pdf', PDF);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'file',
      title: 'Data',
      file: { name: 'Elevinterview 4.b.pdf', type: 'application/pdf', size: PDF.length },
    });
    const id = res.json().id;
    const [row] = await t.ctx.db.select().from(inquiryEvidence).where(eq(inquiryEvidence.id, id));
    expect(row.fileKey?.startsWith(cycleFilesPrefix(math, cycle))).toBe(true);
    const got = await c.ressourceperson.get(`${API}/evidence/${id}/file`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(String(got.headers['content-disposition'])).toMatch(/^attachment; filename="/);
    // Not shared: the leader, another institution, an administrator and a forged id get 404.
    for (const who of ['leder', 'medarbejder2', 'administrator'])
      expect(err(await c[who].get(`${API}/evidence/${id}/file`)), who).toEqual([
        404,
        'inquiry.item_not_found',
      ]);
    expect(err(await c.medarbejder.get(`${API}/evidence/${FORGED}/file`))).toEqual([
      404,
      'inquiry.item_not_found',
    ]);
    // Shared with leadership: the leader downloads but may not remove it.
    await t.ctx.db.update(inquiryCycles).set({ sharedWithLeaders: true }).where(eq(inquiryCycles.id, cycle));
    expect((await c.leder.get(`${API}/evidence/${id}/file`)).statusCode).toBe(200);
    expect(err(await c.leder.delete(`${API}/evidence/${id}`))).toEqual([403, 'policy.forbidden']);
    await t.ctx.db.update(inquiryCycles).set({ sharedWithLeaders: false }).where(eq(inquiryCycles.id, cycle));
    expect(err(await c.leder.get(`${API}/evidence/${id}/file`))).toEqual([404, 'inquiry.item_not_found']);
    // Another member (not the one who added it) removes it; the stored file goes too.
    expect(await t.ctx.storage.stat(row.fileKey as string)).not.toBeNull();
    expect((await c.ressourceperson.delete(`${API}/evidence/${id}`)).statusCode).toBe(200);
    expect(await t.ctx.storage.stat(row.fileKey as string)).toBeNull();
    expect(err(await c.medarbejder.get(`${API}/evidence/${id}/file`))).toEqual([
      404,
      'inquiry.item_not_found',
    ]);
  });

  it('refuses a file that is not what its name says, a cut-off PDF, an empty one and one over the limit', async () => {
    const before = await t.ctx.db.select().from(inquiryEvidence).where(eq(inquiryEvidence.cycleId, cycle));
    expect(err(await upload('medarbejder', cycle, 'rapport.pdf', PNG))).toEqual([415, 'inquiry.file_type']);
    expect(err(await upload('medarbejder', cycle, 'program.pdf', Buffer.from('MZ\x90\x00binary')))).toEqual([
      415,
      'inquiry.file_type',
    ]);
    expect(err(await upload('medarbejder', cycle, 'rapport.pdf', PDF.subarray(0, PDF.length - 8)))).toEqual([
      415,
      'inquiry.file_type',
    ]);
    expect(err(await upload('medarbejder', cycle, 'tom.pdf', Buffer.alloc(0)))).toEqual([
      400,
      'inquiry.file_empty',
    ]);
    const big = Buffer.concat([PDF, Buffer.alloc(INQUIRY_LIMITS.fileBytes + 1 - PDF.length, 0x20)]);
    expect(err(await upload('medarbejder', cycle, 'stor.pdf', big))).toEqual([413, 'inquiry.file_too_large']);
    // A PNG named .png is fine.
    expect((await upload('medarbejder', cycle, 'tavle.png', PNG)).statusCode).toBe(201);
    // Who may not write may not upload either.
    expect(err(await upload('leder', cycle, 'rapport.pdf', PDF))).toEqual([404, 'inquiry.cycle_not_found']);
    expect(err(await upload('medarbejder2', cycle, 'rapport.pdf', PDF))).toEqual([
      404,
      'inquiry.cycle_not_found',
    ]);
    const after = await t.ctx.db.select().from(inquiryEvidence).where(eq(inquiryEvidence.cycleId, cycle));
    expect(after.length).toBe(before.length + 1);
    // Nothing of the refused files was stored.
    expect((await t.ctx.storage.list(cycleFilesPrefix(math, cycle))).length).toBe(1);
  });

  it('a cycle takes at most the limit of evidence', async () => {
    const full = await makeCycle(t.ctx.db, math);
    await t.ctx.db.insert(inquiryEvidence).values(
      Array.from({ length: INQUIRY_LIMITS.evidencePerCycle }, (_, i) => ({
        cycleId: full,
        kind: 'note' as const,
        body: `Note ${i}`,
      })),
    );
    expect(
      err(await c.medarbejder.post(`${API}/cycles/${full}/evidence`, { kind: 'note', body: 'En til' })),
    ).toEqual([409, 'inquiry.too_much_evidence']);
    expect(err(await upload('medarbejder', full, 'rapport.pdf', PDF))).toEqual([
      409,
      'inquiry.too_much_evidence',
    ]);
  });

  it('a deleted institution takes its teams’ cycle files with it', async () => {
    const bakke = ids.institution.Bakkeskolen;
    const team = ids.team.Naturfagsteamet;
    const gone = await makeCycle(t.ctx.db, team);
    await t.ctx.storage.putBytes(`${cycleFilesPrefix(team, gone)}y`, PDF, 'application/pdf');
    const res = await c.administrator.delete(`${API}/institutions/${bakke}`);
    expect(res.statusCode).toBe(200);
    expect(await t.ctx.storage.list(teamFilesPrefix(team))).toHaveLength(0);
  });

  it('a deleted team takes its cycles’ files with it', async () => {
    const team = ids.team.Udskolingen;
    const gone = await makeCycle(t.ctx.db, team);
    const key = `${cycleFilesPrefix(team, gone)}x`;
    await t.ctx.storage.putBytes(key, PDF, 'application/pdf');
    expect(await t.ctx.storage.list(teamFilesPrefix(team))).toHaveLength(1);
    const res = await c.administrator.delete(`${API}/teams/${team}`);
    expect(res.statusCode).toBe(200);
    expect(await t.ctx.storage.list(teamFilesPrefix(team))).toHaveLength(0);
    // Another team's files stay.
    expect((await t.ctx.storage.list(teamFilesPrefix(math))).length).toBeGreaterThan(0);
  });
});
