import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors.js';
import { probeArgs } from './commands.js';
import { MEDIA_ERROR_CODES, MediaError, type MediaErrorCode } from './errors.js';
import { aacStream, h264Stream, mp4Format, probeJson } from './media.testing.js';
import { looksLikeVideoContainer, parseProbe, parseRational, rotationOf } from './probe.js';

function codeOf(fn: () => unknown): MediaErrorCode | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof MediaError) return e.code;
    throw e;
  }
  return undefined;
}

describe('parseProbe', () => {
  it('describes a 1080p H.264/AAC MP4', () => {
    expect(parseProbe(probeJson())).toEqual({
      durationSeconds: 12,
      videoStreamIndex: 0,
      width: 1920,
      height: 1080,
      storedWidth: 1920,
      storedHeight: 1080,
      rotation: 0,
      videoCodec: 'h264',
      profile: 'High',
      level: 40,
      pixFmt: 'yuv420p',
      frameRate: 30,
      variableFrameRate: false,
      videoBitRate: 4_500_000,
      hasAudio: true,
      audioCodec: 'aac',
      audioProfile: 'LC',
      audioChannels: 2,
      audioBitRate: 128_000,
      formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
      sizeBytes: 7_000_000,
    });
  });

  it('swaps to the display size for a phone video rotated by a display matrix', () => {
    const rotated = h264Stream({
      side_data_list: [{ side_data_type: 'Display Matrix', displaymatrix: '…', rotation: -90 }],
    });
    const p = parseProbe(probeJson([rotated, aacStream()]));
    expect(p).toMatchObject({
      rotation: 90,
      width: 1080,
      height: 1920,
      storedWidth: 1920,
      storedHeight: 1080,
    });
  });

  it('reads the legacy rotate tag (ffprobe 4.x)', () => {
    const p = parseProbe(probeJson([h264Stream({ tags: { rotate: '270' } })]));
    expect(p).toMatchObject({ rotation: 270, width: 1080, height: 1920, hasAudio: false, audioCodec: null });
  });

  it('keeps landscape for 180° and applies a non-square sample aspect ratio', () => {
    expect(rotationOf({ side_data_list: [{ rotation: 180 }] })).toBe(180);
    expect(rotationOf({ side_data_list: [{ rotation: -180 }] })).toBe(180);
    expect(rotationOf({ side_data_list: [{ rotation: 90 }] })).toBe(270);
    expect(rotationOf({})).toBe(0);
    const anamorphic = h264Stream({ width: 720, height: 576, sample_aspect_ratio: '64:45' });
    expect(parseProbe(probeJson([anamorphic]))).toMatchObject({ width: 1024, height: 576, storedWidth: 720 });
  });

  it('flags variable frame rate when r_frame_rate and avg_frame_rate differ notably', () => {
    const vfr = h264Stream({ r_frame_rate: '60/1', avg_frame_rate: '1800/59' });
    expect(parseProbe(probeJson([vfr]))).toMatchObject({ variableFrameRate: true });
    const ntsc = h264Stream({ r_frame_rate: '30000/1001', avg_frame_rate: '30000/1001' });
    expect(parseProbe(probeJson([ntsc])).frameRate).toBeCloseTo(29.97, 2);
    expect(parseProbe(probeJson([ntsc])).variableFrameRate).toBe(false);
    const slightly = h264Stream({ r_frame_rate: '30/1', avg_frame_rate: '2990/100' });
    expect(parseProbe(probeJson([slightly])).variableFrameRate).toBe(false);
    const unknown = h264Stream({ avg_frame_rate: '0/0' });
    expect(parseProbe(probeJson([unknown]))).toMatchObject({ frameRate: 30, variableFrameRate: true });
  });

  it('takes the video bit rate from the container minus audio when the stream has none', () => {
    const mkv = probeJson(
      [h264Stream({ bit_rate: undefined, duration: undefined }), aacStream({ bit_rate: '128000' })],
      mp4Format({ format_name: 'matroska,webm', bit_rate: '3128000' }),
    );
    expect(parseProbe(mkv).videoBitRate).toBe(3_000_000);
    const none = probeJson([h264Stream({ bit_rate: 'N/A' })], mp4Format({ bit_rate: undefined }));
    expect(parseProbe(none).videoBitRate).toBeNull();
  });

  it('falls back to stream and Matroska tag durations', () => {
    const noFormatDuration = probeJson([h264Stream({ duration: '7.5' })], mp4Format({ duration: undefined }));
    expect(parseProbe(noFormatDuration).durationSeconds).toBe(7.5);
    const mkv = probeJson(
      [h264Stream({ duration: undefined, tags: { DURATION: '00:01:02.500000000' } })],
      mp4Format({ duration: undefined }),
    );
    expect(parseProbe(mkv).durationSeconds).toBe(62.5);
  });

  it('skips cover art and prefers the default video stream', () => {
    const cover = h264Stream({ index: 0, codec_name: 'mjpeg', disposition: { attached_pic: 1 } });
    const p = parseProbe(probeJson([cover, h264Stream({ index: 1, width: 1280, height: 720 })]));
    expect(p).toMatchObject({ videoStreamIndex: 1, width: 1280, videoCodec: 'h264' });
  });

  it('rejects what is not a video', () => {
    const audioOnly = probeJson([aacStream({ index: 0 })]);
    expect(codeOf(() => parseProbe(audioOnly))).toBe('video.not_a_video');
    const m4aWithCover = probeJson([
      aacStream({ index: 0 }),
      h264Stream({ codec_name: 'png', disposition: { attached_pic: 1 } }),
    ]);
    expect(codeOf(() => parseProbe(m4aWithCover))).toBe('video.not_a_video');
    const jpeg = probeJson(
      [h264Stream({ codec_name: 'mjpeg', duration: undefined, nb_frames: undefined, r_frame_rate: '25/1' })],
      { format_name: 'jpeg_pipe', size: '20000' },
    );
    expect(codeOf(() => parseProbe(jpeg))).toBe('video.not_a_video');
    const pngInMov = probeJson(
      [h264Stream({ codec_name: 'png', nb_frames: '1', duration: undefined })],
      mp4Format({ duration: undefined }),
    );
    expect(codeOf(() => parseProbe(pngInMov))).toBe('video.not_a_video');
    const subtitlesOnly = probeJson([{ index: 0, codec_type: 'subtitle', codec_name: 'mov_text' }]);
    expect(codeOf(() => parseProbe(subtitlesOnly))).toBe('video.not_a_video');
  });

  it('refuses every container outside the allow-list, even with a perfect video stream', () => {
    // What ffprobe reports for a playlist, a concat script, pictures, text, a generator (4.1 and 5.1 names).
    for (const format_name of [
      'hls',
      'hls,applehttp',
      'concat',
      'dash',
      'imf',
      'image2',
      'png_pipe',
      'tty',
      'lavfi',
      'sdp',
      'h264',
      'webm_dash_manifest',
      '',
    ])
      expect(
        codeOf(() => parseProbe(probeJson([h264Stream()], mp4Format({ format_name })))),
        format_name,
      ).toBe('video.not_a_video');
    expect(codeOf(() => parseProbe({ streams: [h264Stream()] }))).toBe('video.not_a_video');
    // What phones, camcorders and browsers make is accepted.
    for (const format_name of [
      'mov,mp4,m4a,3gp,3g2,mj2',
      'matroska,webm',
      'avi',
      'mpegts',
      'mpeg',
      'asf',
      'flv',
      'ogg',
      'dv',
    ])
      expect(parseProbe(probeJson([h264Stream()], mp4Format({ format_name }))).formatName).toBe(format_name);
  });

  it('accepts Motion JPEG with many frames as video', () => {
    const mjpeg = h264Stream({
      codec_name: 'mjpeg',
      profile: undefined,
      pix_fmt: 'yuvj422p',
      nb_frames: '300',
    });
    expect(parseProbe(probeJson([mjpeg])).videoCodec).toBe('mjpeg');
  });

  it('calls files without streams, codec, size or duration unreadable', () => {
    expect(codeOf(() => parseProbe({ streams: [], format: mp4Format() }))).toBe('video.unreadable');
    expect(codeOf(() => parseProbe({ format: mp4Format() }))).toBe('video.unreadable');
    expect(codeOf(() => parseProbe('nonsense'))).toBe('video.unreadable');
    expect(codeOf(() => parseProbe(probeJson([h264Stream({ codec_name: undefined })])))).toBe(
      'video.unreadable',
    );
    expect(codeOf(() => parseProbe(probeJson([h264Stream({ width: 0 })])))).toBe('video.unreadable');
    const noDuration = probeJson([h264Stream({ duration: 'N/A' })], mp4Format({ duration: 'N/A' }));
    expect(codeOf(() => parseProbe(noDuration))).toBe('video.unreadable');
  });

  it('rejects pictures smaller than 16 px on a side', () => {
    expect(codeOf(() => parseProbe(probeJson([h264Stream({ width: 1, height: 1 })])))).toBe(
      'video.too_small',
    );
    expect(codeOf(() => parseProbe(probeJson([h264Stream({ width: 320, height: 8 })])))).toBe(
      'video.too_small',
    );
    expect(parseProbe(probeJson([h264Stream({ width: 16, height: 16 })])).width).toBe(16);
    expect(
      codeOf(() => parseProbe(probeJson([h264Stream({ width: 64, height: 64 })]), { minSide: 100 })),
    ).toBe('video.too_small');
  });

  it('rejects declared durations beyond the limit (default 4 hours)', () => {
    const tenHours = probeJson([h264Stream({ nb_frames: '2' })], mp4Format({ duration: '36000.034000' }));
    expect(codeOf(() => parseProbe(tenHours))).toBe('video.too_long');
    const fourHours = probeJson([h264Stream()], mp4Format({ duration: '14400' }));
    expect(parseProbe(fourHours).durationSeconds).toBe(14_400);
    expect(codeOf(() => parseProbe(probeJson(), { maxSeconds: 10 }))).toBe('video.too_long');
  });
});

describe('probe helpers', () => {
  it('parses rationals', () => {
    expect(parseRational('30000/1001')).toBeCloseTo(29.97, 2);
    expect(parseRational('0/0')).toBe(0);
    expect(parseRational('N/A')).toBe(0);
    expect(parseRational(undefined)).toBe(0);
    expect(parseRational('64:45')).toBeCloseTo(1.4222, 3);
  });

  it('recognises video containers by their first bytes', () => {
    const bytes = (...parts: (string | number[])[]) =>
      Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
    expect(looksLikeVideoContainer(bytes([0, 0, 0, 32], 'ftypisom'))).toBe(true);
    expect(looksLikeVideoContainer(bytes([0, 0, 0, 8], 'wide'))).toBe(true);
    expect(looksLikeVideoContainer(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]))).toBe(true);
    expect(looksLikeVideoContainer(bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'))).toBe(true);
    expect(looksLikeVideoContainer(bytes([0, 0, 1, 0xba, 0x44]))).toBe(true);
    const ts = (offset: number, packet: number) => {
      const head = new Uint8Array(200);
      head[offset] = 0x47;
      if (offset + packet < head.length) head[offset + packet] = 0x47;
      return head;
    };
    expect(looksLikeVideoContainer(ts(0, 188))).toBe(true); // .mts
    expect(looksLikeVideoContainer(ts(4, 192))).toBe(true); // .m2ts
    expect(looksLikeVideoContainer(ts(4, 100))).toBe(false);
    expect(looksLikeVideoContainer(bytes('Dette er ikke en video'))).toBe(false);
    expect(looksLikeVideoContainer(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe(false);
    expect(looksLikeVideoContainer(new Uint8Array())).toBe(false);
  });

  it('builds the ffprobe command', () => {
    expect(probeArgs('/data/a.mp4')).toEqual([
      '-v',
      'error',
      '-print_format',
      'json',
      '-show_format',
      '-show_streams',
      ...['-format_whitelist', 'mov,matroska,avi,mpegts,mpeg,flv,asf,ogg,dv', '-protocol_whitelist', 'file'],
      ...['-i', 'file:/data/a.mp4'],
    ]);
  });
});

describe('MediaError', () => {
  it('carries a stable code and a log-only detail', () => {
    const e = new MediaError('video.transcode_failed', 'ffmpeg exited with 1\nConversion failed!');
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('video.transcode_failed');
    expect(e.detail).toContain('Conversion failed!');
    expect(e.message).toBe('video.transcode_failed: Conversion failed!');
  });

  it('has a Danish and an English message for every code', () => {
    for (const code of MEDIA_ERROR_CODES) {
      expect(ERRORS[code].da.length).toBeGreaterThan(5);
      expect(ERRORS[code].en.length).toBeGreaterThan(5);
    }
    expect(ERRORS['video.not_a_video'].da).toBe('Filen er ikke en video.');
  });
});
