import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { authHeaders } from '../../testing/upload.js';

let t: TestApp;
let base: string;
const as: Record<string, TestClient> = {};
const QUOTA = 1000;

beforeAll(async () => {
  t = await createTestApp({ UPLOAD_QUOTA_BYTES: String(QUOTA) });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  for (const r of ['medarbejder', 'ressourceperson', 'leder', 'medarbejder2']) as[r] = await t.as(r);
}, 60_000);
afterAll(() => t?.close());

const b64 = (s: string) => Buffer.from(s).toString('base64');

async function create(who: string, size: number) {
  return fetch(`${base}/api/v1/uploads`, {
    method: 'POST',
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': String(size),
      'upload-metadata': `filename ${b64('klip.mp4')}`,
      ...(await authHeaders(as[who])),
    },
  });
}

/** Everything a client could tell two answers apart by: status, body and every header but the date. */
async function answer(method: string, id: string, who: string) {
  const r = await fetch(`${base}/api/v1/uploads/${id}`, {
    method,
    headers: {
      'tus-resumable': '1.0.0',
      ...(method === 'PATCH'
        ? { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }
        : {}),
      ...(await authHeaders(as[who])),
    },
    body: method === 'PATCH' ? 'abc' : undefined,
  });
  const headers = Object.fromEntries([...r.headers].filter(([k]) => k !== 'date'));
  return { status: r.status, body: await r.text(), headers };
}

describe('an upload id of someone else answers exactly like a made-up one', () => {
  it('HEAD, PATCH and DELETE: same status, code, body and headers for an unfinished, a visible and a random id', async () => {
    const mine = await create('medarbejder', 10);
    expect(mine.status).toBe(201);
    const uploading = mine.headers.get('amongi-video-id') as string;
    const done = (await create('medarbejder', 10)).headers.get('amongi-video-id') as string;
    // A finished video the whole institution may see (the leder and the ressourceperson may read it, not edit it).
    await t.ctx.database.executeSql(
      "update videos set status = 'ready', visibility = 'institution' where id = $1",
      [done],
    );
    for (const method of ['HEAD', 'PATCH', 'DELETE']) {
      for (const who of ['leder', 'ressourceperson', 'medarbejder2']) {
        const random = await answer(method, randomUUID(), who);
        expect(random.status).toBe(404);
        if (method !== 'HEAD') expect(JSON.parse(random.body).error.code).toBe('upload.not_found');
        for (const id of [uploading, done, 'not-a-uuid', '-'.repeat(36)])
          expect({ method, who, id, ...(await answer(method, id, who)) }).toEqual({
            method,
            who,
            id,
            ...random,
          });
      }
    }
    // The owner still continues their own upload.
    expect((await answer('HEAD', uploading, 'medarbejder')).status).toBe(200);
  });
});

describe('a per-person upload quota (UPLOAD_QUOTA_BYTES), refused at creation before any byte', () => {
  it('counts originals and uploads in progress; over it → 403 upload.quota_exceeded in Danish; others are not affected', async () => {
    const used = Number(
      (
        (
          await t.ctx.database.executeSql(
            "select coalesce(sum(original_size), 0)::int as n from videos v join users u on u.id = v.owner_id where u.email = 'ressourceperson@demo.amongi.dk'",
          )
        ).rows[0] as { n: number }
      ).n,
    );
    expect(used).toBe(0);
    const first = await create('ressourceperson', 600);
    expect(first.status).toBe(201);
    const over = await create('ressourceperson', 401);
    expect(over.status).toBe(403);
    expect((await over.json()).error).toEqual({
      code: 'upload.quota_exceeded',
      message:
        'Der er ikke plads til filen. Dine videoer og igangværende uploads fylder allerede det, du må bruge. Slet en video, du ikke længere skal bruge, eller kontakt din administrator.',
    });
    const count = async () =>
      Number(
        ((await t.ctx.database.executeSql('select count(*)::int as n from videos')).rows[0] as { n: number })
          .n,
      );
    const before = await count();
    expect((await create('ressourceperson', 401)).status).toBe(403);
    expect(await count()).toBe(before); // nothing kept of a refused upload
    expect((await create('ressourceperson', 400)).status).toBe(201); // exactly the quota
    expect((await create('leder', 900)).status).toBe(201); // a colleague has their own quota

    // Deleting an upload in progress frees its room.
    const id = first.headers.get('amongi-video-id') as string;
    expect((await answer('DELETE', id, 'ressourceperson')).status).toBe(204);
    // tus answers 204 before the route has removed the video row: wait for it to go.
    await expect
      .poll(async () => (await as.ressourceperson.get(`/api/v1/videos/${id}`)).statusCode)
      .toBe(404);
    expect((await create('ressourceperson', 600)).status).toBe(201);
  });

  it('two uploads started at once cannot both squeeze under the quota', async () => {
    const [a, b] = await Promise.all([create('medarbejder2', 700), create('medarbejder2', 700)]);
    expect([a.status, b.status].sort()).toEqual([201, 403]);
  });
});
