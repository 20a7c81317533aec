/**
 * Video benchmark. (1) A 60 s 1080p30 noisy H.264+AAC source through the pipeline's own code (transcodeToHls,
 * makePoster, makeSprite, as src/server/modules/videos/pipeline.ts calls them) against the very same ffmpeg
 * argv run directly with execFile; ABBA order over BENCH_VIDEO_ROUNDS (2) rounds. (2) The remux fast path: a
 * conforming 60 s 1080p H.264 main/AAC source; the copy of the top rung alone, and transcodeToHls with the
 * fast path on and off. Wall time via performance.now(); peak RSS of every ffmpeg via /usr/bin/time -v.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canRemux, hlsArgs, planLadder, probe, resolveMedia } from '../src/server/media/index.js';
import { makeVideo } from '../src/server/testing/videos.js';
import { loadAvg, round, writeResult } from './lib.js';
import {
  directRun,
  makeRemuxSource,
  max,
  pipelineRun,
  type Run,
  roundTimes,
  seconds,
  timeCommand,
} from './video-runs.js';

const TARGET = { overheadMax: 0.1, remuxMinRealtime: 20 };
const cpuTotal = (runs: Run[]) => runs.reduce((s, r) => s + r.cpuSeconds.ffmpeg + r.cpuSeconds.node, 0);
const sum = (runs: Run[], key: 'hlsSeconds' | 'totalSeconds') => runs.reduce((s, r) => s + r[key], 0);

export async function videoBench() {
  const rounds = Number(process.env.BENCH_VIDEO_ROUNDS ?? 2);
  const secs = Number(process.env.BENCH_VIDEO_SECONDS ?? 60); // shorter only to try the script out
  const loadBefore = loadAvg();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-video-'));
  const media = await resolveMedia();
  try {
    let t0 = performance.now();
    const src = await makeVideo(work, { seconds: secs, width: 1920, height: 1080, fps: 30, noise: true });
    console.log(`noisy source made in ${seconds(t0).toFixed(0)} s`);
    t0 = performance.now();
    const p = await probe(src);
    const probeSeconds = seconds(t0);
    const source = { ...p, bytes: fs.statSync(src).size, canRemux: canRemux(p) };
    const runs: Run[] = [];
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 === 0 ? (['direct', 'pipeline'] as const) : (['pipeline', 'direct'] as const);
      for (const how of order) {
        const dir = path.join(work, `${how}-${i}`);
        const run =
          how === 'direct'
            ? await directRun(src, dir, p, media)
            : await pipelineRun(src, dir, p, media, true);
        runs.push(run);
        console.log(
          `${how}: hls ${run.hlsSeconds.toFixed(1)} s, total ${run.totalSeconds.toFixed(1)} s, rss ${JSON.stringify(run.peakRssMiB)}, cpu ${JSON.stringify(run.cpuSeconds)}, load ${run.loadAverage[0]}`,
        );
      }
    }
    const direct = runs.filter((r) => r.how === 'direct');
    const pipe = runs.filter((r) => r.how === 'pipeline');
    const overhead = round(sum(pipe, 'totalSeconds') / sum(direct, 'totalSeconds') - 1, 3);
    const transcode = {
      durationSeconds: p.durationSeconds,
      probeSeconds: round(probeSeconds),
      runs: runs.map((r) => ({ ...roundTimes(r), xRealtime: round(p.durationSeconds / r.totalSeconds, 3) })),
      pipelineXRealtime: round((p.durationSeconds * pipe.length) / sum(pipe, 'totalSeconds'), 3),
      directXRealtime: round((p.durationSeconds * direct.length) / sum(direct, 'totalSeconds'), 3),
      hlsOverhead: round(sum(pipe, 'hlsSeconds') / sum(direct, 'hlsSeconds') - 1, 3),
      overhead,
      /** The same comparison in CPU seconds (ffmpeg + this process), which other load on the machine disturbs less. */
      cpuOverhead: round(cpuTotal(pipe) / cpuTotal(direct) - 1, 3),
      meetsTarget: overhead <= TARGET.overheadMax,
    };
    console.log(
      `transcode: overhead ${(overhead * 100).toFixed(1)} % (CPU ${transcode.cpuOverhead * 100} %)`,
    );

    const rsrc = await makeRemuxSource(work, secs);
    const rp = await probe(rsrc);
    if (!canRemux(rp)) throw new Error(`remux source not accepted: ${JSON.stringify(rp)}`);
    const top = planLadder(rp, { remuxTop: true }).slice(-1);
    const copies = [];
    for (let i = 0; i < 3; i++) {
      const outDir = path.join(work, `copy-${i}`);
      fs.mkdirSync(path.join(outDir, top[0].name), { recursive: true });
      const args = hlsArgs({
        input: rsrc,
        outDir,
        rungs: top,
        probe: rp,
        remuxTop: true,
        ffmpegVersion: media.version,
      });
      copies.push(await timeCommand(media.ffmpeg, args));
      fs.rmSync(outDir, { recursive: true, force: true });
    }
    const copySeconds = copies.map((c) => c.wallSeconds).sort((a, b) => a - b)[1];
    const on = await pipelineRun(rsrc, path.join(work, 'remux-on'), rp, media, true);
    const off = await pipelineRun(rsrc, path.join(work, 'remux-off'), rp, media, false);
    const remux = {
      source: {
        bytes: fs.statSync(rsrc).size,
        videoBitRate: rp.videoBitRate,
        profile: rp.profile,
        width: rp.width,
        height: rp.height,
      },
      topRungCopy: {
        runsSeconds: copies.map((c) => round(c.wallSeconds, 3)),
        medianSeconds: round(copySeconds, 3),
        xRealtime: round(rp.durationSeconds / copySeconds, 1),
        peakRssMiB: max(copies.flatMap((c) => c.procs.map((x) => x.rssMiB))),
        meetsTarget: rp.durationSeconds / copySeconds >= TARGET.remuxMinRealtime,
      },
      transcodeToHlsRemuxOn: { ...roundTimes(on), xRealtime: round(rp.durationSeconds / on.hlsSeconds, 3) },
      transcodeToHlsRemuxOff: {
        ...roundTimes(off),
        xRealtime: round(rp.durationSeconds / off.hlsSeconds, 3),
      },
    };
    console.log(
      `remux: top rung copy ${remux.topRungCopy.xRealtime}× realtime; ladder on ${on.hlsSeconds.toFixed(1)} s / off ${off.hlsSeconds.toFixed(1)} s`,
    );
    await writeResult('video', loadBefore, { target: TARGET, source, transcode, remux });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
