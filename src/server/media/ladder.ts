import type { ProbeResult } from './probe-result.js';

/** One HLS rendition. Bit rates in bits per second. */
export interface Rung {
  /** "360p" … "1080p": the short side of the picture. */
  name: string;
  width: number;
  height: number;
  /** Output frames per second. */
  frameRate: number;
  videoBitrate: number;
  maxrate: number;
  bufsize: number;
  audioBitrate: number;
  /** H.264 level_idc (31 = level 3.1). */
  level: number;
  /** RFC 6381 video codec, e.g. "avc1.4d401f". */
  videoCodecs: string;
  /** True for the top rung of the fast path: the source's own stream, copied. */
  copy: boolean;
}

interface LadderStep {
  short: number;
  videoBitrate: number;
  audioBitrate: number;
}

export const LADDER: readonly LadderStep[] = [
  { short: 360, videoBitrate: 800_000, audioBitrate: 96_000 },
  { short: 540, videoBitrate: 1_400_000, audioBitrate: 96_000 },
  { short: 720, videoBitrate: 2_800_000, audioBitrate: 128_000 },
  { short: 1080, videoBitrate: 5_000_000, audioBitrate: 128_000 },
];

/** Output frame rate cap for variable or high frame rate sources. */
export const MAX_OUTPUT_FPS = 30;
/** Never cap a rung below this, whatever the source claims. */
const MIN_VIDEO_BITRATE = 100_000;
/** The fast path copies the source only when its bit rate is at most this many times the rung's default. */
export const REMUX_MAX_BITRATE_FACTOR = 2;

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/** The frame rate the transcoded rungs get: the source's when steady and ≤ 30, else 30. */
export function outputFrameRate(p: Pick<ProbeResult, 'frameRate' | 'variableFrameRate'>): number {
  if (p.variableFrameRate || p.frameRate <= 0 || p.frameRate > MAX_OUTPUT_FPS + 0.01) return MAX_OUTPUT_FPS;
  return p.frameRate;
}

/** [level_idc, max frame size in macroblocks, max macroblocks per second, max main-profile kbit/s]. */
const H264_LEVELS: readonly [number, number, number, number][] = [
  [30, 1620, 40_500, 10_000],
  [31, 3600, 108_000, 14_000],
  [32, 5120, 216_000, 20_000],
  [40, 8192, 245_760, 20_000],
  [41, 8192, 245_760, 50_000],
  [42, 8704, 522_240, 50_000],
  [50, 22_080, 589_824, 135_000],
  [51, 36_864, 983_040, 240_000],
  [52, 36_864, 2_073_600, 240_000],
];

/** Smallest H.264 level (≥ 3.0) that allows this size, frame rate and peak bit rate. */
export function h264Level(width: number, height: number, fps: number, maxrate: number): number {
  const mbW = Math.ceil(width / 16);
  const mbH = Math.ceil(height / 16);
  const frame = mbW * mbH;
  const fits = ([, maxFs, maxMbps, maxKbps]: (typeof H264_LEVELS)[number]) =>
    frame <= maxFs &&
    Math.max(mbW, mbH) <= Math.sqrt(8 * maxFs) &&
    frame * fps <= maxMbps &&
    maxrate <= maxKbps * 1000;
  return (H264_LEVELS.find(fits) ?? H264_LEVELS[H264_LEVELS.length - 1])[0];
}

/** "3.1" for level_idc 31: the form libx264's -level takes. */
export const levelArg = (level: number) => (level / 10).toFixed(1);

const PROFILE_HEX: Record<string, string> = {
  'Constrained Baseline': '42e0',
  Baseline: '4200',
  Main: '4d40',
  High: '6400',
};

/** RFC 6381 codecs string of an H.264 stream, e.g. avcCodecs('Main', 31) = "avc1.4d401f". */
export function avcCodecs(profile: string, level: number): string {
  return `avc1.${PROFILE_HEX[profile] ?? '4d40'}${level.toString(16).padStart(2, '0')}`;
}

function sizeFor(p: Pick<ProbeResult, 'width' | 'height'>, short: number) {
  const srcShort = Math.min(p.width, p.height);
  const long = even((Math.max(p.width, p.height) * short) / srcShort);
  return p.height > p.width ? { width: short, height: long } : { width: long, height: short };
}

function encodedRung(p: ProbeResult, step: LadderStep, short: number): Rung {
  const { width, height } = sizeFor(p, short);
  const cap = p.videoBitRate ? Math.max(MIN_VIDEO_BITRATE, p.videoBitRate) : Number.POSITIVE_INFINITY;
  const videoBitrate = Math.min(step.videoBitrate, cap);
  const maxrate = Math.round(videoBitrate * 1.07);
  const frameRate = outputFrameRate(p);
  const level = h264Level(width, height, frameRate, maxrate);
  return {
    name: `${short}p`,
    width,
    height,
    frameRate,
    videoBitrate,
    maxrate,
    bufsize: Math.round(videoBitrate * 1.5),
    audioBitrate: step.audioBitrate,
    level,
    videoCodecs: avcCodecs('Main', level),
    copy: false,
  };
}

/** The ladder steps at or below the source's short side. */
function eligibleSteps(p: Pick<ProbeResult, 'width' | 'height'>): LadderStep[] {
  return LADDER.filter((s) => s.short <= Math.min(p.width, p.height));
}

/**
 * Whether the top rung can be the source's own stream, copied into HLS: H.264 (baseline/main/high,
 * 8-bit 4:2:0) at most 1080 on its short side, upright, square pixels, even size, steady ≤ 60 fps, AAC-LC
 * audio or none, and a bit rate known and at most REMUX_MAX_BITRATE_FACTOR × the ladder's for that size.
 */
export function canRemux(p: ProbeResult): boolean {
  const steps = eligibleSteps(p);
  const top = steps[steps.length - 1] ?? LADDER[0];
  return (
    p.videoCodec === 'h264' &&
    p.profile !== null &&
    p.profile in PROFILE_HEX &&
    p.pixFmt === 'yuv420p' &&
    Math.min(p.width, p.height) <= 1080 &&
    p.rotation === 0 &&
    p.width === p.storedWidth &&
    p.height === p.storedHeight &&
    p.width % 2 === 0 &&
    p.height % 2 === 0 &&
    !p.variableFrameRate &&
    p.frameRate > 0 &&
    p.frameRate <= 60.01 &&
    (!p.hasAudio || (p.audioCodec === 'aac' && (p.audioProfile === null || p.audioProfile === 'LC'))) &&
    p.videoBitRate !== null &&
    p.videoBitRate <= top.videoBitrate * REMUX_MAX_BITRATE_FACTOR
  );
}

/**
 * HLS renditions for a source, smallest first. Ladder rungs up to the source's short side (the height of
 * landscape video, the width of portrait video); a single rung at the source size when it is below 360.
 * With `remuxTop`, the top rung is replaced by the source itself (copied, named after its short side).
 */
export function planLadder(p: ProbeResult, opts: { remuxTop?: boolean } = {}): Rung[] {
  const steps = eligibleSteps(p);
  const rungs =
    steps.length > 0
      ? steps.map((s) => encodedRung(p, s, s.short))
      : [encodedRung(p, LADDER[0], Math.max(2, Math.floor(Math.min(p.width, p.height) / 2) * 2))];
  if (!opts.remuxTop) return rungs;

  const top = rungs[rungs.length - 1];
  const videoBitrate = p.videoBitRate ?? top.videoBitrate;
  const level = p.level ?? h264Level(p.width, p.height, p.frameRate, videoBitrate);
  rungs[rungs.length - 1] = {
    name: `${Math.min(p.width, p.height)}p`,
    width: p.width,
    height: p.height,
    frameRate: p.frameRate,
    videoBitrate,
    maxrate: Math.round(videoBitrate * 1.07),
    bufsize: Math.round(videoBitrate * 1.5),
    audioBitrate: p.audioBitRate ?? top.audioBitrate,
    level,
    videoCodecs: avcCodecs(p.profile ?? 'Main', level),
    copy: true,
  };
  return rungs;
}

/**
 * The order a video's renditions are made in, so that it plays as early as possible: the first playable
 * rendition alone (the source copied when it may be, else the lowest rung), then every other rung in one
 * run (one decode for all of them). `plan` is planLadder's, smallest first.
 */
export function renditionOrder(plan: Rung[]): { first: Rung; rest: Rung[] } {
  const copy = plan.find((r) => r.copy);
  const first = copy ?? plan[0];
  return { first, rest: plan.filter((r) => r !== first) };
}
