/**
 * Upload benchmark: a file of random bytes (2 GB; 1 GB when the disk has under 10 GB free) through tus on
 * loopback to the real server (tus-js-client in this process, as the browser would), against `cp` of the same
 * bytes to another file on the same disk. The server's RSS is sampled every 200 ms from /proc.
 * BENCH_UPLOAD_CHUNKS_MB picks the clients to try (default "curl,64,8"): `curl` sends the whole file in one tus
 * PATCH from curl (a native HTTP stack, as a browser has), a number is tus-js-client in Node with PATCHes of that
 * many MiB (64: the brief's; 8: the web client's). BENCH_UPLOAD_GB overrides the size.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import * as tus from 'tus-js-client';
import {
  execFileP,
  loadAvg,
  round,
  rssMiB,
  sampleRss,
  signIn,
  startNode,
  startServer,
  writeResult,
} from './lib.js';

const PORT = 3192;
const SINK_PORT = 3195;
const TARGET = { rssGrowthMaxMiB: 150, minFractionOfCp: 0.5 };
const GB = 1e9;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function makeRandomFile(file: string, bytes: number) {
  const fd = fs.openSync(file, 'w');
  const block = 16 * 1024 * 1024;
  for (let done = 0; done < bytes; done += block)
    fs.writeSync(fd, randomBytes(Math.min(block, bytes - done)));
  fs.closeSync(fd);
}

/** cp of the file to a sibling: seconds of the cp alone, and until `sync` has put it on the disk. */
async function timeCp(file: string): Promise<{ cp: number; cpSync: number }> {
  const copy = `${file}.copy`;
  const t0 = performance.now();
  await execFileP('cp', [file, copy]);
  const cp = (performance.now() - t0) / 1000;
  await execFileP('sync', []);
  const cpSync = (performance.now() - t0) / 1000;
  fs.rmSync(copy);
  await execFileP('sync', []);
  return { cp: round(cp, 3), cpSync: round(cpSync, 3) };
}

/** Uploads with tus-js-client to `endpoint` (default: the app's); resolves with the Amongi-Video-Id. */
export function tusUpload(
  base: string,
  headers: Record<string, string>,
  file: string,
  chunkSize: number,
  endpoint = `${base}/api/v1/uploads`,
) {
  return new Promise<string>((resolve, reject) => {
    let videoId = '';
    const up = new tus.Upload(fs.createReadStream(file), {
      endpoint,
      uploadSize: fs.statSync(file).size,
      headers,
      chunkSize,
      retryDelays: [],
      metadata: { filename: 'stor-fil.mp4', title: 'Upload-benchmark' },
      onAfterResponse: (_req, res) => {
        videoId ||= res.getHeader('Amongi-Video-Id') ?? '';
      },
      onSuccess: () => resolve(videoId),
      onError: reject,
    });
    up.start();
  });
}

/** Creates the upload with a tus POST, then sends the whole file in one PATCH with curl; resolves with the video id. */
async function curlUpload(base: string, headers: Record<string, string>, file: string) {
  const size = fs.statSync(file).size;
  const meta = (k: string, v: string) => `${k} ${Buffer.from(v).toString('base64')}`;
  const created = await fetch(`${base}/api/v1/uploads`, {
    method: 'POST',
    headers: {
      ...headers,
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(size),
      'Upload-Metadata': `${meta('filename', 'stor-fil.mp4')},${meta('title', 'Upload-benchmark')}`,
    },
  });
  const location = created.headers.get('location');
  const videoId = created.headers.get('amongi-video-id');
  if (created.status !== 201 || !location || !videoId) throw new Error(`tus POST ${created.status}`);
  const args = ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-X', 'PATCH', '-T', file];
  const patchHeaders: Record<string, string> = {
    ...headers,
    'Tus-Resumable': '1.0.0',
    'Upload-Offset': '0',
    'Content-Type': 'application/offset+octet-stream',
    Expect: '',
  };
  for (const [k, v] of Object.entries(patchHeaders)) args.push('-H', `${k}: ${v}`);
  const stdout = await execFileP('curl', [...args, new URL(location, base).toString()]);
  if (stdout.trim() !== '204') throw new Error(`tus PATCH ${stdout}`);
  return videoId;
}

/**
 * The server's RSS once start-up (migrations, demo seed, PGlite) has settled: the lowest of a 2 s window
 * whose samples stay within 8 MiB (start-up can leave ~350 MiB that is given back some seconds later).
 */
async function settledRss(pid: number): Promise<number> {
  for (let tries = 0; tries < 30; tries++) {
    const samples: number[] = [];
    for (let i = 0; i < 10; i++, await sleep(200)) samples.push(rssMiB(pid) ?? 0);
    if (Math.max(...samples) - Math.min(...samples) < 8) return Math.min(...samples);
  }
  throw new Error('the server RSS did not settle within a minute');
}

function rawPut(url: string, file: string) {
  return new Promise<void>((resolve, reject) => {
    const size = String(fs.statSync(file).size);
    const req = http.request(url, { method: 'PUT', headers: { 'content-length': size } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 204 ? resolve() : reject(new Error(`PUT ${res.statusCode}`))));
    });
    req.on('error', reject);
    fs.createReadStream(file).pipe(req);
  });
}

/** Plain Node HTTP into a file (Node and curl clients), and a bare @tus/server (bench/upload-sinks.ts): where the time goes. */
async function ceilings(file: string, bytes: number, work: string) {
  const dir = path.join(work, 'sinks');
  const sinks = await startNode(['bench/upload-sinks.ts', dir, String(SINK_PORT)], {}, (o) =>
    o.includes('ready'),
  );
  const base = `http://127.0.0.1:${SINK_PORT}`;
  const mbPerSec = async (send: () => Promise<unknown>) => {
    const t0 = performance.now();
    await send();
    const s = (performance.now() - t0) / 1000;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'tus'), { recursive: true });
    await execFileP('sync', []);
    return round(bytes / 1e6 / s, 1);
  };
  try {
    return {
      rawHttpMbPerSec: await mbPerSec(() => rawPut(`${base}/raw`, file)),
      // The same plain sink with curl as the client: what the app's curl run is to be compared with.
      rawHttpCurlMbPerSec: await mbPerSec(async () => {
        const code = await execFileP('curl', [
          '-s',
          '-o',
          '/dev/null',
          '-w',
          '%{http_code}',
          '-H',
          'Expect:',
          '-T',
          file,
          `${base}/raw`,
        ]);
        if (code.trim() !== '204') throw new Error(`PUT ${code}`);
      }),
      bareTus64MiBMbPerSec: await mbPerSec(() => tusUpload(base, {}, file, 64 * 1024 * 1024, `${base}/tus`)),
    };
  } finally {
    sinks.kill('SIGTERM');
  }
}

async function uploadOnce(file: string, bytes: number, client: 'curl' | number) {
  const server = await startServer(PORT);
  try {
    const headers = await signIn(server.base, 'medarbejder@demo.amongi.dk');
    const before = await settledRss(server.pid);
    const during = sampleRss(server.pid);
    const load0 = loadAvg();
    const t0 = performance.now();
    const videoId =
      client === 'curl'
        ? await curlUpload(server.base, headers, file)
        : await tusUpload(server.base, headers, file, client * 1024 * 1024);
    const seconds = (performance.now() - t0) / 1000;
    // Until the bytes are on the disk, as `cp` + `sync` measures them: the durable comparison.
    await execFileP('sync', []);
    const secondsWithSync = (performance.now() - t0) / 1000;
    const peak = during.stop();
    const after = sampleRss(server.pid);
    await sleep(3000); // the probe step starts on the upload and fails: random bytes are no video
    const afterPeak = after.stop().peakMiB;
    const stored = fs.statSync(path.join(server.dataDir, 'media', 'originals', videoId)).size;
    if (stored !== bytes) throw new Error(`stored ${stored} bytes of ${bytes}`);
    const res = await fetch(`${server.base}/api/v1/videos/${videoId}`, { headers });
    const { status, failure } = (await res.json()) as { status: string; failure: { code: string } | null };
    return {
      client: client === 'curl' ? 'curl, one PATCH' : `tus-js-client, ${client} MiB PATCHes`,
      seconds: round(seconds),
      mbPerSec: round(bytes / 1e6 / seconds, 1),
      mbPerSecWithSync: round(bytes / 1e6 / secondsWithSync, 1),
      rssBeforeMiB: round(before, 1),
      rssPeakMiB: round(peak.peakMiB, 1),
      rssGrowthMiB: round(peak.peakMiB - before, 1),
      rssLowestDuringUploadMiB: round(peak.minMiB, 1),
      rssPeakAfterUploadMiB: round(afterPeak, 1),
      rssSamples: peak.samples,
      videoStatusAfter: `${status}${failure ? ` (${failure.code})` : ''}`,
      loadAverage: { before: load0, after: loadAvg() },
    };
  } finally {
    await server.stop();
  }
}

export async function uploadBench() {
  const loadBefore = loadAvg();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-upload-'));
  const st = fs.statfsSync(work);
  const freeGB = (st.bavail * st.bsize) / GB;
  const bytes = Number(process.env.BENCH_UPLOAD_GB ?? (freeGB < 10 ? 1 : 2)) * GB;
  const clients = (process.env.BENCH_UPLOAD_CHUNKS_MB ?? 'curl,64,8')
    .split(',')
    .map((c) => (c === 'curl' ? ('curl' as const) : Number(c)));
  const file = path.join(work, 'random.bin');
  try {
    await makeRandomFile(file, bytes);
    await execFileP('sync', []);
    const cpBefore = await timeCp(file);
    const runs = [];
    for (const client of clients) {
      const run = await uploadOnce(file, bytes, client);
      await execFileP('sync', []);
      runs.push(run);
      console.log(
        `upload (${run.client}): ${run.mbPerSec} MB/s (with sync ${run.mbPerSecWithSync}), RSS +${run.rssGrowthMiB} MiB`,
      );
    }
    const ceiling = await ceilings(file, bytes, work);
    console.log(`ceilings: ${JSON.stringify(ceiling)}`);
    const cpAfter = await timeCp(file);
    const cpSeconds = Math.min(cpBefore.cp, cpAfter.cp);
    const cpMbPerSec = round(bytes / 1e6 / cpSeconds, 1);
    const cpSyncMbPerSec = round(bytes / 1e6 / Math.min(cpBefore.cpSync, cpAfter.cpSync), 1);
    console.log(`cp: ${cpMbPerSec} MB/s; cp + sync: ${cpSyncMbPerSec} MB/s`);
    await writeResult('upload', loadBefore, {
      target: TARGET,
      bytes,
      diskFreeGB: round(freeGB, 1),
      ceilings: ceiling,
      cp: { before: cpBefore, after: cpAfter, mbPerSec: cpMbPerSec, withSyncMbPerSec: cpSyncMbPerSec },
      runs: runs.map((r) => {
        const fractionOfCp = round(r.mbPerSec / cpMbPerSec, 3);
        // Upload + sync against cp + sync: both until the bytes are written to the disk.
        const fractionOfCpDurable = round(r.mbPerSecWithSync / cpSyncMbPerSec, 3);
        const rssOk = r.rssGrowthMiB < TARGET.rssGrowthMaxMiB;
        return {
          ...r,
          fractionOfCp,
          fractionOfCpDurable,
          meetsTarget: rssOk && fractionOfCp >= TARGET.minFractionOfCp,
          meetsTargetDurable: rssOk && fractionOfCpDurable >= TARGET.minFractionOfCp,
        };
      }),
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
