import { describe, expect, it } from 'vitest';
import {
  avcCodecs,
  canRemux,
  h264Level,
  levelArg,
  outputFrameRate,
  planLadder,
  renditionOrder,
} from './ladder.js';
import { probeResult } from './media.testing.js';

const sizes = (p: ReturnType<typeof planLadder>) => p.map((r) => `${r.name}:${r.width}x${r.height}`);

describe('planLadder', () => {
  it('gives a 1080p landscape source all four rungs, smallest first', () => {
    const rungs = planLadder(probeResult({ videoBitRate: 8_000_000 }));
    expect(sizes(rungs)).toEqual(['360p:640x360', '540p:960x540', '720p:1280x720', '1080p:1920x1080']);
    expect(rungs.map((r) => r.videoBitrate)).toEqual([800_000, 1_400_000, 2_800_000, 5_000_000]);
    expect(rungs.map((r) => r.audioBitrate)).toEqual([96_000, 96_000, 128_000, 128_000]);
    expect(rungs[0]).toEqual({
      name: '360p',
      width: 640,
      height: 360,
      frameRate: 30,
      videoBitrate: 800_000,
      maxrate: 856_000,
      bufsize: 1_200_000,
      audioBitrate: 96_000,
      level: 30,
      videoCodecs: 'avc1.4d401e',
      copy: false,
    });
    expect(rungs.map((r) => r.videoCodecs)).toEqual([
      'avc1.4d401e',
      'avc1.4d401f',
      'avc1.4d401f',
      'avc1.4d4028',
    ]);
  });

  it('stops at the source: a 540p source gets 360p and 540p', () => {
    expect(sizes(planLadder(probeResult({ width: 960, height: 540 })))).toEqual([
      '360p:640x360',
      '540p:960x540',
    ]);
    expect(sizes(planLadder(probeResult({ width: 1280, height: 719 })))).toEqual([
      '360p:640x360',
      '540p:962x540',
    ]);
  });

  it('applies the rung to the short side of portrait video', () => {
    expect(sizes(planLadder(probeResult({ width: 1080, height: 1920 })))).toEqual([
      '360p:360x640',
      '540p:540x960',
      '720p:720x1280',
      '1080p:1080x1920',
    ]);
  });

  it('keeps the aspect ratio with even sizes', () => {
    expect(sizes(planLadder(probeResult({ width: 641, height: 361 })))).toEqual(['360p:640x360']);
    expect(sizes(planLadder(probeResult({ width: 1440, height: 1080 })))).toContain('1080p:1440x1080');
    expect(sizes(planLadder(probeResult({ width: 1000, height: 1000 })))).toEqual([
      '360p:360x360',
      '540p:540x540',
      '720p:720x720',
    ]);
    expect(sizes(planLadder(probeResult({ width: 2560, height: 1080 })))).toContain('1080p:2560x1080');
    for (const r of planLadder(probeResult({ width: 1918, height: 1078 })))
      expect([r.width % 2, r.height % 2]).toEqual([0, 0]);
  });

  it('makes a single rung at the source size below 360', () => {
    expect(sizes(planLadder(probeResult({ width: 320, height: 240 })))).toEqual(['240p:320x240']);
    expect(sizes(planLadder(probeResult({ width: 321, height: 241 })))).toEqual(['240p:320x240']);
    expect(sizes(planLadder(probeResult({ width: 180, height: 320 })))).toEqual(['180p:180x320']);
  });

  it('caps bit rates by the source and never below 100 kbit/s', () => {
    const low = planLadder(probeResult({ videoBitRate: 1_000_000 }));
    expect(low.map((r) => r.videoBitrate)).toEqual([800_000, 1_000_000, 1_000_000, 1_000_000]);
    expect(low[3]).toMatchObject({ maxrate: 1_070_000, bufsize: 1_500_000 });
    expect(planLadder(probeResult({ videoBitRate: 20_000 }))[0].videoBitrate).toBe(100_000);
    expect(planLadder(probeResult({ videoBitRate: null }))[3].videoBitrate).toBe(5_000_000);
  });

  it('caps the output at 30 fps for variable and high frame rates', () => {
    expect(planLadder(probeResult({ frameRate: 60 }))[0].frameRate).toBe(30);
    expect(planLadder(probeResult({ frameRate: 24, variableFrameRate: true }))[0].frameRate).toBe(30);
    expect(planLadder(probeResult({ frameRate: 25 }))[0].frameRate).toBe(25);
    expect(outputFrameRate({ frameRate: 30000 / 1001, variableFrameRate: false })).toBeCloseTo(29.97, 2);
    expect(outputFrameRate({ frameRate: 0, variableFrameRate: false })).toBe(30);
  });

  it('replaces the top rung by the copied source on the fast path', () => {
    const src = probeResult({
      width: 1280,
      height: 720,
      videoBitRate: 2_000_000,
      profile: 'Main',
      level: 31,
    });
    const rungs = planLadder(src, { remuxTop: true });
    expect(sizes(rungs)).toEqual(['360p:640x360', '540p:960x540', '720p:1280x720']);
    expect(rungs[2]).toMatchObject({
      copy: true,
      videoBitrate: 2_000_000,
      audioBitrate: 128_000,
      videoCodecs: 'avc1.4d401f',
      frameRate: 30,
    });
    expect(rungs.slice(0, 2).every((r) => !r.copy)).toBe(true);
    const between = planLadder(probeResult({ width: 1000, height: 600, videoBitRate: 1_000_000 }), {
      remuxTop: true,
    });
    expect(sizes(between)).toEqual(['360p:600x360', '600p:1000x600']);
  });
});

describe('canRemux', () => {
  const ok = probeResult({ videoBitRate: 4_500_000 });

  it('accepts upright 8-bit 4:2:0 H.264 with AAC-LC or no audio', () => {
    expect(canRemux(ok)).toBe(true);
    expect(canRemux({ ...ok, profile: 'Main' })).toBe(true);
    expect(canRemux({ ...ok, profile: 'Constrained Baseline' })).toBe(true);
    expect(canRemux({ ...ok, hasAudio: false, audioCodec: null, audioProfile: null })).toBe(true);
    expect(canRemux({ ...ok, frameRate: 60 })).toBe(true);
  });

  it.each([
    ['HEVC', { videoCodec: 'hevc', profile: 'Main' }],
    ['High 10', { profile: 'High 10', pixFmt: 'yuv420p10le' }],
    ['4:2:2', { profile: 'High 4:2:2', pixFmt: 'yuv422p' }],
    ['full-range yuvj420p', { pixFmt: 'yuvj420p' }],
    ['4K', { width: 3840, height: 2160, storedWidth: 3840, storedHeight: 2160 }],
    ['rotated', { rotation: 90 as const, width: 1080, height: 1920 }],
    ['anamorphic', { storedWidth: 1440 }],
    ['odd size', { width: 1280, height: 719, storedWidth: 1280, storedHeight: 719 }],
    ['VFR', { variableFrameRate: true }],
    ['120 fps', { frameRate: 120 }],
    ['MP3 audio', { audioCodec: 'mp3', audioProfile: null }],
    ['HE-AAC audio', { audioProfile: 'HE-AAC' }],
    ['unknown bit rate', { videoBitRate: null }],
    ['bit rate over twice the rung', { videoBitRate: 10_000_001 }],
  ])('refuses %s', (_, over) => {
    expect(canRemux({ ...ok, ...over })).toBe(false);
  });

  it('measures the bit rate limit against the rung the source lands on', () => {
    const p720 = probeResult({ width: 1280, height: 720, storedWidth: 1280, storedHeight: 720 });
    expect(canRemux({ ...p720, videoBitRate: 5_600_000 })).toBe(true);
    expect(canRemux({ ...p720, videoBitRate: 5_600_001 })).toBe(false);
  });
});

describe('H.264 levels and codecs', () => {
  it('picks the smallest level that fits size, rate and bit rate', () => {
    expect(h264Level(640, 360, 30, 856_000)).toBe(30);
    expect(h264Level(960, 540, 30, 1_498_000)).toBe(31);
    expect(h264Level(1280, 720, 30, 2_996_000)).toBe(31);
    expect(h264Level(1280, 720, 60, 2_996_000)).toBe(32);
    expect(h264Level(1920, 1080, 30, 5_350_000)).toBe(40);
    expect(h264Level(1080, 1920, 30, 5_350_000)).toBe(40);
    expect(h264Level(1920, 1080, 30, 25_000_000)).toBe(41);
    expect(h264Level(2560, 1080, 30, 5_350_000)).toBe(50);
    expect(levelArg(31)).toBe('3.1');
    expect(levelArg(40)).toBe('4.0');
  });

  it('writes RFC 6381 avc1 strings', () => {
    expect(avcCodecs('Main', 31)).toBe('avc1.4d401f');
    expect(avcCodecs('High', 40)).toBe('avc1.640028');
    expect(avcCodecs('Constrained Baseline', 30)).toBe('avc1.42e01e');
  });
});

describe('renditionOrder (issue 21)', () => {
  it('makes the copied source first when the fast path applies, then the encoded rungs', () => {
    const plan = planLadder(probeResult({ videoBitRate: 4_500_000 }), { remuxTop: true });
    const { first, rest } = renditionOrder(plan);
    expect(first.copy).toBe(true);
    expect(first.name).toBe('1080p');
    expect(rest.map((r) => r.name)).toEqual(['360p', '540p', '720p']);
    expect(rest.every((r) => !r.copy)).toBe(true);
  });

  it('makes the lowest rung first when every rung is encoded', () => {
    const { first, rest } = renditionOrder(planLadder(probeResult()));
    expect(first.name).toBe('360p');
    expect(rest.map((r) => r.name)).toEqual(['540p', '720p', '1080p']);
  });

  it('has nothing after the first for a source with a single rung', () => {
    const { first, rest } = renditionOrder(planLadder(probeResult({ width: 320, height: 240 })));
    expect(first.name).toBe('240p');
    expect(rest).toEqual([]);
  });
});
