import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ffmpegLimits } from './run.js';

// Issue 21: a worker yields to the web on the same machine — ffmpeg niced, its threads bounded.
describe('ffmpegLimits', () => {
  it('defaults to niceness 10 and one encoder thread per core', () => {
    expect(ffmpegLimits({})).toEqual({ nice: 10, threads: availableParallelism() });
  });

  it('takes AMONGI_FFMPEG_NICE and AMONGI_FFMPEG_THREADS, clamped to what the system allows', () => {
    expect(ffmpegLimits({ AMONGI_FFMPEG_NICE: '0', AMONGI_FFMPEG_THREADS: '1' })).toEqual({
      nice: 0,
      threads: 1,
    });
    expect(ffmpegLimits({ AMONGI_FFMPEG_NICE: '40', AMONGI_FFMPEG_THREADS: '500' })).toEqual({
      nice: 19,
      threads: 64,
    });
    expect(ffmpegLimits({ AMONGI_FFMPEG_NICE: '-5', AMONGI_FFMPEG_THREADS: '0' })).toEqual({
      nice: 0,
      threads: 1,
    });
  });

  it('ignores what is not a whole number', () => {
    const d = ffmpegLimits({});
    expect(ffmpegLimits({ AMONGI_FFMPEG_NICE: 'high', AMONGI_FFMPEG_THREADS: '2.5' })).toEqual(d);
    expect(ffmpegLimits({ AMONGI_FFMPEG_NICE: '', AMONGI_FFMPEG_THREADS: ' ' })).toEqual({
      nice: 10,
      threads: availableParallelism(),
    });
  });
});
