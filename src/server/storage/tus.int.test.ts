import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Server } from '@tus/server';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, backends } from './backends.testing.js';
import type { Storage } from './storage.js';

const MiB = 1024 * 1024;

/** A @tus/server on a loopback port (path /files) writing through storage.tusStore(). */
async function startTusServer(storage: Storage) {
  const tusServer = new Server({ path: '/files', datastore: storage.tusStore() });
  const server = http.createServer((req, res) => void tusServer.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/files`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Writes `size` random bytes to a file in 1 MiB blocks and returns its sha256. */
async function randomFile(file: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  const handle = await fs.open(file, 'w');
  try {
    for (let written = 0; written < size; ) {
      const block = randomBytes(Math.min(MiB, size - written));
      hash.update(block);
      await handle.write(block);
      written += block.length;
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

async function sha256Of(stream: NodeJS.ReadableStream): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk);
  return hash.digest('hex');
}

type Run = { url: string | null; firstPatchOffset?: number; error?: Error; aborted: boolean };

/**
 * Uploads a file with tus-js-client (from the saved URL when given), aborting once abortAfter bytes
 * were sent; resolves when it finished, failed or was aborted.
 */
function upload(
  endpoint: string,
  file: string,
  opts: { uploadUrl?: string; abortAfter?: number; chunkSize?: number; onProgress?: () => void },
): Promise<Run> {
  return new Promise((resolve) => {
    const run: Run = { url: null, aborted: false };
    const up = new tus.Upload(createReadStream(file), {
      endpoint,
      uploadUrl: opts.uploadUrl ?? null,
      chunkSize: opts.chunkSize ?? Number.POSITIVE_INFINITY, // (an explicit undefined would override it)
      retryDelays: [],
      metadata: { filename: path.basename(file), filetype: 'video/mp4' },
      onBeforeRequest(req) {
        if (req.getMethod() === 'PATCH' && run.firstPatchOffset === undefined) {
          run.firstPatchOffset = Number(req.getHeader('Upload-Offset'));
        }
      },
      onProgress(sent) {
        opts.onProgress?.();
        if (opts.abortAfter !== undefined && sent >= opts.abortAfter && !run.aborted) {
          run.aborted = true;
          run.url = up.url;
          // Give the server a moment to take in what is in flight, as a dropped connection would.
          setTimeout(() => void up.abort().then(() => resolve(run)), 20);
        }
      },
      onError(error) {
        run.error = error;
        resolve(run);
      },
      onSuccess() {
        run.url = up.url;
        resolve(run);
      },
    });
    up.start();
  });
}

/** The offset the server has for an upload (a tus HEAD request). */
async function serverOffset(url: string): Promise<number> {
  const res = await fetch(url, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
  expect(res.status).toBe(200);
  return Number(res.headers.get('Upload-Offset'));
}

const idOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

describe.each(backends)('tus uploads into $kind storage', ({ kind, start }) => {
  let backend: Backend;
  let storage: Storage;
  let server: Awaited<ReturnType<typeof startTusServer>>;
  let work: string;
  let file: string;
  let fileSha: string;
  const size = 12 * MiB + 4321;

  beforeAll(async () => {
    backend = await start();
    storage = backend.storage;
    server = await startTusServer(storage);
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'amongi-tus-test-'));
    file = path.join(work, 'lesson.mp4');
    fileSha = await randomFile(file, size);
  });
  afterAll(async () => {
    await server?.close();
    await backend?.close();
    await fs.rm(work, { recursive: true, force: true });
  });

  it('an aborted upload resumes from its saved offset and lands byte for byte on originals/<id>', async () => {
    const first = await upload(server.endpoint, file, { chunkSize: 2 * MiB, abortAfter: 3 * MiB });
    expect(first.aborted).toBe(true);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/\w+$/);
    const url = first.url as string;
    const id = idOf(url);
    const saved = await serverOffset(url);
    expect(saved).toBeGreaterThanOrEqual(2 * MiB); // at least the first whole chunk
    expect(saved).toBeLessThan(size);
    expect(await storage.stat(`originals/${id}`).then((s) => s?.size ?? 0)).toBeLessThan(size);

    const second = await upload(server.endpoint, file, { uploadUrl: url, chunkSize: 2 * MiB });
    expect(second.error).toBeUndefined();
    expect(second.url).toBe(url);
    expect(second.firstPatchOffset).toBe(saved); // resumed, not started over
    expect(await serverOffset(url)).toBe(size);

    expect((await storage.stat(`originals/${id}`))?.size).toBe(size);
    expect(await sha256Of(await storage.read(`originals/${id}`))).toBe(fileSha);
    const keys = await storage.list('');
    expect(keys).toContain(`originals/${id}`);
    expect(keys.filter((k) => k.startsWith('originals/'))).toEqual([`originals/${id}`]); // no bookkeeping

    await storage.deleteUpload(id);
    expect((await storage.stat(`originals/${id}`))?.size).toBe(size); // a finished original stays
    await storage.delete(`originals/${id}`);
    expect(await backend.leftovers()).toEqual([]);
  });

  it('deleteUpload drops an abandoned upload with its partial data', async () => {
    const run = await upload(server.endpoint, file, { chunkSize: 2 * MiB, abortAfter: 3 * MiB });
    const id = idOf(run.url as string);
    expect(await serverOffset(run.url as string)).toBeGreaterThan(0);
    await storage.deleteUpload(id);
    expect(await storage.stat(`originals/${id}`)).toBeNull();
    expect(await backend.leftovers()).toEqual([]);
    const res = await fetch(run.url as string, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
    expect(res.status).toBe(404);
  });

  it.runIf(kind === 'local')('a 200 MB upload streams through with flat memory', async () => {
    const bigFile = path.join(work, 'big.mp4');
    const bigSize = 200 * MiB;
    const bigSha = await randomFile(bigFile, bigSize);
    const before = process.memoryUsage.rss();
    let peak = before;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage.rss());
    };
    const timer = setInterval(sample, 20);
    const started = performance.now();
    const run = await upload(server.endpoint, bigFile, { onProgress: sample }).finally(() =>
      clearInterval(timer),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(run.error).toBeUndefined();
    const id = idOf(run.url as string);
    const growthMiB = (peak - before) / MiB;
    console.info(
      `tus 200 MiB local upload: ${seconds.toFixed(1)} s, RSS ${(before / MiB).toFixed(0)} → peak ` +
        `${(peak / MiB).toFixed(0)} MiB (+${growthMiB.toFixed(1)} MiB)`,
    );
    expect(growthMiB).toBeLessThan(100);
    expect(await sha256Of(await storage.read(`originals/${id}`))).toBe(bigSha);
    await storage.deleteUpload(id);
    await storage.delete(`originals/${id}`);
    await fs.rm(bigFile);
    expect(await backend.leftovers()).toEqual([]);
  });
});
