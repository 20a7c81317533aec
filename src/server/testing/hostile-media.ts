/**
 * Uploads that try to make ffmpeg read other files (issue 13, point 2): text playlists and concat scripts
 * whose entries point at other videos and at files outside DATA_DIR, an image-sequence pattern, and plain
 * text that ffmpeg would turn into a "video". Each entry is real media, so that an ffmpeg without the
 * allow-lists would happily read it.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatedInput, resolveMedia } from '../media/index.js';

async function ffmpeg(args: string[]): Promise<void> {
  const media = await resolveMedia();
  await new Promise<void>((done, fail) =>
    execFile(
      media.ffmpeg,
      ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args],
      (err, _, stderr) => (err ? fail(new Error(`ffmpeg ${args.join(' ')}\n${stderr}`)) : done()),
    ),
  );
}

/**
 * A real MPEG-TS segment (2 s of solid colour) that carries a secret string in its service name, the kind of
 * file another program keeps outside DATA_DIR. Returns its path and the secret.
 */
export async function makeSecretSegment(dir: string): Promise<{ path: string; secret: string }> {
  const secret = `HEMMELIG-${crypto.randomUUID()}`;
  const path = join(dir, 'hemmelig.ts');
  await ffmpeg([
    ...generatedInput('color=c=0x00ff00:s=320x240:r=25'),
    ...['-t', '2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
    ...['-metadata', `service_name=${secret}`, '-metadata', `service_provider=${secret}`, '-f', 'mpegts'],
    path,
  ]);
  return { path, secret };
}

/** An HLS media playlist (text) naming `entries`, 2 s each; uploaded as a "video". */
export async function makeHlsPlaylist(file: string, entries: string[]): Promise<string> {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:4', '#EXT-X-PLAYLIST-TYPE:VOD'];
  for (const e of entries) lines.push('#EXTINF:2.0,', e);
  lines.push('#EXT-X-ENDLIST', '');
  await writeFile(file, lines.join('\n'));
  return file;
}

/** An ffconcat script naming `entries` (relative names resolve beside the script itself), 2 s each. */
export async function makeFfconcat(file: string, entries: string[]): Promise<string> {
  const lines = ['ffconcat version 1.0'];
  for (const e of entries) lines.push(`file ${e}`, 'duration 2');
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

/** 50 numbered JPEG frames; returns the printf pattern (`…/bild-%03d.jpg`) image2 reads as a 2 s video. */
export async function makeImageSequence(dir: string): Promise<string> {
  const folder = join(dir, 'billeder');
  await mkdir(folder, { recursive: true });
  const pattern = join(folder, 'bild-%03d.jpg');
  await ffmpeg([...generatedInput('testsrc2=s=320x240:r=25'), '-t', '2', '-start_number', '1', pattern]);
  return pattern;
}

/** Lesson notes as plain text (.txt): the tty demuxer draws text as a 640×400 "video". */
export async function makeTextAsTty(dir: string): Promise<string> {
  const file = join(dir, 'noter.txt');
  await writeFile(file, 'Noter fra lektionen om brøker: tæller, nævner og forlængelse.\n'.repeat(300));
  return file;
}
