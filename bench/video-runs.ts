/** The ffmpeg runs the video benchmark compares: the pipeline's code, and the same argv run directly. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  hlsArgs,
  type MediaBinaries,
  makePoster,
  makeSprite,
  type ProbeResult,
  planLadder,
  posterArgs,
  spriteArgs,
  spritePlan,
  transcodeToHls,
} from '../src/server/media/index.js';
import { execFileP, loadAvg, round } from './lib.js';

/** What `/usr/bin/time -v` reports of one process: peak RSS (MiB) and CPU time (user + system, s). */
export interface ProcStats {
  rssMiB: number;
  cpuSeconds: number;
}

export interface Timed {
  wallSeconds: number;
  procs: ProcStats[];
}

/** Every process that `/usr/bin/time -v -o file` reported on, in order. */
export function readTimeLog(file: string): ProcStats[] {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  return text
    .split('Command being timed')
    .slice(1)
    .map((block) => {
      const num = (label: string) => Number(new RegExp(`${label}: ([\\d.]+)`).exec(block)?.[1] ?? 0);
      return {
        rssMiB: Math.round(num('Maximum resident set size \\(kbytes\\)') / 1024),
        cpuSeconds: num('User time \\(seconds\\)') + num('System time \\(seconds\\)'),
      };
    });
}

/** Runs a command under `/usr/bin/time -v` (execFile, nothing else around it): wall time, RSS, CPU. */
export async function timeCommand(file: string, args: string[]): Promise<Timed> {
  const log = path.join(os.tmpdir(), `bench-time-${process.pid}-${Date.now()}.txt`);
  const t0 = performance.now();
  await execFileP('/usr/bin/time', ['-v', '-o', log, file, ...args]);
  const wallSeconds = (performance.now() - t0) / 1000;
  const procs = readTimeLog(log);
  fs.rmSync(log, { force: true });
  return { wallSeconds, procs };
}

export const seconds = (t0: number) => (performance.now() - t0) / 1000;
export const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
const peak = (ps: ProcStats[]) => max(ps.map((x) => x.rssMiB));
const cpu = (ps: ProcStats[]) => ps.reduce((sum, x) => sum + x.cpuSeconds, 0);
/** CPU seconds this Node process used since `from` (process.cpuUsage(): all its threads). */
const nodeCpu = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
};

export interface Run {
  how: 'pipeline' | 'direct';
  hlsSeconds: number;
  posterSeconds: number;
  spriteSeconds: number;
  totalSeconds: number;
  peakRssMiB: { hls: number; poster: number; sprite: number };
  /** CPU time of the ffmpeg processes, and of this Node process meanwhile (the pipeline's own work). */
  cpuSeconds: { ffmpeg: number; node: number };
  remuxed?: boolean;
  loadAverage: number[];
}

/** transcodeToHls + makePoster + makeSprite, as the pipeline calls them; ffmpeg wrapped in /usr/bin/time. */
export async function pipelineRun(
  input: string,
  dir: string,
  p: ProbeResult,
  media: MediaBinaries,
  remux: boolean,
) {
  fs.mkdirSync(dir, { recursive: true });
  const wrapper = path.join(dir, 'ffmpeg-timed.sh');
  const log = path.join(dir, 'time.log');
  fs.writeFileSync(wrapper, `#!/bin/sh\nexec /usr/bin/time -v -a -o '${log}' '${media.ffmpeg}' "$@"\n`, {
    mode: 0o755,
  });
  const timed: MediaBinaries = { ...media, ffmpeg: wrapper };
  const { signal } = new AbortController();
  let progress = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const hls = await transcodeToHls({
    input,
    outDir: path.join(dir, 'hls'),
    probe: p,
    signal,
    media: timed,
    remux,
    onProgress: (f) => (progress = 0.02 + f * 0.85),
  });
  const hlsSeconds = seconds(t0);
  const hlsRss = readTimeLog(log);
  const t1 = performance.now();
  await makePoster({ input, out: path.join(dir, 'poster.jpg'), probe: p, signal, media: timed });
  const posterSeconds = seconds(t1);
  const posterRss = readTimeLog(log).slice(hlsRss.length);
  const t2 = performance.now();
  await makeSprite({ input, outDir: dir, probe: p, signal, media: timed });
  const spriteSeconds = seconds(t2);
  const spriteRss = readTimeLog(log).slice(hlsRss.length + posterRss.length);
  const totalSeconds = seconds(t0);
  const node = nodeCpu(cpu0);
  const ffmpegCpu = cpu(readTimeLog(log));
  if (progress < 0.87) throw new Error(`progress stopped at ${progress}`);
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    how: 'pipeline',
    hlsSeconds,
    posterSeconds,
    spriteSeconds,
    totalSeconds,
    peakRssMiB: { hls: peak(hlsRss), poster: peak(posterRss), sprite: peak(spriteRss) },
    cpuSeconds: { ffmpeg: round(ffmpegCpu), node: round(node) },
    remuxed: hls.remuxed,
    loadAverage: loadAvg(),
  } satisfies Run;
}

/** The same three ffmpeg commands (argv from hlsArgs/posterArgs/spriteArgs), run with execFile directly. */
export async function directRun(input: string, dir: string, p: ProbeResult, media: MediaBinaries) {
  const rungs = planLadder(p, { remuxTop: false });
  for (const r of rungs) fs.mkdirSync(path.join(dir, 'hls', r.name), { recursive: true });
  const ffmpegVersion = media.version;
  const cpu0 = process.cpuUsage();
  const hls = await timeCommand(
    media.ffmpeg,
    hlsArgs({ input, outDir: path.join(dir, 'hls'), rungs, probe: p, remuxTop: false, ffmpegVersion }),
  );
  const poster = await timeCommand(media.ffmpeg, posterArgs(input, path.join(dir, 'poster.jpg'), p));
  const plan = spritePlan(p.durationSeconds, p);
  const sprite = await timeCommand(media.ffmpeg, spriteArgs(input, path.join(dir, 'sprite.jpg'), plan, p));
  const node = nodeCpu(cpu0);
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    how: 'direct',
    hlsSeconds: hls.wallSeconds,
    posterSeconds: poster.wallSeconds,
    spriteSeconds: sprite.wallSeconds,
    totalSeconds: hls.wallSeconds + poster.wallSeconds + sprite.wallSeconds,
    peakRssMiB: { hls: peak(hls.procs), poster: peak(poster.procs), sprite: peak(sprite.procs) },
    cpuSeconds: { ffmpeg: round(cpu([...hls.procs, ...poster.procs, ...sprite.procs])), node: round(node) },
    loadAverage: loadAvg(),
  } satisfies Run;
}

/** A source the fast path accepts: 1080p30 H.264 main at 4 Mbit/s (light noise), AAC-LC stereo. */
export async function makeRemuxSource(dir: string, secs: number): Promise<string> {
  const out = path.join(dir, 'remux-1080p-main.mp4');
  const lavfi = (src: string) => ['-f', 'lavfi', '-i', src];
  await execFileP('ffmpeg', [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'],
    ...lavfi(`testsrc2=size=1920x1080:rate=30:duration=${secs}`),
    ...lavfi(`sine=frequency=440:sample_rate=48000:duration=${secs}`),
    ...['-vf', 'noise=alls=12:allf=t+u', '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main'],
    ...['-pix_fmt', 'yuv420p', '-g', '60', '-b:v', '4M', '-maxrate', '6M', '-bufsize', '8M'],
    ...['-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-movflags', '+faststart', out],
  ]);
  return out;
}

export const roundTimes = (r: Run): Run => ({
  ...r,
  hlsSeconds: round(r.hlsSeconds),
  posterSeconds: round(r.posterSeconds),
  spriteSeconds: round(r.spriteSeconds),
  totalSeconds: round(r.totalSeconds),
});
