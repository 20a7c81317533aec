import { resolve } from 'node:path';
import { type MediaBinaries, resolveMedia } from './binaries.js';
import { uploadInput } from './commands.js';
import { MediaError } from './errors.js';
import { execProbe } from './probe.js';
import type { ProbeResult } from './probe-result.js';
import { runFfmpeg } from './run.js';

/*
 * Clips (issue 19): a piece of a stored original cut into an MP4 of its own, which then goes through the normal
 * pipeline. H.264 with AAC (or no sound) is copied stream by stream from the keyframe nearest the asked start —
 * seconds even for a 45-minute lesson, no quality lost; anything else is re-encoded from the exact start.
 */

const COMMON = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-nostats', '-progress', 'pipe:1'];
/** How far around the asked start keyframes are looked for (seconds each way; a GOP is rarely longer). */
const KEYFRAME_WINDOW = 10;

/** Whether the source's streams can be copied into an MP4 clip as they are. */
export function canCopyClip(p: Pick<ProbeResult, 'videoCodec' | 'hasAudio' | 'audioCodec'>): boolean {
  return p.videoCodec === 'h264' && (!p.hasAudio || p.audioCodec === 'aac');
}

/** ffprobe argv listing the video packets (time and flags) within `from`…`to` seconds, without decoding. */
export function keyframeArgs(file: string, videoStreamIndex: number, from: number, to: number): string[] {
  return [
    ...['-v', 'error', '-select_streams', String(videoStreamIndex)],
    ...['-read_intervals', `${Math.max(0, from).toFixed(3)}%${to.toFixed(3)}`],
    ...['-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0'],
    ...uploadInput(file),
  ];
}

/** The keyframe times in ffprobe's packet CSV ("12.345000,K__" lines), sorted. */
export function parseKeyframes(csv: string): number[] {
  const times = new Set<number>();
  for (const line of csv.split('\n')) {
    const [time, flags] = line.trim().split(',');
    const t = Number(time);
    if (flags?.startsWith('K') && time !== '' && Number.isFinite(t)) times.add(t);
  }
  return [...times].sort((a, b) => a - b);
}

/**
 * The keyframe a copied clip starts at: the one nearest `start`, unless that leaves less than `minSeconds`
 * before `end` — then the last one at or before `start`. Null when none is near (the clip is re-encoded).
 */
export function snapStart(
  keyframes: number[],
  start: number,
  end: number,
  minSeconds: number,
): number | null {
  const usable = keyframes.filter((k) => k < end - minSeconds + 1e-6);
  if (!usable.length) return null;
  return usable.reduce((best, k) => (Math.abs(k - start) < Math.abs(best - start) ? k : best));
}

export interface ClipPlan {
  input: string;
  out: string;
  probe: ProbeResult;
  /** Where the clip starts in the source (for a copy: a keyframe's time). */
  start: number;
  end: number;
  copy: boolean;
}

/** ffmpeg argv for a clip: copied streams from a keyframe, or H.264/AAC re-encoded from the exact start. */
export function clipArgs({ input, out, probe, start, end, copy }: ClipPlan): string[] {
  // A copy seeks to the keyframe at or before the time given: half a millisecond past the keyframe's own time
  // keeps a rounded-down time from landing on the keyframe before it.
  const seek = copy ? start + 0.0005 : start;
  const args = [
    ...COMMON,
    ...uploadInput(input, ['-ss', seek.toFixed(4)]),
    ...['-t', (end - start).toFixed(4)],
    ...['-map', `0:${probe.videoStreamIndex}`],
  ];
  if (probe.hasAudio) args.push('-map', '0:a:0');
  if (copy) args.push('-c', 'copy', '-avoid_negative_ts', 'make_zero');
  else {
    args.push(
      ...['-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2,setsar=1'],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p'],
    );
    if (probe.hasAudio) args.push('-c:a', 'aac', '-b:a', '160k', '-ac', '2');
  }
  // No +faststart: the clip is read whole by the pipeline, and moving the index would write the file twice.
  args.push('-map_metadata', '-1', '-f', 'mp4', resolve(out));
  return args;
}

/** The keyframes of the source near `at` (a quick packet scan; no decoding). */
export async function keyframesNear(
  file: string,
  probe: ProbeResult,
  at: number,
  media?: MediaBinaries,
): Promise<number[]> {
  const m = media ?? (await resolveMedia());
  const r = await execProbe(
    m.ffprobe,
    keyframeArgs(resolve(file), probe.videoStreamIndex, at - KEYFRAME_WINDOW, at + KEYFRAME_WINDOW),
  );
  if (!r.ok) throw new MediaError('video.unreadable', r.stderr);
  return parseKeyframes(r.stdout);
}

export interface CutOptions {
  input: string;
  out: string;
  probe: ProbeResult;
  start: number;
  end: number;
  /** The shortest clip (seconds): a copy never starts so late that less is left. */
  minSeconds: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  media?: MediaBinaries;
  /** Allow the copy when the codecs fit (default true). */
  copy?: boolean;
}

/**
 * Cuts `start`…`end` of `input` into the MP4 `out`. Returns where the clip really starts in the source and
 * whether it was copied. A copy that ffmpeg refuses falls back to re-encoding, as the HLS fast path does.
 */
export async function cutClip(o: CutOptions): Promise<{ start: number; end: number; copied: boolean }> {
  const media = o.media ?? (await resolveMedia());
  const run = (plan: ClipPlan) =>
    runFfmpeg(clipArgs(plan), {
      durationSeconds: plan.end - plan.start,
      onProgress: o.onProgress,
      signal: o.signal,
      media,
    });
  const plan = { input: o.input, out: o.out, probe: o.probe, end: o.end };
  if (o.copy !== false && canCopyClip(o.probe)) {
    const at = snapStart(await keyframesNear(o.input, o.probe, o.start, media), o.start, o.end, o.minSeconds);
    if (at !== null)
      try {
        await run({ ...plan, start: at, copy: true });
        return { start: at, end: o.end, copied: true };
      } catch (e) {
        if (o.signal?.aborted || !(e instanceof MediaError) || e.code !== 'video.transcode_failed') throw e;
      }
  }
  await run({ ...plan, start: o.start, copy: false });
  return { start: o.start, end: o.end, copied: false };
}
