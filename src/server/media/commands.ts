import { join, resolve } from 'node:path';
import { hasFpsMode } from './binaries.js';
import { levelArg, outputFrameRate, type Rung } from './ladder.js';
import type { ProbeResult } from './probe-result.js';

/** HLS segment length in seconds; keyframes are forced on this grid so every rendition cuts alike. */
export const SEGMENT_SECONDS = 4;

const COMMON = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'];

/**
 * The demuxers an uploaded file may be read with: real single-file containers that open nothing else — what
 * phones (mov/mp4/3gp), camcorders (AVCHD .mts/.m2ts = mpegts, .mpg/.vob = mpeg, .dv), screen recorders and
 * older cameras (avi, wmv = asf, flv) and browsers (webm/mkv = matroska, ogv = ogg) produce. Never playlists
 * (hls, dash), scripts (concat/ffconcat, imf, sdp), image sequences (image2), generators (lavfi) or text (tty):
 * those read other files or URLs, or turn non-video into video. Names as ffmpeg 4.1 and 5.1+ know them.
 */
export const UPLOAD_FORMATS = [
  'mov',
  'matroska',
  'avi',
  'mpegts',
  'mpeg',
  'flv',
  'asf',
  'ogg',
  'dv',
] as const;
const UPLOAD_FORMAT_LIST = UPLOAD_FORMATS.join(',');
const ONLY_FILE = 'file';

/**
 * Whether ffprobe's `format_name` (e.g. "mov,mp4,m4a,3gp,3g2,mj2") names an allowed demuxer; matched name by
 * name like ffmpeg's own `-format_whitelist` check.
 */
export function isUploadFormat(formatName: string): boolean {
  return formatName.split(',').some((n) => (UPLOAD_FORMATS as readonly string[]).includes(n));
}

/**
 * THE way an uploaded file goes on an ffmpeg or ffprobe command line (both take `-i`): only the allowed
 * container demuxers, only plain file reading, and the path as an absolute `file:` URL, so that neither the
 * file's content (an HLS playlist, an ffconcat script) nor its name (`concat:…`, `subfile:…`, `img-%03d.jpg`
 * is still one file to the file protocol, and image2 is not allowed) can make ffmpeg open anything else.
 * `before` holds other input options of this input (e.g. `-ss`).
 */
export function uploadInput(file: string, before: string[] = []): string[] {
  return [
    ...before,
    '-format_whitelist',
    UPLOAD_FORMAT_LIST,
    '-protocol_whitelist',
    ONLY_FILE,
    '-i',
    `file:${resolve(file)}`,
  ];
}

/** ffmpeg's refusal of a demuxer that is not on `-format_whitelist` (4.1 and 5.1+ say the same). */
export const NOT_ON_WHITELIST = /Format not on whitelist/;

/** Filters a generated (demo or test) input may be built from: sources and plain picture/sound filters. */
const GENERATOR_FILTERS = new Set([
  ...['testsrc', 'testsrc2', 'smptebars', 'smptehdbars', 'rgbtestsrc', 'color', 'mandelbrot', 'life'],
  ...['cellauto', 'gradients', 'sine', 'anullsrc', 'scale', 'format', 'colorchannelmixer', 'hue', 'pad'],
  ...['volume', 'setsar', 'trim', 'atrim'],
]);

/**
 * A generated input: a lavfi graph we write ourselves (the demo videos), never an upload. Only one linear
 * chain of the filters above: no `movie`/`amovie` (they open files), no file-reading options.
 */
export function generatedInput(graph: string): string[] {
  const chain = graph.split(',');
  const ok =
    !/[;[\]'"]/.test(graph) &&
    chain.every((f) => GENERATOR_FILTERS.has(/^([a-z0-9_]+)(=|$)/.exec(f)?.[1] ?? '')) &&
    !/(^|[=:])(file|filename|textfile|fontfile)=/.test(graph);
  if (!ok) throw new Error(`not a generator graph: ${graph}`);
  return ['-f', 'lavfi', '-format_whitelist', 'lavfi', '-protocol_whitelist', ONLY_FILE, '-i', graph];
}

/**
 * Refuses an argv with an input that did not come from uploadInput(): every `-i` must be a `file:` URL with
 * both allow-lists among its own input options. The runners call it, so a new command cannot forget them.
 */
export function assertUploadInputs(args: string[]): void {
  let from = 0;
  args.forEach((arg, i) => {
    if (arg !== '-i') return;
    const own = args.slice(from, i);
    const has = (flag: string, value: string) =>
      own.some((a, k) => a === flag && own[k + 1] === value && own.indexOf(flag, k + 1) === -1);
    const url = args[i + 1] ?? '';
    if (
      !has('-format_whitelist', UPLOAD_FORMAT_LIST) ||
      !has('-protocol_whitelist', ONLY_FILE) ||
      own.includes('-f') ||
      !/^file:\//.test(url)
    )
      throw new Error(`ffmpeg input without the upload allow-lists: ${url}`);
    from = i + 2;
  });
}

/** ffprobe argv for the full JSON description of an uploaded file. */
export const probeArgs = (file: string): string[] => [
  '-v',
  'error',
  '-print_format',
  'json',
  '-show_format',
  '-show_streams',
  ...uploadInput(file),
];

/** ffprobe argv that decodes the first video frame (proves the stream is decodable, not just described). */
export const firstFrameArgs = (file: string): string[] => [
  '-v',
  'error',
  '-select_streams',
  'v:0',
  '-read_intervals',
  '%+#1',
  '-show_entries',
  'frame=width,height',
  '-of',
  'csv=p=0',
  ...uploadInput(file),
];
const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
/** ffmpeg's segment filename is a printf pattern: a literal % in the directory must be doubled. */
const segmentPattern = (dir: string) => `${dir.replaceAll('%', '%%')}/seg_%05d.ts`;

export interface HlsArgsInput {
  input: string;
  outDir: string;
  /** Smallest first, as planLadder returns them. */
  rungs: Rung[];
  probe: ProbeResult;
  /** Copy the source's streams into the top rung instead of encoding it. */
  remuxTop: boolean;
  /** ffmpeg "major.minor": 5.1+ takes `-fps_mode cfr`, older ones the global `-vsync cfr`. */
  ffmpegVersion: string;
  /** Encoder and filter threads (bounded so a worker leaves the web its share of the cores); default ffmpeg's. */
  threads?: number;
}

function hlsMuxer(outDir: string, rung: Rung): string[] {
  const dir = join(outDir, rung.name);
  return [
    '-max_muxing_queue_size',
    '4096',
    '-f',
    'hls',
    '-hls_time',
    String(SEGMENT_SECONDS),
    '-hls_playlist_type',
    'vod',
    '-hls_segment_type',
    'mpegts',
    '-hls_flags',
    'independent_segments',
    '-hls_segment_filename',
    segmentPattern(dir),
    join(dir, 'index.m3u8'),
  ];
}

/**
 * One ffmpeg run that decodes the source once and writes every rendition as its own HLS output
 * (`split` + `scale` per rung; no `-var_stream_map`, which crashes ffmpeg 4.1). Rotation is applied by
 * ffmpeg's autorotate while decoding, so the rung sizes are display sizes and the output is upright.
 */
export function hlsArgs(o: HlsArgsInput): string[] {
  const { input, outDir, rungs, probe, remuxTop, ffmpegVersion, threads } = o;
  const encoded = remuxTop ? rungs.slice(0, -1) : rungs;
  const args = [...COMMON, '-nostats', '-progress', 'pipe:1', ...uploadInput(input)];
  if (threads && encoded.length > 0) args.push('-filter_complex_threads', String(threads));
  const fpsMode = hasFpsMode(ffmpegVersion);

  if (encoded.length > 0) {
    const fps = outputFrameRate(probe);
    const capFps = fps !== probe.frameRate || probe.variableFrameRate;
    const head = `[0:${probe.videoStreamIndex}]${capFps ? `fps=${fps},` : ''}`;
    const scale = (r: Rung) => `scale=${r.width}:${r.height},setsar=1`;
    const graph =
      encoded.length === 1
        ? `${head}${scale(encoded[0])}[v0]`
        : [
            `${head}split=${encoded.length}${encoded.map((_, i) => `[s${i}]`).join('')}`,
            ...encoded.map((r, i) => `[s${i}]${scale(r)}[v${i}]`),
          ].join(';');
    args.push('-filter_complex', graph);
    if (!fpsMode) args.push('-vsync', 'cfr');
  }

  encoded.forEach((r, i) => {
    args.push('-map', `[v${i}]`);
    if (probe.hasAudio) args.push('-map', '0:a:0');
    args.push(
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-profile:v',
      'main',
      '-level:v',
      levelArg(r.level),
      '-pix_fmt',
      'yuv420p',
      '-b:v',
      String(r.videoBitrate),
      '-maxrate',
      String(r.maxrate),
      '-bufsize',
      String(r.bufsize),
      '-force_key_frames',
      `expr:gte(t,n_forced*${SEGMENT_SECONDS})`,
      '-sc_threshold',
      '0',
    );
    if (threads) args.push('-threads', String(threads));
    if (fpsMode) args.push('-fps_mode', 'cfr');
    if (probe.hasAudio) args.push('-c:a', 'aac', '-b:a', String(r.audioBitrate), '-ac', '2', '-ar', '48000');
    args.push(...hlsMuxer(outDir, r));
  });

  if (remuxTop) {
    const top = rungs[rungs.length - 1];
    args.push('-map', `0:${probe.videoStreamIndex}`, '-c:v', 'copy');
    if (probe.hasAudio) args.push('-map', '0:a:0', '-c:a', 'copy');
    args.push(...hlsMuxer(outDir, top));
  }
  return args;
}

/** Poster width limit; the height follows the display aspect ratio. */
export const POSTER_MAX_WIDTH = 1280;

/** When the poster frame is taken: 2 s in, or a third of the way into shorter videos. */
export const posterTime = (durationSeconds: number) => Math.min(2, durationSeconds / 3);

/** Poster size: the display aspect ratio, at most 1280 wide, even numbers. */
export function posterSize(probe: Pick<ProbeResult, 'width' | 'height'>): { width: number; height: number } {
  const width = even(Math.min(POSTER_MAX_WIDTH, probe.width));
  return { width, height: even((width * probe.height) / probe.width) };
}

/** One upright JPEG (display aspect, at most 1280 wide) at `atSeconds` (default posterTime). */
export function posterArgs(input: string, out: string, probe: ProbeResult, atSeconds?: number): string[] {
  const { width, height } = posterSize(probe);
  const at = atSeconds ?? posterTime(probe.durationSeconds);
  return [
    ...COMMON,
    ...uploadInput(input, ['-ss', at.toFixed(3)]),
    '-map',
    `0:${probe.videoStreamIndex}`,
    '-frames:v',
    '1',
    '-vf',
    `scale=${width}:${height},setsar=1`,
    '-c:v',
    'mjpeg',
    '-q:v',
    '3',
    '-f',
    'image2',
    '-update',
    '1',
    out,
  ];
}

export interface SpritePlan {
  durationSeconds: number;
  /** Seconds between thumbnails (≥ 2, so at most ~100 thumbnails). */
  interval: number;
  count: number;
  columns: number;
  rows: number;
  thumbWidth: number;
  thumbHeight: number;
}

export const SPRITE_THUMB_WIDTH = 160;
const SPRITE_MAX_THUMBS = 100;
const SPRITE_COLUMNS = 10;

/** Grid of seek-preview thumbnails for a video of this length and display size (default 16:9). */
export function spritePlan(
  durationSeconds: number,
  size: { width: number; height: number } = { width: 16, height: 9 },
): SpritePlan {
  const interval = Math.max(2, Math.ceil(durationSeconds / SPRITE_MAX_THUMBS));
  // A slot that starts in the last half second would get no frame: the previous cue covers it instead.
  const count = Math.max(1, Math.ceil((durationSeconds - 0.5) / interval));
  const columns = Math.min(SPRITE_COLUMNS, count);
  return {
    durationSeconds,
    interval,
    count,
    columns,
    rows: Math.ceil(count / columns),
    thumbWidth: SPRITE_THUMB_WIDTH,
    thumbHeight: even((SPRITE_THUMB_WIDTH * size.height) / size.width),
  };
}

/**
 * One JPEG holding every thumbnail of the plan, left to right, top to bottom. Thumbnail k is the first
 * frame at or after k × interval (`select`, not the `fps` filter: ffmpeg 4.1's fps filter emits nothing
 * for clips shorter than one interval).
 */
export function spriteArgs(input: string, out: string, plan: SpritePlan, probe: ProbeResult): string[] {
  return [
    ...COMMON,
    ...uploadInput(input),
    '-map',
    `0:${probe.videoStreamIndex}`,
    '-vf',
    `select='gte(t,selected_n*${plan.interval})',scale=${plan.thumbWidth}:${plan.thumbHeight},setsar=1,tile=${plan.columns}x${plan.rows}`,
    '-frames:v',
    '1',
    '-c:v',
    'mjpeg',
    '-q:v',
    '5',
    '-f',
    'image2',
    '-update',
    '1',
    out,
  ];
}
