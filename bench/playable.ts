/**
 * Issue 21 item 1: how soon an upload plays. Through the real server (`startServer`, worker in the same
 * process, as `npm start` runs it): tus upload of a phone-like 1080p30 H.264 main/AAC recording (remux fast path)
 * and of a 1080p HEVC one (must be transcoded); from the end of the upload, the time until the video is ready
 * (plays from its first rendition) and until the renditions step is done (every rung, poster, sprite). Baseline
 * in the same run: the same ffmpeg argv run directly (no nice, no thread bound) — the first rendition, the
 * other rungs, poster, sprite — and the single-run ladder of before (every rung in one ffmpeg). And the web's
 * share: p99 of `/api/v1/me` and search at 10 connections while idle and while the worker transcodes.
 * BENCH_PLAYABLE_SECONDS (120): length of the sources; the 45-minute case scales linearly (see README).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  canRemux,
  hlsArgs,
  planLadder,
  posterArgs,
  probe,
  renditionOrder,
  resolveMedia,
  spriteArgs,
  spritePlan,
} from '../src/server/media/index.js';
import type { ProbeResult } from '../src/server/media/probe-result.js';
import { tusUpload } from '../src/server/testing/upload.js';
import { makeVideo } from '../src/server/testing/videos.js';
import { execFileP, type LoadResult, load, loadAvg, round, signIn, startServer, writeResult } from './lib.js';
import { makeRemuxSource, seconds, timeCommand } from './video-runs.js';

const TARGET = { remuxFirstPlayableSeconds: 10, transcodeFirstPlayableSeconds: 60, ladderVsRawMax: 1.1 };
const PORT = Number(process.env.BENCH_PLAYABLE_PORT ?? 3451);

/** The same argv the pipeline runs, straight from execFile: first rendition, the rest, poster, sprite, old ladder. */
async function rawRuns(input: string, p: ProbeResult, dir: string) {
  const media = await resolveMedia();
  const plan = planLadder(p, { remuxTop: canRemux(p) });
  const { first, rest } = renditionOrder(plan);
  const run = async (name: string, rungs: typeof plan) => {
    const out = path.join(dir, name);
    for (const r of rungs) fs.mkdirSync(path.join(out, r.name), { recursive: true });
    const remuxTop = rungs.at(-1)?.copy === true;
    const t = await timeCommand(
      media.ffmpeg,
      hlsArgs({ input, outDir: out, rungs, probe: p, remuxTop, ffmpegVersion: media.version }),
    );
    fs.rmSync(out, { recursive: true, force: true });
    return t;
  };
  const firstRun = await run('first', [first]);
  const restRun = rest.length ? await run('rest', rest) : { wallSeconds: 0, procs: [] };
  const poster = await timeCommand(media.ffmpeg, posterArgs(input, path.join(dir, 'p.jpg'), p));
  const sprite = await timeCommand(
    media.ffmpeg,
    spriteArgs(input, path.join(dir, 's.jpg'), spritePlan(p.durationSeconds, p), p),
  );
  const oneRun = await run('ladder', plan);
  const cpu = (ts: { procs: { cpuSeconds: number }[] }[]) =>
    round(
      ts.flatMap((t) => t.procs).reduce((s, x) => s + x.cpuSeconds, 0),
      1,
    );
  return {
    rungs: plan.map((r) => r.name + (r.copy ? ' (copy)' : '')),
    firstSeconds: round(firstRun.wallSeconds),
    restSeconds: round(restRun.wallSeconds),
    posterSeconds: round(poster.wallSeconds),
    spriteSeconds: round(sprite.wallSeconds),
    /** first + rest + poster + sprite: what the pipeline runs, back to back. */
    allSeconds: round(firstRun.wallSeconds + restRun.wallSeconds + poster.wallSeconds + sprite.wallSeconds),
    allCpuSeconds: cpu([firstRun, restRun, poster, sprite]),
    /** Before issue 21: every rung in one run, then poster and sprite (nothing plays until all is done). */
    singleRunLadderSeconds: round(oneRun.wallSeconds + poster.wallSeconds + sprite.wallSeconds),
    singleRunCpuSeconds: cpu([oneRun, poster, sprite]),
  };
}

async function makeMpeg4Source(dir: string, secs: number): Promise<string> {
  const out = path.join(dir, 'mpeg4-1080p.mp4');
  await execFileP('ffmpeg', [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=30:duration=${secs}`],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${secs}`],
    ...['-c:v', 'mpeg4', '-q:v', '4', '-c:a', 'aac', '-b:a', '128k', out],
  ]);
  return out;
}

type Video = { status: string; renditions: { done: string[]; coming: string[] } | null };

async function webLoad(base: string, cookie: string, secs: number) {
  const headers = { cookie };
  const me = await load(`${base}/api/v1/me`, { connections: 10, seconds: secs, headers });
  const search = await load(`${base}/api/v1/videos?q=matematik`, { connections: 10, seconds: secs, headers });
  return { me, search };
}
const brief = (r: LoadResult) => ({
  reqPerSec: round(r.reqPerSec),
  p50Ms: r.p50Ms,
  p99Ms: r.p99Ms,
  errors: r.errors,
});

export async function playableBench() {
  const secs = Number(process.env.BENCH_PLAYABLE_SECONDS ?? 120);
  const loadSecs = Number(process.env.BENCH_SECONDS ?? 10);
  const loadBefore = loadAvg();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-playable-'));
  const server = await startServer(PORT);
  try {
    let t0 = performance.now();
    const phone = await makeRemuxSource(work, secs);
    // A source that must be transcoded: HEVC (iPhone default), or with BENCH_PLAYABLE_CODEC=mpeg4 an MPEG-4 Part 2
    // file (old cameras), which is far quicker to generate on a busy machine and cheaper to decode than HEVC.
    const hevc =
      process.env.BENCH_PLAYABLE_CODEC === 'mpeg4'
        ? await makeMpeg4Source(work, secs)
        : await makeVideo(work, {
            ...{
              name: 'hevc-1080p',
              seconds: secs,
              width: 1920,
              height: 1080,
              codec: 'hevc',
              bitrate: '3000k',
            },
          });
    console.log(`sources made in ${seconds(t0).toFixed(0)} s`);
    const auth = await signIn(server.base, 'medarbejder@demo.amongi.dk');
    const cookie = auth.cookie as string;
    const idle = await webLoad(server.base, cookie, loadSecs);
    console.log(`idle: /me p99 ${idle.me.p99Ms} ms, search p99 ${idle.search.p99Ms} ms`);

    const results: Record<string, unknown> = {};
    for (const [name, file] of [
      ['phoneH264', phone],
      [process.env.BENCH_PLAYABLE_CODEC === 'mpeg4' ? 'mpeg4' : 'hevc', hevc],
    ] as const) {
      const p = await probe(file);
      t0 = performance.now();
      const { videoId } = await tusUpload(server.base, auth, file, { chunkSize: 64 * 1024 * 1024 });
      const uploadSeconds = seconds(t0);
      const end = performance.now();
      let playable: number | null = null;
      let during: Awaited<ReturnType<typeof webLoad>> | null = null;
      let loadRun: Promise<void> | null = null;
      for (;;) {
        const v = (await (
          await fetch(`${server.base}/api/v1/videos/${videoId}`, { headers: { cookie } })
        ).json()) as Video;
        if (v.status === 'failed') throw new Error(`${name} failed`);
        if (v.status === 'ready' && playable === null) {
          playable = seconds(end);
          console.log(
            `${name}: playable ${playable.toFixed(1)} s after the upload (${JSON.stringify(v.renditions)})`,
          );
          // The web while the worker makes the other rungs (on the same machine, in the same process).
          if (v.renditions)
            loadRun = webLoad(server.base, cookie, loadSecs).then((r) => {
              during = r;
            });
        }
        if (v.status === 'ready' && !v.renditions) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const complete = seconds(end);
      await loadRun;
      console.log(`${name}: complete ${complete.toFixed(1)} s after the upload; raw ffmpeg next`);
      const raw = await rawRuns(file, p, work);
      const d = during as Awaited<ReturnType<typeof webLoad>> | null;
      results[name] = {
        source: {
          seconds: p.durationSeconds,
          codec: p.videoCodec,
          bytes: fs.statSync(file).size,
          canRemux: canRemux(p),
        },
        uploadSeconds: round(uploadSeconds),
        firstPlayableSeconds: round(playable ?? complete),
        completeSeconds: round(complete),
        firstPlayableXRealtime: round(p.durationSeconds / (playable ?? complete), 1),
        raw,
        /** The whole ladder through the pipeline vs the same commands run directly. */
        ladderVsRaw: round(complete / raw.allSeconds, 3),
        ladderVsSingleRun: round(complete / raw.singleRunLadderSeconds, 3),
        webDuringTranscode: d && { me: brief(d.me), search: brief(d.search) },
        webP99Ratio: d && {
          me: round(d.me.p99Ms / Math.max(1, idle.me.p99Ms), 2),
          search: round(d.search.p99Ms / Math.max(1, idle.search.p99Ms), 2),
        },
      };
      console.log(JSON.stringify(results[name]));
    }
    await writeResult('playable', loadBefore, {
      target: TARGET,
      secondsOfVideo: secs,
      ffmpegNiceThreads: {
        nice: process.env.AMONGI_FFMPEG_NICE ?? '10',
        threads: process.env.AMONGI_FFMPEG_THREADS ?? 'cores',
      },
      webIdle: { me: brief(idle.me), search: brief(idle.search) },
      ...results,
    });
  } finally {
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// `npx tsx bench/playable.ts` runs it alone (also `npm run bench -- playable`).
if (import.meta.url === `file://${process.argv[1]}`)
  playableBench().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
