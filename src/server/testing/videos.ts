/**
 * Test videos made on the spot from ffmpeg's lavfi sources (testsrc2 picture, sine tone), plus the broken
 * and hostile inputs the probe must reject. Small and short so the suite stays fast.
 */
import { execFile } from 'node:child_process';
import { copyFile, open, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hasFpsMode, resolveMedia } from '../media/binaries.js';

export interface VideoSpec {
  /** File name without extension; defaults to one derived from the spec. */
  name?: string;
  seconds?: number;
  /** Size of the picture as stored; with `rotate` the display size is swapped. */
  width?: number;
  height?: number;
  fps?: number;
  codec?: 'h264' | 'hevc';
  container?: 'mp4' | 'mov';
  audio?: boolean;
  /**
   * Clockwise degrees a player must turn the stored picture (what probe() reports as `rotation`), written
   * as a display matrix. ffmpeg's `rotate` tag on output means the opposite direction, hence 360 − rotate.
   */
  rotate?: 90 | 180 | 270;
  /** Irregular frame timing: of every 4 frames at `fps`, 2 are kept. */
  vfr?: boolean;
  /** Film-grain noise on the picture (hard to compress: a high bit rate). */
  noise?: boolean;
  /** Video bit rate for libx264/libx265, e.g. "1500k"; default: constant quality. */
  bitrate?: string;
  /**
   * "testsrc2" (default) or "left-white": the left half white, the right half black, to tell which way
   * up a rotated video came out.
   */
  picture?: 'testsrc2' | 'left-white';
  /** Pixel format; default yuv420p (yuv444p for odd sizes). */
  pixFmt?: string;
}

function ffmpeg(args: string[]): Promise<string> {
  return resolveMedia().then(
    (media) =>
      new Promise((done, fail) => {
        execFile(
          media.ffmpeg,
          ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args],
          { maxBuffer: 8 * 1024 * 1024 },
          (err, stdout, stderr) =>
            err ? fail(new Error(`ffmpeg ${args.join(' ')}\n${stderr}`)) : done(stdout),
        );
      }),
  );
}

let encoderList: Promise<string> | undefined;

/** Whether the ffmpeg in use has this encoder (e.g. "libx265"). */
export async function hasEncoder(name: string): Promise<boolean> {
  encoderList ??= ffmpeg(['-encoders']);
  return new RegExp(`^\\s*\\S+\\s+${name}\\s`, 'm').test(await encoderList);
}

/** A clip of the testsrc2 pattern (and a 440 Hz tone when `audio`). Returns its path. */
export async function makeVideo(dir: string, spec: VideoSpec = {}): Promise<string> {
  const {
    seconds = 2,
    width = 640,
    height = 360,
    fps = 30,
    codec = 'h264',
    container = 'mp4',
    audio = true,
    rotate,
    vfr = false,
    noise = false,
    bitrate,
  } = spec;
  const odd = width % 2 === 1 || height % 2 === 1;
  // libx264 cannot store odd sizes in 4:2:0; 4:4:4 can (like screen recordings in other codecs do).
  const pixFmt = spec.pixFmt ?? (odd ? 'yuv444p' : 'yuv420p');
  const name = spec.name ?? `${codec}-${width}x${height}-${fps}${vfr ? 'vfr' : ''}${audio ? '' : '-silent'}`;
  const out = join(dir, `${name}.${container}`);
  const source =
    spec.picture === 'left-white'
      ? `color=white:size=${Math.ceil(width / 2)}x${height}:rate=${fps}:duration=${seconds},pad=${width}:${height}:0:0:black`
      : `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}`;
  const args = ['-f', 'lavfi', '-i', source];
  if (audio) args.push('-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`);
  args.push('-map', '0:v');
  if (audio) args.push('-map', '1:a');

  const filters = [
    odd && `scale=${width}:${height},setsar=1`, // testsrc2 rounds its size down to even numbers
    noise && 'noise=alls=40:allf=t+u',
    vfr && 'select=lt(mod(n\\,4)\\,2)',
  ].filter(Boolean);
  if (filters.length > 0) args.push('-vf', filters.join(','));
  if (vfr)
    args.push(...(hasFpsMode((await resolveMedia()).version) ? ['-fps_mode', 'vfr'] : ['-vsync', 'vfr']));

  const rate = bitrate ? ['-b:v', bitrate] : ['-crf', codec === 'h264' ? '28' : '32'];
  if (codec === 'h264')
    args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-g', String(fps * 2), ...rate, '-pix_fmt', pixFmt);
  else
    args.push(
      ...['-c:v', 'libx265', '-preset', 'ultrafast', '-tag:v', 'hvc1', ...rate, '-pix_fmt', pixFmt],
      ...['-x265-params', 'log-level=error'],
    );
  if (audio) args.push('-c:a', 'aac', '-b:a', '96k');

  if (!rotate) {
    await ffmpeg([...args, out]);
    return out;
  }
  // Encoding drops rotation metadata, so it is added by a second, copying pass.
  const plain = join(dir, `${name}.unrotated.${container}`);
  await ffmpeg([...args, plain]);
  await ffmpeg(['-i', plain, '-map', '0', '-c', 'copy', '-metadata:s:v:0', `rotate=${360 - rotate}`, out]);
  await rm(plain, { force: true });
  return out;
}

/** A zero-byte upload. */
export async function makeEmptyFile(dir: string): Promise<string> {
  const out = join(dir, 'empty.mp4');
  await writeFile(out, '');
  return out;
}

/** Plain text with a video extension. */
export async function makeTextFile(dir: string): Promise<string> {
  const out = join(dir, 'noter.mp4');
  await writeFile(out, 'Dette er ikke en video, men noter fra en lektion om brøker.\n'.repeat(50));
  return out;
}

/** A JPEG photo named .mov. */
export async function makeJpegAsMov(dir: string): Promise<string> {
  const jpeg = join(dir, 'foto.jpg');
  await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x240', '-frames:v', '1', '-update', '1', jpeg]);
  const out = join(dir, 'foto.mov');
  await rename(jpeg, out);
  return out;
}

/** An AAC audio file (.m4a container) named .mp4. */
export async function makeAudioOnly(dir: string): Promise<string> {
  const out = join(dir, 'lyd.mp4');
  await ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', '-c:a', 'aac', '-f', 'ipod', out]);
  return out;
}

/** A 1×1 pixel video (4:4:4, the only way libx264 encodes an odd size). */
export async function makeTinyVideo(dir: string): Promise<string> {
  const out = join(dir, 'tiny.mp4');
  await ffmpeg([
    ...['-f', 'lavfi', '-i', 'color=c=red:size=16x16:rate=10:duration=1', '-vf', 'scale=1:1'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv444p', out],
  ]);
  return out;
}

/** Two frames, the second stamped at 10 hours: ffprobe declares ≥ 36000 s for a ~16 kB file. */
export async function makeDeclaredTenHours(dir: string): Promise<string> {
  const out = join(dir, 'ti-timer.mp4');
  const passthrough = hasFpsMode((await resolveMedia()).version)
    ? ['-fps_mode', 'passthrough']
    : ['-vsync', '0'];
  await ffmpeg([
    ...['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30', '-vf', 'setpts=N*36000/TB', '-frames:v', '2'],
    ...passthrough,
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', out],
  ]);
  return out;
}

/** The first half of an MP4 whose index (moov) sits at the end, as an interrupted upload leaves it. */
export async function makeTruncatedMp4(dir: string): Promise<string> {
  const whole = await makeVideo(dir, { name: 'hel', seconds: 2, width: 320, height: 240 });
  const out = join(dir, 'halv.mp4');
  await copyFile(whole, out);
  await truncate(out, Math.floor((await stat(out)).size / 2));
  return out;
}

/** Offset of a top-level MP4 box, read box header by box header. */
async function findTopLevelBox(file: string, type: string): Promise<number | null> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(16);
    let offset = 0;
    while (offset + 8 <= size) {
      await handle.read(header, 0, 16, offset);
      let boxSize = header.readUInt32BE(0);
      if (boxSize === 1) boxSize = Number(header.readBigUInt64BE(8));
      if (header.toString('latin1', 4, 8) === type) return offset;
      if (boxSize < 8) return null;
      offset += boxSize;
    }
    return null;
  } finally {
    await handle.close();
  }
}

/** A complete MP4 whose metadata (the moov box's contents) is overwritten with 0xFF bytes. */
export async function makeCorruptMoov(dir: string): Promise<string> {
  const whole = await makeVideo(dir, { name: 'moov', seconds: 2, width: 320, height: 240 });
  const out = join(dir, 'beskadiget.mp4');
  await copyFile(whole, out);
  const moov = await findTopLevelBox(out, 'moov');
  if (moov === null) throw new Error('no moov box');
  const handle = await open(out, 'r+');
  try {
    await handle.write(Buffer.alloc(512, 0xff), 0, 512, moov + 8);
  } finally {
    await handle.close();
  }
  return out;
}
