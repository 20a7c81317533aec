import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasEncoder,
  makeAudioOnly,
  makeCorruptMoov,
  makeDeclaredTenHours,
  makeEmptyFile,
  makeJpegAsMov,
  makeTextFile,
  makeTinyVideo,
  makeTruncatedMp4,
  makeVideo,
} from '../testing/videos.js';
import { bundledMedia, type MediaBinaries, resolveMedia } from './binaries.js';
import { uploadInput } from './commands.js';
import { MediaError, type MediaErrorCode } from './errors.js';
import { probe } from './probe.js';
import type { ProbeResult } from './probe-result.js';
import { makePoster, makeSprite, runFfmpeg, transcodeToHls } from './run.js';

let dir: string;
let media: MediaBinaries;
let landscape: Promise<string> | undefined;
/** The 1080p landscape clip, made once and shared by the tests that need a long-enough transcode. */
const landscapeClip = () => {
  landscape ??= makeVideo(dir, { name: 'land', width: 1920, height: 1080, seconds: 2 });
  return landscape;
};
const hevc = await hasEncoder('libx265');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amongi-media-'));
  media = await resolveMedia();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );
/**
 * Describes an output (a rendition by its first segment — a playlist is no upload format — or a JPEG) without
 * the decode check.
 */
const describeOutput = async (file: string) => {
  const segment = file.replace(/index\.m3u8$/, 'seg_00000.ts');
  if (media.source === 'system' || !segment.endsWith('.ts'))
    return probe(segment, { decodeCheck: false, media });
  // Without a system ffmpeg: the npm ffprobe (a 2023 static build) crashes on every MPEG-TS file, so it reads the
  // segment's streams copied unchanged into MP4 by the npm ffmpeg.
  const copy = segment.replace(/\.ts$/, '.copy.mp4');
  await new Promise<void>((done, fail) =>
    execFile(media.ffmpeg, ['-v', 'error', '-y', '-i', segment, '-c', 'copy', copy], (err, _, stderr) =>
      err ? fail(new Error(stderr)) : done(),
    ),
  );
  return probe(copy, { decodeCheck: false, media });
};

/** Mean brightness of the top and bottom tenth of the first frame (after autorotation). */
async function topAndBottom(file: string, width: number, height: number) {
  const raw = join(dir, `frame-${Date.now()}.gray`);
  // Our own output (a segment or the poster JPEG, which no upload may be): read without the upload allow-lists.
  const args = ['-v', 'error', '-y', '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', raw];
  await new Promise<void>((done, fail) =>
    execFile(media.ffmpeg, args, (err, _, stderr) => (err ? fail(new Error(stderr)) : done())),
  );
  const px = await readFile(raw);
  expect(px.length).toBe(width * height);
  const band = width * Math.floor(height / 10);
  const mean = (b: Buffer) => b.reduce((s, v) => s + v, 0) / b.length;
  return { top: mean(px.subarray(0, band)), bottom: mean(px.subarray(px.length - band)) };
}

async function expectHls(outDir: string, files: string[], rungNames: string[]) {
  for (const name of rungNames) {
    const playlist = await readFile(join(outDir, name, 'index.m3u8'), 'utf8');
    expect(playlist).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(playlist).toContain('#EXT-X-ENDLIST');
    expect(playlist).toMatch(/^seg_00000\.ts$/m);
    expect(files).toContain(`${name}/index.m3u8`);
    expect(files).toContain(`${name}/seg_00000.ts`);
  }
  for (const f of files) expect(await exists(join(outDir, f)), f).toBe(true);
  const master = await readFile(join(outDir, 'master.m3u8'), 'utf8');
  expect(master.startsWith('#EXTM3U\n')).toBe(true);
  expect(master.match(/^[^#].*$/gm)).toEqual(rungNames.map((n) => `${n}/index.m3u8`));
  return master;
}

describe('transcodeToHls on real ffmpeg', () => {
  it('makes four rungs from a 1080p landscape clip, with progress', async () => {
    const input = await landscapeClip();
    const p = await probe(input);
    const fractions: number[] = [];
    const out = join(dir, 'hls-land');
    const r = await transcodeToHls({
      input,
      outDir: out,
      probe: p,
      remux: false,
      onProgress: (f) => fractions.push(f),
    });

    expect(r.remuxed).toBe(false);
    expect(r.rungs.map((x) => x.name)).toEqual(['360p', '540p', '720p', '1080p']);
    const master = await expectHls(out, r.files, ['360p', '540p', '720p', '1080p']);
    expect(master.match(/RESOLUTION=\d+x\d+/g)).toEqual([
      'RESOLUTION=640x360',
      'RESOLUTION=960x540',
      'RESOLUTION=1280x720',
      'RESOLUTION=1920x1080',
    ]);
    expect(master.match(/CODECS="avc1\.4d40[0-9a-f]{2},mp4a\.40\.2"/g)).toHaveLength(4);
    for (const [name, width, height] of [
      ['360p', 640, 360],
      ['1080p', 1920, 1080],
    ] as const) {
      const o = await describeOutput(join(out, name, 'index.m3u8'));
      expect(o).toMatchObject({
        videoCodec: 'h264',
        profile: 'Main',
        width,
        height,
        rotation: 0,
        frameRate: 30,
      });
      expect(o).toMatchObject({ hasAudio: true, audioCodec: 'aac', audioChannels: 2 });
      expect(o.durationSeconds).toBeCloseTo(2, 0);
    }
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('stops the ladder at the source: 540p → 360p + 540p', async () => {
    const input = await makeVideo(dir, { name: 'q540', width: 960, height: 540, seconds: 1 });
    const r = await transcodeToHls({ input, outDir: join(dir, 'hls-540'), probe: await probe(input) });
    expect(r.rungs.map((x) => `${x.name}:${x.width}x${x.height}`)).toEqual(['360p:640x360', '540p:960x540']);
    await expectHls(join(dir, 'hls-540'), r.files, ['360p', '540p']);
  });

  it('turns a rotated phone video (1920×1080 stored, rotated 90°) into upright portrait rungs', async () => {
    const input = await makeVideo(dir, {
      name: 'portrait',
      width: 1920,
      height: 1080,
      rotate: 90,
      seconds: 1,
    });
    const p = await probe(input);
    expect(p).toMatchObject({ rotation: 90, width: 1080, height: 1920 });
    const out = join(dir, 'hls-portrait');
    const r = await transcodeToHls({ input, outDir: out, probe: p });
    expect(r.remuxed).toBe(false);
    const master = await expectHls(out, r.files, ['360p', '540p', '720p', '1080p']);
    expect(master).toContain('RESOLUTION=360x640');
    expect(master).toContain('RESOLUTION=1080x1920');
    for (const name of ['360p', '1080p']) {
      const o = await describeOutput(join(out, name, 'seg_00000.ts'));
      expect(o.width).toBeLessThan(o.height);
      expect(o.rotation).toBe(0);
    }
  });

  it('keeps the picture the right way up (not just portrait)', async () => {
    const input = await makeVideo(dir, {
      name: 'marker',
      picture: 'left-white',
      width: 320,
      height: 160,
      rotate: 90,
      seconds: 1,
    });
    const p = await probe(input);
    const out = join(dir, 'hls-marker');
    const r = await transcodeToHls({ input, outDir: out, probe: p });
    expect(r.rungs.map((x) => `${x.name}:${x.width}x${x.height}`)).toEqual(['160p:160x320']);
    // Turned 90° clockwise, the stored picture's left edge is at the top.
    const hls = await topAndBottom(join(out, '160p', 'seg_00000.ts'), 160, 320);
    expect(hls.top).toBeGreaterThan(200);
    expect(hls.bottom).toBeLessThan(50);
    const poster = join(dir, 'marker-poster.jpg');
    expect(await makePoster({ input, out: poster, probe: p })).toEqual({ width: 160, height: 320 });
    const still = await topAndBottom(poster, 160, 320);
    expect(still.top).toBeGreaterThan(200);
    expect(still.bottom).toBeLessThan(50);
  });

  it.skipIf(!hevc)('transcodes HEVC in a .mov container to H.264', async () => {
    const input = await makeVideo(dir, { name: 'hevc', codec: 'hevc', container: 'mov', seconds: 1 });
    const p = await probe(input);
    expect(p.videoCodec).toBe('hevc');
    const r = await transcodeToHls({ input, outDir: join(dir, 'hls-hevc'), probe: p });
    expect(r.remuxed).toBe(false);
    const o = await describeOutput(join(dir, 'hls-hevc', '360p', 'index.m3u8'));
    expect(o).toMatchObject({ videoCodec: 'h264', profile: 'Main', width: 640, height: 360 });
  });

  it('outputs a constant 30 fps from a variable frame rate source', async () => {
    const input = await makeVideo(dir, { name: 'vfr', fps: 60, vfr: true, seconds: 2 });
    const p = await probe(input);
    expect(p.variableFrameRate).toBe(true);
    await transcodeToHls({ input, outDir: join(dir, 'hls-vfr'), probe: p });
    const o = await describeOutput(join(dir, 'hls-vfr', '360p', 'seg_00000.ts'));
    expect(o).toMatchObject({ frameRate: 30, variableFrameRate: false });
  });

  it('makes odd sizes even (641×361 → 640×360)', async () => {
    const input = await makeVideo(dir, { name: 'odd', width: 641, height: 361, seconds: 1 });
    const p = await probe(input);
    expect(p).toMatchObject({ width: 641, height: 361 });
    const r = await transcodeToHls({ input, outDir: join(dir, 'hls-odd'), probe: p });
    expect(r.rungs.map((x) => `${x.width}x${x.height}`)).toEqual(['640x360']);
    const o = await describeOutput(join(dir, 'hls-odd', '360p', 'index.m3u8'));
    expect(o).toMatchObject({ width: 640, height: 360, pixFmt: 'yuv420p' });
  });

  it('writes no audio for a silent source', async () => {
    const input = await makeVideo(dir, { name: 'silent', audio: false, seconds: 1 });
    const p = await probe(input);
    const r = await transcodeToHls({ input, outDir: join(dir, 'hls-silent'), probe: p, remux: false });
    const master = await expectHls(join(dir, 'hls-silent'), r.files, ['360p']);
    expect(master).not.toContain('mp4a');
    expect(master).toContain('CODECS="avc1.4d401e"');
    expect((await describeOutput(join(dir, 'hls-silent', '360p', 'index.m3u8'))).hasAudio).toBe(false);
  });

  it('copies a conforming H.264/AAC source into the top rung (fast path)', async () => {
    const input = await makeVideo(dir, {
      name: 'remux',
      width: 1280,
      height: 720,
      bitrate: '1500k',
      seconds: 2,
    });
    const p = await probe(input);
    const out = join(dir, 'hls-remux');
    const r = await transcodeToHls({ input, outDir: out, probe: p });
    expect(r.remuxed).toBe(true);
    expect(r.rungs.map((x) => `${x.name}:${x.copy}`)).toEqual(['360p:false', '540p:false', '720p:true']);
    const master = await expectHls(out, r.files, ['360p', '540p', '720p']);
    expect(master).toContain('RESOLUTION=1280x720,FRAME-RATE=30.000,CODECS="avc1.42e01f,mp4a.40.2"');
    const top = await describeOutput(join(out, '720p', 'index.m3u8'));
    expect(top).toMatchObject({
      videoCodec: 'h264',
      profile: p.profile,
      level: p.level,
      width: 1280,
      height: 720,
    });
    const low = await describeOutput(join(out, '360p', 'index.m3u8'));
    expect(low).toMatchObject({ profile: 'Main', width: 640, height: 360 });
  });

  it('makes a poster and a thumbnail sprite with a WebVTT track', async () => {
    const input = await makeVideo(dir, { name: 'stills', seconds: 5, audio: false });
    const p = await probe(input);
    const poster = join(dir, 'stills', 'poster.jpg');
    await rm(join(dir, 'stills'), { recursive: true, force: true });
    await makeSprite({ input, outDir: join(dir, 'stills'), probe: p, spriteUrl: 'sprite.jpg' });
    expect(await makePoster({ input, out: poster, probe: p })).toEqual({ width: 640, height: 360 });
    const jpeg = await describeOutput(poster).catch((e: unknown) => e);
    // A JPEG is "not a video" to the upload probe: that also proves it is a readable single image.
    expect(jpeg).toBeInstanceOf(MediaError);
    expect((jpeg as MediaError).code).toBe('video.not_a_video');
    const head = (await readFile(poster)).subarray(0, 3);
    expect([...head]).toEqual([0xff, 0xd8, 0xff]);

    const sprite = await readFile(join(dir, 'stills', 'sprite.jpg'));
    expect([...sprite.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const size = await new Promise<string>((done, fail) =>
      execFile(
        media.ffprobe,
        [
          '-v',
          'error',
          '-show_entries',
          'stream=width,height',
          '-of',
          'csv=p=0',
          join(dir, 'stills', 'sprite.jpg'),
        ],
        (err, stdout) => (err ? fail(err) : done(stdout.trim())),
      ),
    );
    expect(size).toBe('480,90'); // 3 thumbnails (0 s, 2 s, 4 s) of 160×90 in one row
    const vtt = await readFile(join(dir, 'stills', 'thumbnails.vtt'), 'utf8');
    expect(vtt).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nsprite.jpg#xywh=0,0,160,90\n\n' +
        '00:00:02.000 --> 00:00:04.000\nsprite.jpg#xywh=160,0,160,90\n\n' +
        '00:00:04.000 --> 00:00:05.000\nsprite.jpg#xywh=320,0,160,90\n',
    );
  });

  it('kills ffmpeg when the signal aborts, and leaves no partial rungs', async () => {
    const input = await landscapeClip();
    const p = await probe(input);
    const controller = new AbortController();
    const out = join(dir, 'hls-abort');
    const started = Date.now();
    const run = transcodeToHls({
      input,
      outDir: out,
      probe: p,
      remux: false,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(5_000);
    const children = await new Promise<string>((done) =>
      execFile('ps', ['-o', 'comm=', '--ppid', String(process.pid)], (_, stdout) => done(stdout)),
    );
    expect(children).not.toMatch(/ffmpeg/);
    expect(await exists(join(out, '1080p'))).toBe(false);
    expect(await exists(join(out, 'master.m3u8'))).toBe(false);
  });

  it('reports a failing ffmpeg as transcode_failed with stderr kept for the logs', async () => {
    const err = await runFfmpeg([
      '-v',
      'error',
      ...uploadInput(join(dir, 'missing.mp4')),
      '-f',
      'null',
      '-',
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MediaError);
    expect((err as MediaError).code).toBe('video.transcode_failed');
    expect((err as MediaError).detail).toMatch(/exited with 1[\s\S]*No such file or directory/);
  });
});

describe('probe rejects bad uploads', () => {
  const cases: [string, (d: string) => Promise<string>, MediaErrorCode][] = [
    ['a zero-byte file', makeEmptyFile, 'video.empty_file'],
    ['a text file named .mp4', makeTextFile, 'video.not_a_video'],
    ['a JPEG named .mov', makeJpegAsMov, 'video.not_a_video'],
    ['audio only (.m4a named .mp4)', makeAudioOnly, 'video.not_a_video'],
    ['an MP4 cut in half', makeTruncatedMp4, 'video.unreadable'],
    ['an MP4 with overwritten metadata', makeCorruptMoov, 'video.unreadable'],
    ['a 1×1 video', makeTinyVideo, 'video.too_small'],
    ['a small file declaring 10 hours', makeDeclaredTenHours, 'video.too_long'],
  ];
  it.each(cases)('%s', async (_, make, code) => {
    const file = await make(dir);
    const err = await probe(file).then(
      (r: ProbeResult) => r,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MediaError);
    expect((err as MediaError).code).toBe(code);
  });
});

describe('with the npm-shipped ffmpeg 4.1', () => {
  it('transcodes, rotates and makes stills (one process, -vsync cfr)', async () => {
    const bundled = await bundledMedia();
    expect(bundled.version).toBe('4.1');
    const input = await makeVideo(dir, { name: 'old', width: 640, height: 360, rotate: 90, seconds: 1 });
    const p = await probe(input, { media: bundled });
    expect(p).toMatchObject({ rotation: 90, width: 360, height: 640 });
    const out = join(dir, 'hls-old');
    const r = await transcodeToHls({ input, outDir: out, probe: p, media: bundled });
    await expectHls(out, r.files, ['360p']);
    // The npm ffprobe (2023 static build) segfaults on MPEG-TS: the output is read by the system one when there is
    // one (else through an MP4 copy, see describeOutput).
    const o = await describeOutput(join(out, '360p', 'index.m3u8'));
    expect(o).toMatchObject({ width: 360, height: 640, videoCodec: 'h264', frameRate: 30, hasAudio: true });
    await makePoster({ input, out: join(out, 'poster.jpg'), probe: p, media: bundled });
    const s = await makeSprite({ input, outDir: out, probe: p, media: bundled });
    expect(s.plan).toMatchObject({ count: 1, thumbWidth: 160, thumbHeight: 284 });
    expect(await exists(join(out, 'sprite.jpg'))).toBe(true);
  });
});
