import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type MediaBinaries, resolveMedia } from './binaries.js';
import { hlsArgs } from './commands.js';
import { MediaError } from './errors.js';
import { canRemux, planLadder, type Rung, renditionOrder } from './ladder.js';
import { type Bandwidth, masterPlaylist, measureBandwidth, parseMediaPlaylist } from './playlists.js';
import type { ProbeResult } from './probe-result.js';
import { ffmpegLimits, runFfmpeg, writeAtomically } from './run.js';

/**
 * A video's renditions made one after the other so it plays early (issue 21): the first playable rendition
 * alone — the source copied into HLS in seconds when it may be, else the lowest rung — then the other rungs
 * in one run. Each call writes only its own rung folders (emptied first), so a call can be repeated after a
 * crash; the master playlist is written separately (writeMaster) once its rungs are complete.
 */
export interface RungsOptions {
  input: string;
  /** Receives one folder per rung. */
  outDir: string;
  probe: ProbeResult;
  /** The rungs to make now (smallest first; a copy rung last). */
  rungs: Rung[];
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  media?: MediaBinaries;
}

export interface RungsResult {
  rungs: Rung[];
  /** Measured bandwidth per rung name. */
  measured: Record<string, Bandwidth>;
  /** Every file written, relative to outDir, "/"-separated; playlists last. */
  files: string[];
}

/** Makes `rungs` (one ffmpeg run) into `<outDir>/<rung>/`; a failed run leaves no folder of them behind. */
export async function transcodeRungs(o: RungsOptions): Promise<RungsResult> {
  const media = o.media ?? (await resolveMedia());
  const outDir = resolve(o.outDir);
  const copies = o.rungs.filter((r) => r.copy);
  if (copies.length > 1 || (copies.length === 1 && !o.rungs[o.rungs.length - 1].copy))
    throw new Error('a copy rung must be the last and only one');
  const clean = () =>
    Promise.all(o.rungs.map((r) => rm(join(outDir, r.name), { recursive: true, force: true })));
  await clean();
  await Promise.all(o.rungs.map((r) => mkdir(join(outDir, r.name), { recursive: true })));
  const args = hlsArgs({
    input: resolve(o.input),
    outDir,
    rungs: o.rungs,
    probe: o.probe,
    remuxTop: copies.length === 1,
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
  const segments: string[] = [];
  const playlists: string[] = [];
  const measured: Record<string, Bandwidth> = {};
  for (const rung of o.rungs) {
    const playlist = await readFile(join(outDir, rung.name, 'index.m3u8'), 'utf8');
    const sizes = new Map<string, number>();
    for (const { uri } of parseMediaPlaylist(playlist)) {
      sizes.set(uri, (await stat(join(outDir, rung.name, uri))).size);
      segments.push(`${rung.name}/${uri}`);
    }
    if (sizes.size === 0) throw new MediaError('video.transcode_failed', `rung ${rung.name} has no segments`);
    playlists.push(`${rung.name}/index.m3u8`);
    const bandwidth = measureBandwidth(playlist, (uri) => sizes.get(uri) ?? 0);
    if (bandwidth) measured[rung.name] = bandwidth;
  }
  return { rungs: o.rungs, measured, files: [...segments.sort(), ...playlists] };
}

export interface FirstPlayable extends RungsResult {
  /** The whole ladder this video gets (smallest first), the first rendition among it. */
  plan: Rung[];
  /** The rungs still to make, smallest first. */
  rest: Rung[];
  /** The top rung is the source's own stream, copied. */
  remuxed: boolean;
}

/**
 * The first playable rendition: the source copied (stream copy, seconds) when it is H.264/AAC within the
 * limits, else the lowest rung encoded alone. A copy ffmpeg refuses falls back to the encoded ladder.
 */
export async function firstPlayable(
  o: Omit<RungsOptions, 'rungs'> & { remux?: boolean },
): Promise<FirstPlayable> {
  const remux = o.remux !== false && canRemux(o.probe);
  const attempt = async (copy: boolean): Promise<FirstPlayable> => {
    const plan = planLadder(o.probe, { remuxTop: copy });
    const { first, rest } = renditionOrder(plan);
    const done = await transcodeRungs({ ...o, rungs: [first] });
    return { ...done, plan, rest, remuxed: copy };
  };
  try {
    return await attempt(remux);
  } catch (e) {
    if (!remux || o.signal?.aborted || !(e instanceof MediaError) || e.code !== 'video.transcode_failed')
      throw e;
    return attempt(false);
  }
}

/** The rungs of `plan` (in its order) that `done` names: what a master playlist may list now. */
export function doneInPlanOrder(plan: Rung[], done: Iterable<string>): Rung[] {
  const names = new Set(done);
  return plan.filter((r) => names.has(r.name));
}

/** Writes `<outDir>/master.m3u8` for the given complete rungs (atomically: a reader sees the old or the new). */
export async function writeMaster(
  outDir: string,
  rungs: Rung[],
  opts: { hasAudio: boolean; measured: Partial<Record<string, Bandwidth>> },
): Promise<string> {
  if (rungs.length === 0) throw new Error('a master playlist needs at least one rung');
  const file = join(resolve(outDir), 'master.m3u8');
  await mkdir(resolve(outDir), { recursive: true });
  await writeAtomically(file, masterPlaylist(rungs, opts));
  return file;
}
