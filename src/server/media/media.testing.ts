/** Hand-written ffprobe JSON and ProbeResults for the unit tests (shapes copied from ffprobe 5.1 output). */
import type { ProbeResult } from './probe-result.js';

type Json = Record<string, unknown>;

export function h264Stream(over: Json = {}): Json {
  return {
    index: 0,
    codec_name: 'h264',
    profile: 'High',
    codec_type: 'video',
    width: 1920,
    height: 1080,
    sample_aspect_ratio: '1:1',
    pix_fmt: 'yuv420p',
    level: 40,
    r_frame_rate: '30/1',
    avg_frame_rate: '30/1',
    duration: '12.000000',
    bit_rate: '4500000',
    nb_frames: '360',
    disposition: { default: 1, attached_pic: 0 },
    tags: { language: 'und', handler_name: 'VideoHandler' },
    ...over,
  };
}

export function aacStream(over: Json = {}): Json {
  return {
    index: 1,
    codec_name: 'aac',
    profile: 'LC',
    codec_type: 'audio',
    sample_rate: '48000',
    channels: 2,
    channel_layout: 'stereo',
    duration: '12.000000',
    bit_rate: '128000',
    disposition: { default: 1, attached_pic: 0 },
    ...over,
  };
}

export function mp4Format(over: Json = {}): Json {
  return {
    filename: '/data/originals/x.mp4',
    nb_streams: 2,
    format_name: 'mov,mp4,m4a,3gp,3g2,mj2',
    duration: '12.000000',
    size: '7000000',
    bit_rate: '4666666',
    probe_score: 100,
    ...over,
  };
}

export function probeJson(streams: Json[] = [h264Stream(), aacStream()], format: Json = mp4Format()): Json {
  return { streams, format };
}

/** A ProbeResult of a 1080p H.264/AAC phone-style clip, with overrides. */
export function probeResult(over: Partial<ProbeResult> = {}): ProbeResult {
  const width = over.width ?? 1920;
  const height = over.height ?? 1080;
  return {
    durationSeconds: 12,
    videoStreamIndex: 0,
    width,
    height,
    storedWidth: width,
    storedHeight: height,
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
    ...over,
  };
}
