import { spawn } from 'node:child_process';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, setPriority } from 'node:os';
import { join, resolve } from 'node:path';
import { type MediaBinaries, resolveMedia } from './binaries.js';
import {
  assertUploadInputs,
  hlsArgs,
  NOT_ON_WHITELIST,
  posterArgs,
  posterSize,
  posterTime,
  type SpritePlan,
  spriteArgs,
  spritePlan,
} from './commands.js';
import { MediaError } from './errors.js';
import { canRemux, planLadder, type Rung } from './ladder.js';
import {
  type Bandwidth,
  masterPlaylist,
  measureBandwidth,
  parseMediaPlaylist,
  spriteVtt,
} from './playlists.js';
import type { ProbeResult } from './probe-result.js';
import { ffmpegProgress, initialProgress, progressFraction } from './progress.js';

export interface RunOptions {
  /** Length of the output timeline, for progress fractions. */
  durationSeconds?: number;
  /** Called with 0…1 as ffmpeg works, and with 1 when it has finished. */
  onProgress?: (fraction: number) => void;
  /** Aborting kills ffmpeg (SIGKILL) and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Binaries to use instead of resolveMedia()'s. */
  media?: MediaBinaries;
}

const STDERR_LINES = 30;

/**
 * How much a media worker yields to the web on the same machine: ffmpeg runs at this niceness (0…19, higher is
 * kinder; AMONGI_FFMPEG_NICE, default 10) and encodes with at most this many threads (AMONGI_FFMPEG_THREADS,
 * default the number of cores: libx264 would otherwise take 1.5 × cores, plus lookahead threads).
 */
export function ffmpegLimits(env: NodeJS.ProcessEnv = process.env): { nice: number; threads: number } {
  const int = (v: string | undefined, d: number, lo: number, hi: number) => {
    const n = Number(v);
    return v !== undefined && v.trim() !== '' && Number.isInteger(n) ? Math.min(hi, Math.max(lo, n)) : d;
  };
  const cores = availableParallelism();
  return {
    nice: int(env.AMONGI_FFMPEG_NICE, 10, 0, 19),
    threads: int(env.AMONGI_FFMPEG_THREADS, cores, 1, 64),
  };
}

/** The last `max` lines of a stream, without keeping the rest of it. */
class LineTail {
  private lines: string[] = [];
  private partial = '';
  constructor(private readonly max: number) {}
  push(chunk: string) {
    const parts = (this.partial + chunk).split('\n');
    this.partial = (parts.pop() ?? '').slice(-2000);
    for (const line of parts) if (line.trim()) this.lines.push(line.slice(0, 2000));
    if (this.lines.length > this.max) this.lines = this.lines.slice(-this.max);
  }
  text() {
    return [...this.lines, this.partial]
      .filter((l) => l.trim())
      .slice(-this.max)
      .join('\n');
  }
}

/**
 * Runs ffmpeg with `args` (every input from uploadInput(), checked), streaming its progress; rejects with
 * MediaError('video.not_a_video') when the input is no allowed container, else 'video.transcode_failed'.
 */
export async function runFfmpeg(args: string[], opts: RunOptions = {}): Promise<void> {
  assertUploadInputs(args);
  const media = opts.media ?? (await resolveMedia());
  const { signal, onProgress, durationSeconds } = opts;
  signal?.throwIfAborted();
  return new Promise<void>((done, fail) => {
    const child = spawn(media.ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const { nice } = ffmpegLimits();
    if (child.pid !== undefined && nice > 0)
      try {
        setPriority(child.pid, nice);
      } catch {
        // Not allowed here (some containers): ffmpeg runs at our own priority.
      }
    const stderr = new LineTail(STDERR_LINES);
    let progress = initialProgress();
    let reported = -1;
    let settled = false;
    const report = (fraction: number) => {
      if (!onProgress || fraction <= reported) return;
      reported = fraction;
      try {
        onProgress(fraction);
      } catch {
        // A failing progress listener must not take the transcode down with it.
      }
    };
    const kill = () => child.kill('SIGKILL');
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', kill);
      if (error === undefined) done();
      else fail(error);
    };
    signal?.addEventListener('abort', kill, { once: true });

    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      progress = ffmpegProgress(progress, chunk);
      report(progressFraction(progress.outTimeSeconds, durationSeconds));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
    child.on('error', (e) =>
      settle(new MediaError('video.transcode_failed', `could not run ffmpeg: ${e.message}`)),
    );
    child.on('close', (code, killedBy) => {
      if (signal?.aborted) return settle(signal.reason);
      if (code === 0) {
        report(1);
        return settle();
      }
      const tail = stderr.text();
      settle(
        new MediaError(
          NOT_ON_WHITELIST.test(tail) ? 'video.not_a_video' : 'video.transcode_failed',
          `ffmpeg exited with ${code ?? killedBy}${tail ? `\n${tail}` : ''}`,
        ),
      );
    });
  });
}

export interface TranscodeOptions {
  input: string;
  /** Receives master.m3u8 and one folder per rung. */
  outDir: string;
  probe: ProbeResult;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  media?: MediaBinaries;
  /** Allow the copy fast path when the source fits (default true). */
  remux?: boolean;
}

export interface HlsResult {
  rungs: Rung[];
  /** The top rung is the source's own stream, copied. */
  remuxed: boolean;
  /** Every file written, relative to outDir, "/"-separated. */
  files: string[];
}

export async function writeAtomically(file: string, text: string) {
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

async function writeHls(o: TranscodeOptions, media: MediaBinaries, remuxTop: boolean): Promise<HlsResult> {
  const input = resolve(o.input);
  const outDir = resolve(o.outDir);
  const rungs = planLadder(o.probe, { remuxTop });
  const clean = () =>
    Promise.all(rungs.map((r) => rm(join(outDir, r.name), { recursive: true, force: true })));
  // A retried job starts from scratch: stale segments of an earlier attempt must not survive.
  await clean();
  await rm(join(outDir, 'master.m3u8'), { force: true });
  await Promise.all(rungs.map((r) => mkdir(join(outDir, r.name), { recursive: true })));

  const args = hlsArgs({
    input,
    outDir,
    rungs,
    probe: o.probe,
    remuxTop,
    ffmpegVersion: media.version,
    threads: ffmpegLimits().threads,
  });
  try {
    await runFfmpeg(args, {
      durationSeconds: o.probe.durationSeconds,
      onProgress: o.onProgress,
      signal: o.signal,
      media,
    });
  } catch (e) {
    await clean();
    throw e;
  }

  const files: string[] = [];
  const measured: Record<string, Bandwidth> = {};
  for (const rung of rungs) {
    const playlist = await readFile(join(outDir, rung.name, 'index.m3u8'), 'utf8');
    const sizes = new Map<string, number>();
    for (const { uri } of parseMediaPlaylist(playlist)) {
      sizes.set(uri, (await stat(join(outDir, rung.name, uri))).size);
      files.push(`${rung.name}/${uri}`);
    }
    files.push(`${rung.name}/index.m3u8`);
    const bandwidth = measureBandwidth(playlist, (uri) => sizes.get(uri) ?? 0);
    if (bandwidth) measured[rung.name] = bandwidth;
  }
  await writeAtomically(
    join(outDir, 'master.m3u8'),
    masterPlaylist(rungs, { hasAudio: o.probe.hasAudio, measured }),
  );
  files.push('master.m3u8');
  return { rungs, remuxed: remuxTop, files: files.sort() };
}

/**
 * The HLS ladder of a video: every rung in one ffmpeg run, then master.m3u8 with measured bandwidths.
 * When the fast path (copying the source into the top rung) fails, every rung is transcoded instead.
 */
export async function transcodeToHls(o: TranscodeOptions): Promise<HlsResult> {
  const media = o.media ?? (await resolveMedia());
  const remux = o.remux !== false && canRemux(o.probe);
  try {
    return await writeHls(o, media, remux);
  } catch (e) {
    if (!remux || o.signal?.aborted || !(e instanceof MediaError) || e.code !== 'video.transcode_failed')
      throw e;
    return writeHls(o, media, false);
  }
}

interface StillOptions {
  input: string;
  probe: ProbeResult;
  signal?: AbortSignal;
  media?: MediaBinaries;
}

const hasContent = (file: string) =>
  stat(file).then(
    (s) => s.size > 0,
    () => false,
  );

/** Writes the poster JPEG (upright, ≤ 1280 wide) to `out`; returns its size. */
export async function makePoster(
  o: StillOptions & { out: string },
): Promise<{ width: number; height: number }> {
  const input = resolve(o.input);
  const out = resolve(o.out);
  await rm(out, { force: true });
  await runFfmpeg(posterArgs(input, out, o.probe, posterTime(o.probe.durationSeconds)), o);
  // Some files end their video before their declared duration: fall back to the first frame.
  if (!(await hasContent(out))) await runFfmpeg(posterArgs(input, out, o.probe, 0), o);
  if (!(await hasContent(out)))
    throw new MediaError('video.transcode_failed', 'ffmpeg wrote no poster frame');
  return posterSize(o.probe);
}

/** Writes sprite.jpg (thumbnail grid) and thumbnails.vtt (seek previews) into `outDir`. */
export async function makeSprite(
  o: StillOptions & { outDir: string; spriteUrl?: string },
): Promise<{ plan: SpritePlan; files: string[] }> {
  const outDir = resolve(o.outDir);
  await mkdir(outDir, { recursive: true });
  const plan = spritePlan(o.probe.durationSeconds, o.probe);
  const sprite = join(outDir, 'sprite.jpg');
  await rm(sprite, { force: true });
  await runFfmpeg(spriteArgs(resolve(o.input), sprite, plan, o.probe), o);
  if (!(await hasContent(sprite))) throw new MediaError('video.transcode_failed', 'ffmpeg wrote no sprite');
  await writeAtomically(
    join(outDir, 'thumbnails.vtt'),
    spriteVtt(plan, plan.count, o.spriteUrl ?? 'sprite.jpg'),
  );
  return { plan, files: ['sprite.jpg', 'thumbnails.vtt'] };
}
