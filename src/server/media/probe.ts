import { execFile } from 'node:child_process';
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { type MediaBinaries, resolveMedia } from './binaries.js';
import {
  assertUploadInputs,
  firstFrameArgs,
  isUploadFormat,
  NOT_ON_WHITELIST,
  probeArgs,
} from './commands.js';
import { MediaError } from './errors.js';
import type { ProbeResult, Rotation } from './probe-result.js';

export interface ProbeOptions {
  /** Longest accepted duration; default 4 hours. */
  maxSeconds?: number;
  /** Smallest accepted display side in pixels; default 16. */
  minSide?: number;
}

export const DEFAULT_MAX_SECONDS = 4 * 60 * 60;
export const DEFAULT_MIN_SIDE = 16;

const numeric = z.union([z.number(), z.string()]).optional();
const streamSchema = z.object({
  index: z.number().optional(),
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  profile: z.string().optional(),
  level: z.number().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  pix_fmt: z.string().optional(),
  sample_aspect_ratio: z.string().optional(),
  r_frame_rate: z.string().optional(),
  avg_frame_rate: z.string().optional(),
  bit_rate: numeric,
  duration: numeric,
  nb_frames: numeric,
  channels: z.number().optional(),
  disposition: z.record(z.string(), z.number()).optional(),
  tags: z.record(z.string(), z.string()).optional(),
  side_data_list: z
    .array(z.object({ side_data_type: z.string().optional(), rotation: z.number().optional() }))
    .optional(),
});
const probeSchema = z.object({
  streams: z.array(streamSchema).default([]),
  format: z
    .object({
      format_name: z.string().optional(),
      duration: numeric,
      size: numeric,
      bit_rate: numeric,
    })
    .optional(),
});
type RawStream = z.infer<typeof streamSchema>;

/** Codecs of still images: a single PNG in a .mov is a one-frame "video" (image containers are not allowed). */
const IMAGE_CODECS = new Set(['mjpeg', 'png', 'bmp', 'gif', 'webp', 'tiff', 'jpeg2000', 'jpegls', 'apng']);

function num(v: number | string | undefined): number | null {
  if (v === undefined || v === 'N/A' || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** "30000/1001" → 29.97; "0/0", "N/A" → 0. */
export function parseRational(v: string | undefined): number {
  if (!v) return 0;
  const [a, b = '1'] = v.split(/[/:]/);
  const n = Number(a) / Number(b);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** Matroska writes per-stream durations as tags ("00:00:02.000000000"). */
function tagDuration(tags: Record<string, string> | undefined): number | null {
  const m = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(tags?.DURATION ?? '');
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
}

/** Clockwise rotation from the display matrix (counter-clockwise in ffprobe) or the legacy `rotate` tag. */
export function rotationOf(stream: Pick<RawStream, 'side_data_list' | 'tags'>): Rotation {
  const matrix = stream.side_data_list?.find((d) => d.rotation !== undefined);
  let degrees = 0;
  if (matrix?.rotation !== undefined) degrees = -matrix.rotation;
  else if (stream.tags?.rotate) degrees = Number(stream.tags.rotate) || 0;
  const quarter = ((Math.round(degrees / 90) % 4) + 4) % 4;
  return (quarter * 90) as Rotation;
}

/** Turns ffprobe's JSON into a ProbeResult, or throws the MediaError that says why the file is not usable. */
export function parseProbe(json: unknown, opts: ProbeOptions = {}): ProbeResult {
  const parsed = probeSchema.safeParse(json);
  if (!parsed.success) throw new MediaError('video.unreadable', 'ffprobe output has an unexpected shape');
  const { streams, format } = parsed.data;
  const formatName = format?.format_name ?? '';
  // ffprobe was only allowed these demuxers; anything else (a playlist, a script, pictures, text) is refused.
  if (!isUploadFormat(formatName))
    throw new MediaError('video.not_a_video', `container not allowed (${formatName || 'none'})`);
  const videos = streams.filter((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const audio = streams.find((s) => s.codec_type === 'audio');

  if (videos.length === 0) {
    if (streams.length === 0)
      throw new MediaError('video.unreadable', `no streams in ${formatName || 'file'}`);
    throw new MediaError(
      'video.not_a_video',
      `no video stream (${streams.map((s) => s.codec_type).join(',')})`,
    );
  }
  const video = videos.find((s) => s.disposition?.default === 1) ?? videos[0];
  const frames = num(video.nb_frames);
  const declared = num(format?.duration) ?? num(video.duration) ?? tagDuration(video.tags);
  const isStill =
    IMAGE_CODECS.has(video.codec_name ?? '') && (frames === 1 || (frames === null && !declared));
  if (isStill) throw new MediaError('video.not_a_video', `still image (${formatName}/${video.codec_name})`);
  if (!video.codec_name || video.codec_name === 'none')
    throw new MediaError('video.unreadable', 'video stream has no known codec');
  if (!video.width || !video.height) throw new MediaError('video.unreadable', 'video stream has no size');
  if (!declared || declared <= 0) throw new MediaError('video.unreadable', 'duration unknown');

  const rotation = rotationOf(video);
  const sar = parseRational(video.sample_aspect_ratio);
  const squareWidth = sar > 0 && Math.abs(sar - 1) > 0.001 ? Math.round(video.width * sar) : video.width;
  const [width, height] = rotation % 180 === 0 ? [squareWidth, video.height] : [video.height, squareWidth];

  const minSide = opts.minSide ?? DEFAULT_MIN_SIDE;
  if (Math.min(width, height) < minSide) throw new MediaError('video.too_small', `${width}x${height}`);
  const maxSeconds = opts.maxSeconds ?? DEFAULT_MAX_SECONDS;
  if (declared > maxSeconds) throw new MediaError('video.too_long', `${declared}s > ${maxSeconds}s`);

  const avg = parseRational(video.avg_frame_rate);
  const real = parseRational(video.r_frame_rate);
  const variableFrameRate = avg === 0 || (real > 0 && Math.abs(real - avg) / real > 0.05);
  const formatBitRate = num(format?.bit_rate);
  const audioBitRate = num(audio?.bit_rate);
  const videoBitRate =
    num(video.bit_rate) ??
    (formatBitRate !== null ? Math.max(0, formatBitRate - (audioBitRate ?? 0)) || null : null);

  return {
    durationSeconds: declared,
    videoStreamIndex: video.index ?? streams.indexOf(video),
    width,
    height,
    storedWidth: video.width,
    storedHeight: video.height,
    rotation,
    videoCodec: video.codec_name,
    profile: video.profile ?? null,
    level: video.level !== undefined && video.level > 0 ? video.level : null,
    pixFmt: video.pix_fmt ?? null,
    frameRate: avg || real,
    variableFrameRate,
    videoBitRate,
    hasAudio: audio !== undefined,
    audioCodec: audio?.codec_name ?? null,
    audioProfile: audio?.profile ?? null,
    audioChannels: audio?.channels ?? null,
    audioBitRate,
    formatName,
    sizeBytes: num(format?.size),
  };
}

/**
 * Whether the first bytes look like a video container ffmpeg knows. Used when ffprobe gives up: a broken
 * MP4 is "unreadable", a text file is "not a video".
 */
export function looksLikeVideoContainer(head: Uint8Array): boolean {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  const box = ascii(4, 8);
  if (['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip', 'pnot'].includes(box)) return true;
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return true; // Matroska
  if (ascii(0, 4) === 'RIFF' && ascii(8, 11) === 'AVI') return true;
  if (ascii(0, 3) === 'FLV' || ascii(0, 4) === 'OggS') return true;
  if (head[0] === 0x30 && head[1] === 0x26 && head[2] === 0xb2 && head[3] === 0x75) return true; // ASF
  if (head[0] === 0 && head[1] === 0 && head[2] === 1 && (head[3] === 0xba || head[3] === 0xb3)) return true;
  if (head[0] === 0x47 && (head.length < 189 || head[188] === 0x47)) return true; // MPEG-TS (.mts)
  return head[4] === 0x47 && (head.length < 197 || head[196] === 0x47); // BDAV MPEG-TS (.m2ts): 4-byte time code
}

export function execProbe(
  bin: string,
  args: string[],
): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  assertUploadInputs(args);
  return new Promise((done) => {
    execFile(bin, args, { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      // A crash (signal) or timeout says as much about the file as a clean refusal; keep it for the logs.
      const how = err
        ? `ffprobe failed (${err.killed ? 'timeout' : (err.signal ?? `exit ${err.code}`)})`
        : '';
      done({ ok: !err, stdout, stderr: how ? `${how}\n${stderr}` : stderr });
    });
  });
}

async function readHead(file: string, bytes = 200): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buf = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const lastLines = (text: string, n = 10) => text.trim().split('\n').slice(-n).join('\n');

/**
 * Describes a video file or throws a MediaError saying why it cannot be used. Reads only the container
 * headers and the first frame; never the whole file.
 */
export async function probe(
  file: string,
  opts: ProbeOptions & { media?: MediaBinaries; decodeCheck?: boolean } = {},
): Promise<ProbeResult> {
  const path = resolve(file);
  const { size } = await stat(path);
  if (size === 0) throw new MediaError('video.empty_file');
  const media = opts.media ?? (await resolveMedia());

  const described = await execProbe(media.ffprobe, probeArgs(path));
  // A playlist, a concat script, pictures, text: detected, then refused by -format_whitelist (whatever the exit
  // status and the JSON say: the bundled ffprobe has been seen to print an empty answer under load).
  if (NOT_ON_WHITELIST.test(described.stderr))
    throw new MediaError('video.not_a_video', lastLines(described.stderr));
  /** Why ffprobe gave up: "unreadable" for what starts like a video container, else "not a video". */
  const refuse = async (why: string) => {
    const known = looksLikeVideoContainer(await readHead(path));
    return new MediaError(known ? 'video.unreadable' : 'video.not_a_video', why);
  };
  if (!described.ok) throw await refuse(lastLines(described.stderr));
  let json: unknown;
  try {
    json = JSON.parse(described.stdout);
  } catch {
    throw await refuse(`ffprobe printed invalid JSON\n${lastLines(described.stderr)}`);
  }
  let result: ProbeResult;
  try {
    result = parseProbe(json, opts);
  } catch (err) {
    // An answer without streams (the bundled ffprobe 4.1 under load has exited 0 with `{}` for a playlist it had
    // refused) is judged by the file's first bytes, like a failed run.
    if (err instanceof MediaError && err.code === 'video.unreadable') throw await refuse(err.message);
    throw err;
  }

  if (opts.decodeCheck !== false) {
    const frame = await execProbe(media.ffprobe, firstFrameArgs(path));
    if (!frame.ok || !/^\d+,\d+/m.test(frame.stdout))
      throw new MediaError('video.unreadable', lastLines(frame.stderr) || 'no decodable video frame');
  }
  return result;
}
