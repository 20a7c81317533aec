import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { startTranscriptionWorker } from './transcriptions.js';

/**
 * Issue 19 part E: the cue editor (GET/PUT captions/:language/cues), the chapters (GET/PUT chapters, the signed
 * chapters track), WebVTT import's bad input, two editors at once, search over edited captions and chapter
 * titles, and the transcription interface (not configured; a real engine process given by a script).
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const as: Record<string, TestClient> = {};
let anon: TestClient;
let dir: string;

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const who of ['medarbejder', 'leder', 'ressourceperson', 'redaktoer', 'leder2'])
    as[who] = await t.as(who);
  anon = t.client();
  dir = await mkdtemp(path.join(tmpdir(), 'amongi-cues-'));
}, 60_000);
afterAll(async () => {
  delete process.env.TRANSCRIPTION_COMMAND;
  await rm(dir, { recursive: true, force: true });
  await t?.close();
});

async function stored(key: string) {
  const parts: Buffer[] = [];
  for await (const part of await t.ctx.storage.read(key)) parts.push(Buffer.from(part));
  return Buffer.concat(parts).toString('utf8');
}

const code = (r: { json: () => unknown }) => (r.json() as { error?: { code: string } }).error?.code;

/** A ready 45-minute video of medarbejder's. */
async function lesson(
  o: { visibility?: 'private' | 'institution'; editorialState?: 'none' | 'in_review' } = {},
) {
  return insertVideo(t.ctx.db, {
    ownerId: ids.user.medarbejder,
    institutionId: ids.institution.Solsikkeskolen,
    visibility: o.visibility ?? 'institution',
    editorialState: o.editorialState ?? 'none',
    durationSeconds: 2700,
    title: 'Matematik i 4.b',
  });
}

const cues = [
  { start: 0, end: 4.5, text: 'Godmorgen, alle sammen.' },
  { start: 5, end: 9, text: 'I dag arbejder vi med brøker — æbler, øl og ål.' },
];

describe('cue editor', () => {
  it('creates captions from version 0, reads them back with Danish characters, bumps the version', async () => {
    const id = await lesson();
    const empty = await as.medarbejder.get(`/api/v1/videos/${id}/captions/da/cues`);
    expect(empty.json()).toMatchObject({ version: 0, cues: [] });
    const put = await as.medarbejder.put(`/api/v1/videos/${id}/captions/da/cues`, {
      version: 0,
      label: 'Dansk',
      cues,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ version: 1, label: 'Dansk', cues });
    const again = await as.medarbejder.put(`/api/v1/videos/${id}/captions/da/cues`, {
      version: 1,
      cues: [...cues, { start: 10, end: 12, text: '<script>alert(1)</script> & <b>fed</b>' }],
    });
    expect(again.json().version).toBe(2);
    expect(again.json().cues[2].text).toBe('<script>alert(1)</script> & <b>fed</b>');
    // The file the player reads has it escaped: shown as text, never markup.
    const file = await stored(`videos/${id}/captions/da.vtt`);
    expect(file).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;fed&lt;/b&gt;');
    expect(file).toContain('æbler, øl og ål');
    // The video detail's caption URL changes with the version (caches skip the old file).
    const detail = (await as.medarbejder.get(`/api/v1/videos/${id}`)).json();
    expect(detail.captions[0].url).toMatch(/captions\/da\.vtt\?v=2$/);
    expect((await as.medarbejder.get(detail.captions[0].url)).body).toContain('&lt;script&gt;');
  });

  it('refuses reversed, overlapping, beyond-the-end and empty cues, naming each, and saves nothing', async () => {
    const id = await lesson();
    const res = await as.medarbejder.put(`/api/v1/videos/${id}/captions/da/cues`, {
      version: 0,
      cues: [
        { start: 3, end: 1, text: 'Baglæns' },
        { start: 10, end: 14, text: 'En' },
        { start: 12, end: 16, text: 'Overlapper' },
        { start: 2690, end: 2800, text: 'For sent' },
        { start: 20, end: 22, text: '   ' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(code(res)).toBe('caption.cues_invalid');
    const details = res.json().error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path)).toEqual(['cues.0', 'cues.2', 'cues.3', 'cues.4']);
    expect(details[1].message).toBe('Starter før den forrige undertekst slutter.');
    expect((await as.medarbejder.get(`/api/v1/videos/${id}/captions/da/cues`)).json().version).toBe(0);
  });

  it('two editors: the second save on a stale version is 409 caption.stale and the first one’s cues stay', async () => {
    const id = await lesson();
    await as.medarbejder.put(`/api/v1/videos/${id}/captions/da/cues`, { version: 0, cues });
    const [a, b] = await Promise.all([
      as.medarbejder.put(`/api/v1/videos/${id}/captions/da/cues`, {
        version: 1,
        cues: [{ start: 0, end: 2, text: 'Første redaktør' }],
      }),
      as.medarbejder.put(`/api/v1/videos/${id}/captions/da/cues`, {
        version: 1,
        cues: [{ start: 0, end: 2, text: 'Anden redaktør' }],
      }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    const winner = a.statusCode === 200 ? a : b;
    expect(code(loser)).toBe('caption.stale');
    const now = (await as.medarbejder.get(`/api/v1/videos/${id}/captions/da/cues`)).json();
    expect(now).toMatchObject({ version: 2, cues: winner.json().cues });
    const file = await stored(`videos/${id}/captions/da.vtt`);
    expect(file).toContain(winner.json().cues[0].text);
  });

  it('allows the owner and an editor reviewing it; refuses a leader (403), another kommune (404), anonymous', async () => {
    const id = await lesson();
    const body = { version: 0, cues };
    expect(code(await as.leder.put(`/api/v1/videos/${id}/captions/da/cues`, body))).toBe('policy.forbidden');
    expect((await as.leder.get(`/api/v1/videos/${id}/captions/da/cues`)).statusCode).toBe(200);
    expect((await as.leder2.put(`/api/v1/videos/${id}/captions/da/cues`, body)).statusCode).toBe(404);
    expect((await anon.put(`/api/v1/videos/${id}/captions/da/cues`, body)).statusCode).toBe(401);
    expect((await anon.get(`/api/v1/videos/${id}/captions/da/cues`)).statusCode).toBe(404);
    const priv = await lesson({ visibility: 'private' });
    expect((await as.leder.get(`/api/v1/videos/${priv}/captions/da/cues`)).statusCode).toBe(404);
    expect(
      (await as.leder.put(`/api/v1/videos/${priv}/chapters`, { version: 0, chapters: [] })).statusCode,
    ).toBe(404);
    const submitted = await lesson({ editorialState: 'in_review' });
    const edit = await as.redaktoer.put(`/api/v1/videos/${submitted}/captions/da/cues`, body);
    expect(edit.statusCode).toBe(200);
    expect((await as.redaktoer.put(`/api/v1/videos/${id}/captions/da/cues`, body)).statusCode).toBe(404);
  });
});

describe('WebVTT import', () => {
  const upload = (id: string, body: string | Buffer) =>
    as.medarbejder.request('PUT', `/api/v1/videos/${id}/captions/da?label=Dansk`, body, {
      headers: { 'content-type': 'text/vtt' },
    });

  it('reads a BOM, CRLF, cue settings, NOTE and STYLE blocks, and keeps Danish characters', async () => {
    const id = await lesson();
    const vtt =
      '\uFEFFWEBVTT - lektion\r\n\r\nSTYLE\r\n::cue { color: yellow }\r\n\r\nNOTE fra lærer\r\n\r\n' +
      'a1\r\n00:01.000 --> 00:03.500 align:start position:10%\r\n<v Lærer>Hør efter, Søren</v>\r\n\r\n' +
      '00:00:04.000 --> 00:00:06.000\r\nÆbler &amp; pærer\r\n';
    const res = await upload(id, vtt);
    expect(res.statusCode).toBe(200);
    const got = (await as.medarbejder.get(`/api/v1/videos/${id}/captions/da/cues`)).json();
    expect(got.cues).toEqual([
      { start: 1, end: 3.5, text: 'Hør efter, Søren' },
      { start: 4, end: 6, text: 'Æbler & pærer' },
    ]);
    expect(got.version).toBe(1);
    expect((await upload(id, vtt)).statusCode).toBe(200);
    expect((await as.medarbejder.get(`/api/v1/videos/${id}/captions/da/cues`)).json().version).toBe(2);
  });

  it('names the line of a bad timestamp in Danish; nothing saved', async () => {
    const id = await lesson();
    const res = await upload(
      id,
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nEn\n\n00:00:03,000 --> 00:00:04.000\nTo\n',
    );
    expect(res.statusCode).toBe(400);
    expect(code(res)).toBe('caption.invalid');
    expect(res.json().error.details[0]).toEqual({
      path: 'line.6',
      message:
        'Linje 6: tidskoden "00:00:03,000" kan ikke læses. Skriv tider som tt:mm:ss.mmm --> tt:mm:ss.mmm.',
    });
    const reversed = await upload(id, 'WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nBaglæns\n');
    expect(reversed.json().error.details[0].message).toBe('Linje 3: sluttiden skal ligge efter starttiden.');
    expect((await as.medarbejder.get(`/api/v1/videos/${id}/captions/da/cues`)).json().version).toBe(0);
  });

  it('refuses 5 MB of text with caption.too_large, quickly', async () => {
    const id = await lesson();
    const line = '00:00:01.000 --> 00:00:02.000\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n\n';
    const big = `WEBVTT\n\n${line.repeat(Math.ceil((5 * 1024 * 1024) / line.length))}`;
    const started = Date.now();
    const res = await upload(id, big);
    expect(res.statusCode).toBe(413);
    expect(code(res)).toBe('caption.too_large');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('chapters', () => {
  it('saves sorted chapters, serves a signed chapters track, refuses duplicates and stale versions', async () => {
    const id = await lesson();
    const put = await as.medarbejder.put(`/api/v1/videos/${id}/chapters`, {
      version: 0,
      chapters: [
        { start: 600, title: 'Gruppearbejde' },
        { start: 0, title: 'Opstart på tavlen' },
      ],
    });
    expect(put.statusCode).toBe(200);
    const list = put.json();
    expect(list.chapters.map((c: { title: string }) => c.title)).toEqual([
      'Opstart på tavlen',
      'Gruppearbejde',
    ]);
    expect(list.trackUrl).toMatch(/^\/media\/v\/.+\/chapters\.vtt\?v=1$/);
    const track = await anon.get(list.trackUrl);
    expect(track.statusCode).toBe(200);
    expect(track.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(track.body).toContain('00:00:00.000 --> 00:10:00.000\nOpstart på tavlen');
    expect(track.body).toContain('00:10:00.000 --> 00:45:00.000\nGruppearbejde');
    // The track is signed: a changed signature is 404.
    expect(
      (await anon.get(list.trackUrl.replace(/\/[A-Za-z0-9_-]{32}\//, `/${'A'.repeat(32)}/`))).statusCode,
    ).toBe(404);
    const detail = (await as.ressourceperson.get(`/api/v1/videos/${id}`)).json();
    expect(detail.chaptersUrl).toBe(list.trackUrl);
    expect((await as.ressourceperson.get(`/api/v1/videos/${id}/chapters`)).json().chapters).toHaveLength(2);

    const dup = await as.medarbejder.put(`/api/v1/videos/${id}/chapters`, {
      version: 1,
      chapters: [
        { start: 60, title: 'A' },
        { start: 60, title: 'B' },
        { start: 3000, title: 'Efter slut' },
      ],
    });
    expect(code(dup)).toBe('chapters.invalid');
    expect(dup.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'chapters.1',
      'chapters.2',
    ]);
    const stale = await as.medarbejder.put(`/api/v1/videos/${id}/chapters`, { version: 0, chapters: [] });
    expect(stale.statusCode).toBe(409);
    expect(code(stale)).toBe('chapters.stale');
    expect(
      code(await as.ressourceperson.put(`/api/v1/videos/${id}/chapters`, { version: 1, chapters: [] })),
    ).toBe('policy.forbidden');
    const cleared = await as.medarbejder.put(`/api/v1/videos/${id}/chapters`, { version: 1, chapters: [] });
    expect(cleared.json()).toMatchObject({ version: 2, chapters: [], trackUrl: null });
    expect((await anon.get(list.trackUrl)).statusCode).toBe(404);
  });
});

describe('search', () => {
  it('finds a video by a chapter title and by an edited caption word', async () => {
    const id = await lesson();
    const find = async (q: string) =>
      (
        (await as.ressourceperson.get(`/api/v1/videos?q=${encodeURIComponent(q)}`)).json().items as {
          id: string;
        }[]
      ).map((i) => i.id);
    expect(await find('zebrafinker')).not.toContain(id);
    await as.medarbejder.put(`/api/v1/videos/${id}/chapters`, {
      version: 0,
      chapters: [{ start: 0, title: 'Zebrafinker i klassen' }],
    });
    expect(await find('zebrafinker')).toContain(id);
    await as.medarbejder.put(`/api/v1/videos/${id}/captions/da/cues`, { version: 0, cues });
    await as.medarbejder.put(`/api/v1/videos/${id}/captions/da/cues`, {
      version: 1,
      cues: [{ start: 0, end: 3, text: 'Vi taler om kvasikrystaller' }],
    });
    expect(await find('kvasikrystaller')).toContain(id);
    expect(await find('brøker')).not.toContain(id);
  });
});

/** Asks `get` every 200 ms until `done` holds for its answer (at most 30 s). */
async function until<T>(get: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const stop = Date.now() + 30_000;
  for (;;) {
    const v = await get();
    if (done(v) || Date.now() > stop) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('transcription', () => {
  it('without an engine: 503 transcription.not_configured in Danish, and status says unavailable', async () => {
    delete process.env.TRANSCRIPTION_COMMAND;
    const id = await lesson();
    expect((await as.medarbejder.get('/api/v1/transcription')).json()).toEqual({ available: false });
    const res = await as.medarbejder.post(`/api/v1/videos/${id}/captions/da/transcribe`);
    expect(res.statusCode).toBe(503);
    expect(code(res)).toBe('transcription.not_configured');
    expect(res.json().error.message).toContain('TRANSCRIPTION_COMMAND');
    expect(code(await as.leder.post(`/api/v1/videos/${id}/captions/da/transcribe`))).toBe('policy.forbidden');
  });

  it('with an engine: a background job runs it on the original; the cues wait, unsaved, for the editor', async () => {
    const engine = path.join(dir, 'fake-whisper.sh');
    // A stand-in engine honouring the contract: <input> <language> in, WebVTT out; it proves it got the file.
    await writeFile(
      engine,
      '#!/bin/sh\nset -e\ntest -s "$1"\necho "WEBVTT"\necho\necho "00:00:00.000 --> 00:00:02.000"\necho "Sprog: $2, $(wc -c < "$1" | tr -d \' \') byte"\n',
    );
    await chmod(engine, 0o755);
    const failing = path.join(dir, 'failing.sh');
    await writeFile(failing, '#!/bin/sh\necho "model mangler" >&2\nexit 3\n');
    await chmod(failing, 0o755);
    const id = await lesson();
    await t.ctx.storage.putBytes(`originals/${id}`, Buffer.alloc(1234, 1));
    process.env.TRANSCRIPTION_COMMAND = engine;
    await startTranscriptionWorker(t.ctx);
    const run = `/api/v1/videos/${id}/captions/da/transcription`;
    expect(code(await as.medarbejder.get(run))).toBe('transcription.not_found');
    expect((await as.medarbejder.get('/api/v1/transcription')).json()).toEqual({ available: true });
    const res = await as.medarbejder.post(`/api/v1/videos/${id}/captions/da/transcribe`);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'queued', cues: null, finishedAt: null });
    // Asked again while it waits or runs: the same run, no second job.
    expect(
      (await as.medarbejder.post(`/api/v1/videos/${id}/captions/da/transcribe`)).json().requestedAt,
    ).toBe(res.json().requestedAt);
    // Nobody else may see the run or its cues.
    expect(code(await as.leder.get(run))).toBe('policy.forbidden');
    const done = await until(
      async () => (await as.medarbejder.get(run)).json(),
      (r) => r.status === 'done',
    );
    expect(done.cues).toEqual([{ start: 0, end: 2, text: 'Sprog: da, 1234 byte' }]);
    expect((await as.medarbejder.get(`/api/v1/videos/${id}/captions/da/cues`)).json().version).toBe(0);

    // A failing engine: the run says failed (the editor tells the owner), and a new request starts again.
    process.env.TRANSCRIPTION_COMMAND = failing;
    expect((await as.medarbejder.post(`/api/v1/videos/${id}/captions/da/transcribe`)).json().status).toBe(
      'queued',
    );
    const failed = await until(
      async () => (await as.medarbejder.get(run)).json(),
      (r) => r.status !== 'queued' && r.status !== 'running',
    );
    expect(failed).toMatchObject({ status: 'failed', cues: null });
    delete process.env.TRANSCRIPTION_COMMAND;
  }, 60_000);
});
