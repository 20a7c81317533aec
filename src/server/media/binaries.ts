import { execFile } from 'node:child_process';
import { chmod, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';

export interface MediaBinaries {
  ffmpeg: string;
  ffprobe: string;
  /** ffmpeg's version, "major.minor" (e.g. "5.1", or "4.1" for the npm-shipped build). */
  version: string;
  /** Where the binaries came from. */
  source: 'system' | 'bundled';
}

/** libavcodec major → FFmpeg major, for builds that report a git snapshot instead of a version. */
const LAVC_TO_FFMPEG: Record<number, number> = { 57: 3, 58: 4, 59: 5, 60: 6, 61: 7, 62: 8 };

/**
 * Reads "major.minor" from `ffmpeg -version` output. Release builds say "ffmpeg version 5.1.9-0+deb12u1";
 * git snapshots ("ffmpeg version N-47683-g0e8eb07980-static") are dated by their libavcodec version.
 */
export function parseFfmpegVersion(text: string): string | null {
  const release = /^ff(?:mpeg|probe) version n?(\d+)\.(\d+)/m.exec(text);
  if (release) return `${release[1]}.${release[2]}`;
  const lavc = /^libavcodec\s+(\d+)\.\s*(\d+)\./m.exec(text);
  if (!lavc) return null;
  const lavcMajor = Number(lavc[1]);
  const lavcMinor = Number(lavc[2]);
  const major = LAVC_TO_FFMPEG[lavcMajor];
  if (major === undefined) return null;
  // Minor releases bump libavcodec's minor; only the boundaries we care about are told apart.
  const minorBoundaries: Record<number, [number, number][]> = {
    58: [
      [134, 4],
      [91, 3],
      [54, 2],
      [35, 1],
    ],
    59: [[37, 1]],
    60: [[31, 1]],
    61: [[19, 1]],
  };
  const minor = (minorBoundaries[lavcMajor] ?? []).find(([from]) => lavcMinor >= from)?.[1] ?? 0;
  return `${major}.${minor}`;
}

/** True when the ffmpeg version has the per-stream `-fps_mode` option (FFmpeg 5.1+). */
export function hasFpsMode(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 5 || (major === 5 && minor >= 1);
}

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 10_000, maxBuffer: 1024 * 1024 }, (err, stdout) =>
      err ? reject(err) : resolve(stdout),
    );
  });
}

async function versionOf(file: string): Promise<string | null> {
  try {
    return parseFfmpegVersion(await run(file, ['-version']));
  } catch {
    return null;
  }
}

async function ensureExecutable(file: string): Promise<void> {
  const s = await stat(file);
  if ((s.mode & 0o111) !== 0o111) await chmod(file, s.mode | 0o755);
}

/** The ffmpeg/ffprobe shipped in @ffmpeg-installer/ffmpeg (4.1) and @ffprobe-installer/ffprobe. */
export async function bundledMedia(): Promise<MediaBinaries> {
  const require = createRequire(import.meta.url);
  const ffmpeg = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  const ffprobe = (require('@ffprobe-installer/ffprobe') as { path: string }).path;
  // @ffprobe-installer ships its binary without the execute bit for everyone.
  await ensureExecutable(ffprobe);
  await ensureExecutable(ffmpeg);
  const version = await versionOf(ffmpeg);
  if (!version) throw new Error(`bundled ffmpeg at ${ffmpeg} does not run`);
  return { ffmpeg, ffprobe, version, source: 'bundled' };
}

async function systemMedia(): Promise<MediaBinaries | null> {
  const version = await versionOf('ffmpeg');
  if (!version) return null;
  if (!(await versionOf('ffprobe'))) return null;
  return { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe', version, source: 'system' };
}

let cached: Promise<MediaBinaries> | undefined;

/** System ffmpeg/ffprobe on PATH when they run, else the npm-shipped ones. Resolved once per process. */
export function resolveMedia(): Promise<MediaBinaries> {
  cached ??= systemMedia()
    .then((system) => system ?? bundledMedia())
    .catch((e: unknown) => {
      cached = undefined;
      throw e;
    });
  return cached;
}
