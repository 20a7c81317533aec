import { describe, expect, it } from 'vitest';
import { hasFpsMode, parseFfmpegVersion } from './binaries.js';
import { hlsArgs, posterArgs, posterSize, posterTime, spriteArgs, spritePlan } from './commands.js';
import { planLadder } from './ladder.js';
import { probeResult } from './media.testing.js';

const ALLOWED = 'mov,matroska,avi,mpegts,mpeg,flv,asf,ogg,dv';
const IN = ['-format_whitelist', ALLOWED, '-protocol_whitelist', 'file', '-i', 'file:/in/a.mp4'];

/** The value following `flag` in an argv (first occurrence after `from`). */
const valueAfter = (args: string[], flag: string, from = 0) => args[args.indexOf(flag, from) + 1];
const count = (args: string[], item: string) => args.filter((a) => a === item).length;
/** Splits an argv into the part before the first output option and one slice per HLS output. */
function outputs(args: string[]): string[][] {
  const out: string[][] = [];
  let start = args.findIndex((a, i) => a === '-map' && i > args.indexOf('-i'));
  for (let i = start; i < args.length; i++) {
    if (args[i].endsWith('index.m3u8')) {
      out.push(args.slice(start, i + 1));
      start = i + 1;
    }
  }
  return out;
}

describe('hlsArgs', () => {
  const probe = probeResult({ videoBitRate: 8_000_000 });
  const rungs = planLadder(probe);
  const args = hlsArgs({
    input: '/in/a.mp4',
    outDir: '/out/v1',
    rungs,
    probe,
    remuxTop: false,
    ffmpegVersion: '5.1',
  });

  it('decodes once and splits into one scaled branch per rung', () => {
    expect(args.slice(0, 16)).toEqual([
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      '-y',
      '-nostats',
      '-progress',
      'pipe:1',
      ...IN,
      '-filter_complex',
      '[0:0]split=4[s0][s1][s2][s3];[s0]scale=640:360,setsar=1[v0];[s1]scale=960:540,setsar=1[v1];' +
        '[s2]scale=1280:720,setsar=1[v2];[s3]scale=1920:1080,setsar=1[v3]',
    ]);
    expect(count(args, '-i')).toBe(1);
    expect(args).not.toContain('-var_stream_map');
  });

  it('writes each rung as its own HLS output with x264 main, aligned keyframes and AAC stereo', () => {
    const outs = outputs(args);
    expect(outs).toHaveLength(4);
    expect(outs[0]).toEqual([
      ...['-map', '[v0]', '-map', '0:a:0', '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main'],
      ...[
        '-level:v',
        '3.0',
        '-pix_fmt',
        'yuv420p',
        '-b:v',
        '800000',
        '-maxrate',
        '856000',
        '-bufsize',
        '1200000',
      ],
      ...['-force_key_frames', 'expr:gte(t,n_forced*4)', '-sc_threshold', '0', '-fps_mode', 'cfr'],
      ...['-c:a', 'aac', '-b:a', '96000', '-ac', '2', '-ar', '48000', '-max_muxing_queue_size', '4096'],
      ...['-f', 'hls', '-hls_time', '4', '-hls_playlist_type', 'vod', '-hls_segment_type', 'mpegts'],
      ...['-hls_flags', 'independent_segments', '-hls_segment_filename', '/out/v1/360p/seg_%05d.ts'],
      '/out/v1/360p/index.m3u8',
    ]);
    expect(outs.map((o) => o.at(-1))).toEqual([
      '/out/v1/360p/index.m3u8',
      '/out/v1/540p/index.m3u8',
      '/out/v1/720p/index.m3u8',
      '/out/v1/1080p/index.m3u8',
    ]);
    expect(outs.map((o) => valueAfter(o, '-b:v'))).toEqual(['800000', '1400000', '2800000', '5000000']);
    expect(outs.map((o) => valueAfter(o, '-level:v'))).toEqual(['3.0', '3.1', '3.1', '4.0']);
    expect(outs.map((o) => valueAfter(o, '-b:a'))).toEqual(['96000', '96000', '128000', '128000']);
  });

  it('uses the global -vsync cfr on ffmpeg 4.x instead of -fps_mode', () => {
    const old = hlsArgs({
      input: '/in/a.mp4',
      outDir: '/o',
      rungs,
      probe,
      remuxTop: false,
      ffmpegVersion: '4.1',
    });
    expect(old).not.toContain('-fps_mode');
    expect(count(old, '-vsync')).toBe(1);
    expect(valueAfter(old, '-vsync')).toBe('cfr');
    expect(old.indexOf('-vsync')).toBeLessThan(old.indexOf('-map'));
    expect(count(args, '-fps_mode')).toBe(4);
  });

  it('maps no audio for a silent source', () => {
    const silent = probeResult({ hasAudio: false, audioCodec: null });
    const a = hlsArgs({
      input: 'i',
      outDir: '/o',
      rungs: planLadder(silent),
      probe: silent,
      remuxTop: false,
      ffmpegVersion: '5.1',
    });
    expect(a).not.toContain('0:a:0');
    expect(a).not.toContain('-c:a');
    expect(a).not.toContain('-ac');
  });

  it('caps variable and high frame rates at 30 fps before splitting', () => {
    const vfr = probeResult({ width: 640, height: 360, frameRate: 58.4, variableFrameRate: true });
    const a = hlsArgs({
      input: 'i',
      outDir: '/o',
      rungs: planLadder(vfr),
      probe: vfr,
      remuxTop: false,
      ffmpegVersion: '5.1',
    });
    expect(valueAfter(a, '-filter_complex')).toBe('[0:0]fps=30,scale=640:360,setsar=1[v0]');
    const fast = probeResult({ frameRate: 60 });
    const b = hlsArgs({
      input: 'i',
      outDir: '/o',
      rungs: planLadder(fast),
      probe: fast,
      remuxTop: false,
      ffmpegVersion: '5.1',
    });
    expect(valueAfter(b, '-filter_complex')).toMatch(/^\[0:0\]fps=30,split=4/);
    expect(valueAfter(args, '-filter_complex')).not.toContain('fps=');
  });

  it('scales to display sizes for rotated video (autorotate turns the picture upright first)', () => {
    const portrait = probeResult({
      width: 1080,
      height: 1920,
      storedWidth: 1920,
      storedHeight: 1080,
      rotation: 90,
    });
    const a = hlsArgs({
      input: 'i',
      outDir: '/o',
      rungs: planLadder(portrait),
      probe: portrait,
      remuxTop: false,
      ffmpegVersion: '5.1',
    });
    expect(valueAfter(a, '-filter_complex')).toContain('[s0]scale=360:640,setsar=1[v0]');
    expect(valueAfter(a, '-filter_complex')).toContain('[s3]scale=1080:1920,setsar=1[v3]');
    expect(a).not.toContain('-noautorotate');
  });

  it('makes odd sources even and maps the chosen video stream by index', () => {
    const odd = probeResult({ width: 641, height: 361, videoStreamIndex: 2 });
    const a = hlsArgs({
      input: 'i',
      outDir: '/o',
      rungs: planLadder(odd),
      probe: odd,
      remuxTop: false,
      ffmpegVersion: '5.1',
    });
    expect(valueAfter(a, '-filter_complex')).toBe('[0:2]scale=640:360,setsar=1[v0]');
  });

  it('copies the top rung on the fast path and encodes the rest', () => {
    const src = probeResult({ width: 1280, height: 720, videoBitRate: 2_000_000 });
    const r = planLadder(src, { remuxTop: true });
    const a = hlsArgs({
      input: 'i',
      outDir: '/o',
      rungs: r,
      probe: src,
      remuxTop: true,
      ffmpegVersion: '5.1',
    });
    expect(valueAfter(a, '-filter_complex')).toBe(
      '[0:0]split=2[s0][s1];[s0]scale=640:360,setsar=1[v0];[s1]scale=960:540,setsar=1[v1]',
    );
    const outs = outputs(a);
    expect(outs).toHaveLength(3);
    expect(outs[2].slice(0, 8)).toEqual(['-map', '0:0', '-c:v', 'copy', '-map', '0:a:0', '-c:a', 'copy']);
    expect(outs[2]).not.toContain('libx264');
    expect(outs[2]).not.toContain('-fps_mode');
    expect(outs[2].at(-1)).toBe('/o/720p/index.m3u8');
    expect(count(a, 'libx264')).toBe(2);
  });

  it('needs no filter graph when only the copied rung exists', () => {
    const small = probeResult({ width: 320, height: 240, videoBitRate: 300_000 });
    const r = planLadder(small, { remuxTop: true });
    const a = hlsArgs({
      input: 'i',
      outDir: '/o',
      rungs: r,
      probe: small,
      remuxTop: true,
      ffmpegVersion: '4.1',
    });
    expect(a).not.toContain('-filter_complex');
    expect(a).not.toContain('-vsync');
    expect(outputs(a)).toHaveLength(1);
  });

  it('escapes % in the output folder of the segment pattern', () => {
    const a = hlsArgs({
      input: 'i',
      outDir: '/o/100%',
      rungs: rungs.slice(0, 1),
      probe,
      remuxTop: false,
      ffmpegVersion: '5.1',
    });
    expect(valueAfter(a, '-hls_segment_filename')).toBe('/o/100%%/360p/seg_%05d.ts');
    expect(a.at(-1)).toBe('/o/100%/360p/index.m3u8');
  });
});

describe('posterArgs', () => {
  it('takes one frame 2 s in, at most 1280 wide, upright', () => {
    const a = posterArgs('/in/a.mp4', '/out/poster.jpg', probeResult());
    expect(a).toEqual([
      ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-ss', '2.000', ...IN],
      ...['-map', '0:0', '-frames:v', '1', '-vf', 'scale=1280:720,setsar=1', '-c:v', 'mjpeg', '-q:v', '3'],
      ...['-f', 'image2', '-update', '1', '/out/poster.jpg'],
    ]);
  });

  it('uses a third of short videos and the display size of portrait video', () => {
    expect(posterTime(1.5)).toBe(0.5);
    expect(posterTime(600)).toBe(2);
    const portrait = probeResult({ width: 1080, height: 1920, rotation: 90, durationSeconds: 3 });
    const a = posterArgs('i', 'o.jpg', portrait);
    expect(valueAfter(a, '-ss')).toBe('1.000');
    expect(valueAfter(a, '-vf')).toBe('scale=1080:1920,setsar=1');
    expect(posterSize(probeResult({ width: 3840, height: 2160 }))).toEqual({ width: 1280, height: 720 });
    expect(posterSize(probeResult({ width: 641, height: 361 }))).toEqual({ width: 642, height: 362 });
    expect(valueAfter(posterArgs('i', 'o.jpg', probeResult(), 0), '-ss')).toBe('0.000');
  });
});

describe('sprites', () => {
  it('takes a thumbnail every 2 s for videos up to 200 s', () => {
    expect(spritePlan(12)).toEqual({
      durationSeconds: 12,
      interval: 2,
      count: 6,
      columns: 6,
      rows: 1,
      thumbWidth: 160,
      thumbHeight: 90,
    });
    expect(spritePlan(200)).toMatchObject({ interval: 2, count: 100, columns: 10, rows: 10 });
    expect(spritePlan(1)).toMatchObject({ interval: 2, count: 1, columns: 1, rows: 1 });
    expect(spritePlan(4.2)).toMatchObject({ count: 2 });
    expect(spritePlan(4.6)).toMatchObject({ count: 3 });
  });

  it('keeps at most ~100 thumbnails for long videos', () => {
    expect(spritePlan(3600)).toMatchObject({ interval: 36, count: 100, columns: 10, rows: 10 });
    expect(spritePlan(4 * 3600)).toMatchObject({ interval: 144, count: 100 });
    const odd = spritePlan(1001);
    expect(odd.interval).toBe(11);
    expect(odd.count).toBeLessThanOrEqual(100);
    expect(odd.columns * odd.rows).toBeGreaterThanOrEqual(odd.count);
  });

  it('sizes thumbnails by the display aspect ratio, even', () => {
    expect(spritePlan(10, { width: 1080, height: 1920 }).thumbHeight).toBe(284);
    expect(spritePlan(10, { width: 640, height: 480 }).thumbHeight).toBe(120);
    expect(spritePlan(10, { width: 641, height: 361 }).thumbHeight).toBe(90);
  });

  it('selects one frame per interval, scales and tiles them into one JPEG', () => {
    const plan = spritePlan(30);
    expect(spriteArgs('/in/a.mp4', '/out/sprite.jpg', plan, probeResult())).toEqual([
      ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...IN, '-map', '0:0'],
      '-vf',
      "select='gte(t,selected_n*2)',scale=160:90,setsar=1,tile=10x2",
      ...['-frames:v', '1', '-c:v', 'mjpeg', '-q:v', '5', '-f', 'image2', '-update', '1', '/out/sprite.jpg'],
    ]);
  });
});

describe('hlsArgs for the renditions of issue 21', () => {
  const probe = probeResult({ videoBitRate: 4_500_000 });
  const copyPlan = planLadder(probe, { remuxTop: true });
  const copy = copyPlan[copyPlan.length - 1];

  it('copies the source alone into one HLS output: no filter graph, no encoder, no threads', () => {
    const args = hlsArgs({
      input: '/in/a.mp4',
      outDir: '/out',
      rungs: [copy],
      probe,
      remuxTop: true,
      ffmpegVersion: '5.1',
      threads: 2,
    });
    expect(args).not.toContain('-filter_complex');
    expect(args).not.toContain('libx264');
    expect(args).not.toContain('-threads');
    expect(args).not.toContain('-filter_complex_threads');
    expect(outputs(args)).toHaveLength(1);
    expect(valueAfter(args, '-c:v')).toBe('copy');
    expect(valueAfter(args, '-c:a')).toBe('copy');
    expect(args.at(-1)).toBe('/out/1080p/index.m3u8');
  });

  it('encodes the lowest rung alone without a split, with bounded threads', () => {
    const plan = planLadder(probe);
    const args = hlsArgs({
      input: '/in/a.mp4',
      outDir: '/out',
      rungs: [plan[0]],
      probe,
      remuxTop: false,
      ffmpegVersion: '5.1',
      threads: 2,
    });
    expect(valueAfter(args, '-filter_complex')).toBe('[0:0]scale=640:360,setsar=1[v0]');
    expect(valueAfter(args, '-filter_complex_threads')).toBe('2');
    expect(valueAfter(args, '-threads')).toBe('2');
    expect(outputs(args)).toHaveLength(1);
    expect(args.at(-1)).toBe('/out/360p/index.m3u8');
  });

  it('encodes the other rungs in one run, one -threads per encoder', () => {
    const rest = copyPlan.slice(0, -1);
    const args = hlsArgs({
      input: '/in/a.mp4',
      outDir: '/out',
      rungs: rest,
      probe,
      remuxTop: false,
      ffmpegVersion: '5.1',
      threads: 3,
    });
    expect(count(args, '-i')).toBe(1);
    expect(valueAfter(args, '-filter_complex')).toMatch(/^\[0:0\]split=3/);
    expect(count(args, '-threads')).toBe(3);
    expect(outputs(args).map((o) => o.at(-1))).toEqual([
      '/out/360p/index.m3u8',
      '/out/540p/index.m3u8',
      '/out/720p/index.m3u8',
    ]);
    expect(args).not.toContain('copy');
  });

  it('leaves threads to ffmpeg when not bounded', () => {
    const args = hlsArgs({
      input: '/in/a.mp4',
      outDir: '/out',
      rungs: copyPlan.slice(0, 1),
      probe,
      remuxTop: false,
      ffmpegVersion: '5.1',
    });
    expect(args).not.toContain('-threads');
    expect(args).not.toContain('-filter_complex_threads');
  });
});

describe('ffmpeg versions', () => {
  it('reads release versions and dates git snapshots by libavcodec', () => {
    expect(parseFfmpegVersion('ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026')).toBe('5.1');
    expect(parseFfmpegVersion('ffmpeg version n7.1 Copyright')).toBe('7.1');
    expect(parseFfmpegVersion('ffmpeg version 4.4.2-0ubuntu0.22.04.1 Copyright')).toBe('4.4');
    const snapshot =
      'ffmpeg version N-47683-g0e8eb07980-static https://johnvansickle.com/ffmpeg/\nlibavutil      56. 24.101 / 56. 24.101\nlibavcodec     58. 42.100 / 58. 42.100\n';
    expect(parseFfmpegVersion(snapshot)).toBe('4.1');
    expect(parseFfmpegVersion('ffmpeg version N-1-gabc\nlibavcodec     59. 37.100 / 59. 37.100')).toBe('5.1');
    expect(parseFfmpegVersion('ffmpeg version N-1-gabc\nlibavcodec     59. 18.100 / 59. 18.100')).toBe('5.0');
    expect(parseFfmpegVersion('not ffmpeg')).toBeNull();
  });

  it('knows which versions take -fps_mode', () => {
    expect(hasFpsMode('4.1')).toBe(false);
    expect(hasFpsMode('5.0')).toBe(false);
    expect(hasFpsMode('5.1')).toBe(true);
    expect(hasFpsMode('6.0')).toBe(true);
    expect(hasFpsMode('7.1')).toBe(true);
  });
});
