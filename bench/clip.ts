/**
 * Clip benchmark (issue 19 part C): a clip cut by stream copy from a 45-minute 1080p H.264/AAC recording — the
 * `clip` step's media work (the packet scan for keyframes near the start, then ffmpeg copying the streams into
 * an MP4), as cutClip() in src/server/media/clip.ts does it. Target: < 10 s.
 *
 * The source is made cheaply once and kept in the temp folder (BENCH_CLIP_SOURCE overrides): 10 s of testsrc2 at
 * 1920×1080, 25 fps, with a 440 Hz tone, encoded with libx264 -preset ultrafast (keyframe every 2 s, 1.5 Mbit/s)
 * and AAC; then the concat demuxer joins 270 copies of it with stream copy into one 45-minute MP4 (~520 MB).
 * Encoding the 10 s is the only real work (tens of seconds on 2 busy cores); the join only copies bytes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cutClip, probe } from '../src/server/media/index.js';
import { COACHING_LIMITS } from '../src/shared/coaching.js';
import { execFileP, loadAvg, round, writeResult } from './lib.js';

const TARGET_SECONDS = 10;
const SEGMENT_SECONDS = 10;
const COPIES = 270; // 45 minutes

async function makeSource(file: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-clip-'));
  try {
    const seg = path.join(dir, 'seg.mp4');
    await execFileP('ffmpeg', [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...['-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=25:duration=${SEGMENT_SECONDS}`],
      ...['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${SEGMENT_SECONDS}`],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '50', '-b:v', '1500k', '-pix_fmt', 'yuv420p'],
      ...['-c:a', 'aac', '-b:a', '96k', seg],
    ]);
    const list = path.join(dir, 'list.txt');
    fs.writeFileSync(list, `${'file seg.mp4\n'.repeat(COPIES)}`);
    await execFileP('ffmpeg', [
      ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list],
      ...['-c', 'copy', '-movflags', '+faststart', file],
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function clipBench() {
  const loadBefore = loadAvg();
  const source = process.env.BENCH_CLIP_SOURCE ?? path.join(os.tmpdir(), 'amongi-bench-clip-45min-1080p.mp4');
  let madeSeconds: number | null = null;
  if (!fs.existsSync(source)) {
    const began = performance.now();
    await makeSource(source);
    madeSeconds = round((performance.now() - began) / 1000, 1);
    console.log(`source made in ${madeSeconds} s: ${source}`);
  }
  const p = await probe(source);
  console.log(
    `source: ${round(p.durationSeconds / 60, 1)} min, ${p.width}x${p.height} ${p.videoCodec}/${p.audioCodec}`,
  );
  const out = path.join(os.tmpdir(), `amongi-bench-clip-out-${process.pid}.mp4`);
  const runs: Record<string, unknown>[] = [];
  // A five-minute piece from the middle of the lesson, a two-minute one near the end, and 40 of the 45 minutes.
  for (const [start, end] of [
    [1200.7, 1500.2],
    [2500.3, 2620],
    [120.4, 2520.4],
  ]) {
    const began = performance.now();
    const cut = await cutClip({
      input: source,
      out,
      probe: p,
      start,
      end,
      minSeconds: COACHING_LIMITS.clipMinSeconds,
    });
    const seconds = round((performance.now() - began) / 1000, 2);
    const clip = await probe(out);
    runs.push({
      asked: { start, end },
      cut: { start: cut.start, end: cut.end, copied: cut.copied },
      clipSeconds: round(clip.durationSeconds, 2),
      clipMiB: round(fs.statSync(out).size / 2 ** 20, 1),
      seconds,
      met: cut.copied && seconds < TARGET_SECONDS,
    });
    console.log(
      `clip ${start}–${end}: ${cut.copied ? 'copied' : 're-encoded'} from ${cut.start}, ${round(clip.durationSeconds, 1)} s long, in ${seconds} s`,
    );
  }
  fs.rmSync(out, { force: true });
  await writeResult('clip', loadBefore, {
    target: `clip by stream copy of a 45-minute 1080p recording < ${TARGET_SECONDS} s`,
    source: {
      file: source,
      durationSeconds: round(p.durationSeconds, 1),
      size: `${p.width}x${p.height}`,
      codecs: `${p.videoCodec}/${p.audioCodec}`,
      MiB: round(fs.statSync(source).size / 2 ** 20, 0),
      made: `testsrc2 1920x1080 25 fps ${SEGMENT_SECONDS} s, libx264 ultrafast -g 50 1.5 Mbit/s + AAC, concat demuxer × ${COPIES} with stream copy`,
      madeSeconds,
    },
    runs,
  });
}
