import { describe, expect, it } from 'vitest';
import { spritePlan } from './commands.js';
import { planLadder } from './ladder.js';
import { probeResult } from './media.testing.js';
import {
  estimateBandwidth,
  masterPlaylist,
  measureBandwidth,
  parseMediaPlaylist,
  spriteVtt,
  vttTime,
} from './playlists.js';
import { ffmpegProgress, initialProgress, progressFraction } from './progress.js';

const MEDIA = `#EXTM3U
#EXT-X-VERSION:6
#EXT-X-TARGETDURATION:4
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:VOD
#EXT-X-INDEPENDENT-SEGMENTS
#EXTINF:4.000000,
seg_00000.ts
#EXTINF:4.000000,
seg_00001.ts
#EXTINF:0.500000,
seg_00002.ts
#EXT-X-ENDLIST
`;

describe('masterPlaylist', () => {
  it('lists every rung with bandwidth, resolution, frame rate and codecs', () => {
    const rungs = planLadder(probeResult({ width: 1280, height: 720, videoBitRate: 3_000_000 }));
    expect(masterPlaylist(rungs, { hasAudio: true })).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-STREAM-INF:BANDWIDTH=1047200,AVERAGE-BANDWIDTH=985600,RESOLUTION=640x360,FRAME-RATE=30.000,CODECS="avc1.4d401e,mp4a.40.2"',
        '360p/index.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=1753400,AVERAGE-BANDWIDTH=1645600,RESOLUTION=960x540,FRAME-RATE=30.000,CODECS="avc1.4d401f,mp4a.40.2"',
        '540p/index.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=3436400,AVERAGE-BANDWIDTH=3220800,RESOLUTION=1280x720,FRAME-RATE=30.000,CODECS="avc1.4d401f,mp4a.40.2"',
        '720p/index.m3u8',
        '',
      ].join('\n'),
    );
  });

  it('leaves audio out of CODECS and BANDWIDTH for silent video', () => {
    const rungs = planLadder(probeResult({ width: 640, height: 360, hasAudio: false }));
    const text = masterPlaylist(rungs, { hasAudio: false });
    expect(text).not.toContain('mp4a');
    expect(text).toContain('BANDWIDTH=941600,AVERAGE-BANDWIDTH=880000,RESOLUTION=640x360');
    expect(text).toContain('CODECS="avc1.4d401e"');
  });

  it('prefers measured bandwidths and names the copied rung by its source codec', () => {
    const src = probeResult({
      width: 1280,
      height: 720,
      profile: 'High',
      level: 31,
      videoBitRate: 2_000_000,
    });
    const rungs = planLadder(src, { remuxTop: true });
    const text = masterPlaylist(rungs, {
      hasAudio: true,
      measured: { '720p': { peak: 2_400_123, average: 2_100_000 } },
    });
    expect(text).toContain(
      'BANDWIDTH=2400123,AVERAGE-BANDWIDTH=2100000,RESOLUTION=1280x720,FRAME-RATE=30.000,CODECS="avc1.64001f,mp4a.40.2"\n720p/index.m3u8',
    );
  });

  it('estimates bandwidth from maxrate and the audio bit rate plus TS overhead', () => {
    const [r] = planLadder(probeResult());
    expect(estimateBandwidth(r, true)).toEqual({ peak: 1_047_200, average: 985_600 });
    expect(estimateBandwidth(r, false).average).toBe(880_000);
  });
});

describe('media playlists', () => {
  it('reads segment URIs and durations', () => {
    expect(parseMediaPlaylist(MEDIA)).toEqual([
      { uri: 'seg_00000.ts', duration: 4 },
      { uri: 'seg_00001.ts', duration: 4 },
      { uri: 'seg_00002.ts', duration: 0.5 },
    ]);
    expect(parseMediaPlaylist('#EXTM3U\n')).toEqual([]);
  });

  it('measures peak (ignoring the short tail) and average bandwidth', () => {
    const sizes: Record<string, number> = {
      'seg_00000.ts': 500_000,
      'seg_00001.ts': 1_000_000,
      'seg_00002.ts': 200_000,
    };
    expect(measureBandwidth(MEDIA, (uri) => sizes[uri])).toEqual({
      peak: 2_000_000,
      average: Math.ceil((1_700_000 * 8) / 8.5),
    });
    expect(measureBandwidth('#EXTM3U\n#EXT-X-ENDLIST\n', () => 0)).toBeNull();
  });
});

describe('spriteVtt', () => {
  it('covers the whole video with one cue per thumbnail', () => {
    const plan = spritePlan(9.5);
    expect(spriteVtt(plan)).toBe(
      [
        'WEBVTT',
        '',
        '00:00:00.000 --> 00:00:02.000',
        'sprite.jpg#xywh=0,0,160,90',
        '',
        '00:00:02.000 --> 00:00:04.000',
        'sprite.jpg#xywh=160,0,160,90',
        '',
        '00:00:04.000 --> 00:00:06.000',
        'sprite.jpg#xywh=320,0,160,90',
        '',
        '00:00:06.000 --> 00:00:08.000',
        'sprite.jpg#xywh=480,0,160,90',
        '',
        '00:00:08.000 --> 00:00:09.500',
        'sprite.jpg#xywh=640,0,160,90',
        '',
      ].join('\n'),
    );
  });

  it('walks the grid row by row and takes the sprite URL', () => {
    const plan = spritePlan(3600, { width: 1080, height: 1920 });
    const vtt = spriteVtt(plan, plan.count, '/media/v1/sprite.jpg');
    const cues = vtt.split('\n\n').slice(1).filter(Boolean);
    expect(cues).toHaveLength(100);
    expect(cues[10]).toBe('00:06:00.000 --> 00:06:36.000\n/media/v1/sprite.jpg#xywh=0,284,160,284');
    expect(cues[99].trimEnd()).toBe(
      '00:59:24.000 --> 01:00:00.000\n/media/v1/sprite.jpg#xywh=1440,2556,160,284',
    );
  });

  it('stretches the last cue to the end when fewer thumbnails were made', () => {
    const vtt = spriteVtt(spritePlan(10), 3);
    expect(vtt).toContain('00:00:04.000 --> 00:00:10.000\nsprite.jpg#xywh=320,0,160,90');
    expect(vtt.match(/-->/g)).toHaveLength(3);
  });

  it('formats WebVTT times', () => {
    expect(vttTime(0)).toBe('00:00:00.000');
    expect(vttTime(4)).toBe('00:00:04.000');
    expect(vttTime(61.2345)).toBe('00:01:01.235');
    expect(vttTime(36_000)).toBe('10:00:00.000');
  });
});

describe('ffmpegProgress', () => {
  const block = (us: string, end = false) =>
    `frame=12\nfps=0.0\nbitrate=N/A\ntotal_size=N/A\nout_time_us=${us}\nout_time_ms=${us}\nout_time=00:00:00.400000\ndup_frames=0\nspeed=0.8x\nprogress=${end ? 'end' : 'continue'}\n`;

  it('reads out_time_us from whole blocks and notices the end', () => {
    let s = ffmpegProgress(initialProgress(), block('400000'));
    expect(s).toEqual({ pending: '', outTimeSeconds: 0.4, ended: false });
    s = ffmpegProgress(s, block('2500000', true));
    expect(s).toMatchObject({ outTimeSeconds: 2.5, ended: true });
  });

  it('joins lines split across chunks', () => {
    let s = ffmpegProgress(initialProgress(), 'frame=1\nout_time_us=12');
    expect(s).toEqual({ pending: 'out_time_us=12', outTimeSeconds: 0, ended: false });
    s = ffmpegProgress(s, '50000\nprogress=continue\n');
    expect(s.outTimeSeconds).toBe(1.25);
  });

  it('ignores N/A and negative times and never goes backwards', () => {
    let s = ffmpegProgress(
      initialProgress(),
      'out_time_us=N/A\nout_time=-577014:32:22.775808\nprogress=continue\n',
    );
    expect(s.outTimeSeconds).toBe(0);
    s = ffmpegProgress(s, 'out_time_us=3000000\n');
    s = ffmpegProgress(s, 'out_time_us=2000000\n');
    expect(s.outTimeSeconds).toBe(3);
  });

  it('understands ffmpeg 4.1 output (out_time_ms in microseconds, no out_time_us)', () => {
    const s = ffmpegProgress(
      initialProgress(),
      'out_time_ms=1500000\nout_time=00:00:01.500000\nprogress=continue\n',
    );
    expect(s.outTimeSeconds).toBe(1.5);
    expect(ffmpegProgress(initialProgress(), 'out_time=01:02:03.500000\n').outTimeSeconds).toBe(3723.5);
  });

  it('turns out_time into a clamped fraction', () => {
    expect(progressFraction(1, 4)).toBe(0.25);
    expect(progressFraction(5, 4)).toBe(1);
    expect(progressFraction(-1, 4)).toBe(0);
    expect(progressFraction(1, 0)).toBe(0);
    expect(progressFraction(1, undefined)).toBe(0);
  });
});
