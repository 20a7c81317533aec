/**
 * Segment serving benchmark: the real server serving HLS segments of a ready video from their signed URLs,
 * against a bare @fastify/static route and a bare FileHandle-streaming route (bench/static-server.ts) over
 * the same files, in one run. 50 connections, BENCH_SECONDS (10) per run after a 5 s warm-up of each; runs
 * in the order A B C C B A.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeVideo } from '../src/server/testing/videos.js';
import { type LoadResult, load, loadAvg, round, signIn, startNode, startServer, writeResult } from './lib.js';
import { tusUpload } from './upload.js';

const REAL_PORT = 3193;
const BARE_PORT = 3194;
const CONNECTIONS = 50;
const WARM_UP_SECONDS = 5;
const SEGMENTS = ['360p/seg_00000.ts', '720p/seg_00000.ts'];
const TARGET = { ratio: 0.7 };

/** Two runs of one target as one: mean rates, the worse p99, all errors. */
const both = (a: LoadResult, b: LoadResult): LoadResult => ({
  reqPerSec: round((a.reqPerSec + b.reqPerSec) / 2, 1),
  mbPerSec: round((a.mbPerSec + b.mbPerSec) / 2, 1),
  p50Ms: round((a.p50Ms + b.p50Ms) / 2, 1),
  p99Ms: Math.max(a.p99Ms, b.p99Ms),
  errors: a.errors + b.errors,
});

interface VideoView {
  status: string;
  playlistUrl: string | null;
  failure: { code: string } | null;
}

async function waitUntilReady(base: string, id: string, headers: Record<string, string>): Promise<string> {
  const until = Date.now() + 5 * 60_000;
  while (Date.now() < until) {
    const v = (await (await fetch(`${base}/api/v1/videos/${id}`, { headers })).json()) as VideoView;
    if (v.status === 'ready' && v.playlistUrl) return v.playlistUrl;
    if (v.status === 'failed') throw new Error(`processing failed: ${v.failure?.code}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the video was not ready within 5 minutes');
}

export async function segmentsBench() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const loadBefore = loadAvg();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-segments-'));
  const server = await startServer(REAL_PORT);
  let bare: Awaited<ReturnType<typeof startNode>> | undefined;
  try {
    const headers = await signIn(server.base, 'medarbejder@demo.amongi.dk');
    const clip = await makeVideo(work, { seconds: 12, width: 1280, height: 720, noise: true });
    const id = await tusUpload(server.base, headers, clip, 8 * 1024 * 1024);
    const t0 = performance.now();
    const master = new URL(await waitUntilReady(server.base, id, headers), server.base);
    const processingSeconds = round((performance.now() - t0) / 1000, 1);
    const hlsDir = path.join(server.dataDir, 'media', 'videos', id, 'hls');
    bare = await startNode(['bench/static-server.ts', hlsDir, String(BARE_PORT)], {}, (o) =>
      o.includes('ready'),
    );

    const results = [];
    for (const seg of SEGMENTS) {
      const urls = {
        real: new URL(seg, master).href,
        static: `http://127.0.0.1:${BARE_PORT}/hls/${seg}`,
        handle: `http://127.0.0.1:${BARE_PORT}/raw/${seg}`,
      };
      const bytes = fs.statSync(path.join(hlsDir, seg)).size;
      for (const url of Object.values(urls)) {
        const res = await fetch(url);
        const got = (await res.arrayBuffer()).byteLength;
        if (!res.ok || got !== bytes) throw new Error(`${url}: ${res.status}, ${got} of ${bytes} bytes`);
      }
      const opts = { connections: CONNECTIONS, seconds };
      for (const url of Object.values(urls)) await load(url, { ...opts, seconds: WARM_UP_SECONDS });
      // A B C C B A: a change of load on the machine during the run weighs on every side alike.
      const order = ['real', 'static', 'handle', 'handle', 'static', 'real'] as const;
      const runs: Record<(typeof order)[number], LoadResult[]> = { real: [], static: [], handle: [] };
      for (const k of order) runs[k].push(await load(urls[k], opts));
      const [real, bareStatic, bareHandle] = [runs.real, runs.static, runs.handle].map(([a, b]) =>
        both(a, b),
      );
      const ratio = round(real.reqPerSec / bareStatic.reqPerSec, 3);
      results.push({
        segment: seg,
        bytes,
        real,
        bare: bareStatic,
        bareFileHandle: bareHandle,
        ratio,
        ratioToFileHandle: round(real.reqPerSec / bareHandle.reqPerSec, 3),
        runs,
        loadAverage: loadAvg(),
        meetsTarget: ratio >= TARGET.ratio && real.errors === 0,
      });
      const show = (r: LoadResult) => `${r.reqPerSec.toFixed(0)} req/s ${r.mbPerSec} MB/s p99 ${r.p99Ms} ms`;
      console.log(
        `${seg} (${bytes} B): app ${show(real)}; @fastify/static ${show(bareStatic)}; FileHandle route ${show(bareHandle)} → ${ratio}`,
      );
    }
    await writeResult('segments', loadBefore, {
      connections: CONNECTIONS,
      durationSeconds: seconds,
      warmUpSeconds: WARM_UP_SECONDS,
      target: TARGET,
      clip: { seconds: 12, width: 1280, height: 720, noise: true, processingSeconds },
      results,
    });
  } finally {
    bare?.kill('SIGTERM');
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
