import type { SpritePlan } from './commands.js';
import type { Rung } from './ladder.js';

/** AAC-LC, the audio every rendition carries (transcoded, or copied when the source is AAC-LC). */
export const AAC_LC = 'mp4a.40.2';
/** MPEG-TS packetisation overhead used when a rendition's bandwidth is estimated rather than measured. */
const TS_OVERHEAD = 1.1;

export interface Bandwidth {
  /** Peak segment bit rate, bits per second (HLS BANDWIDTH). */
  peak: number;
  /** Average bit rate over the whole rendition (HLS AVERAGE-BANDWIDTH). */
  average: number;
}

/** Segment URIs and durations of a media playlist. */
export function parseMediaPlaylist(text: string): { uri: string; duration: number }[] {
  const segments: { uri: string; duration: number }[] = [];
  let duration: number | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice(8));
    else if (line && !line.startsWith('#') && duration !== null) {
      segments.push({ uri: line, duration });
      duration = null;
    }
  }
  return segments;
}

/**
 * Bandwidth of a rendition from its playlist and segment sizes. Segments much shorter than the longest
 * (the tail end of a video) are left out of the peak: their few bytes over a tiny duration say nothing.
 */
export function measureBandwidth(playlist: string, sizeOf: (uri: string) => number): Bandwidth | null {
  const segments = parseMediaPlaylist(playlist).filter((s) => s.duration > 0);
  if (segments.length === 0) return null;
  const longest = Math.max(...segments.map((s) => s.duration));
  let bits = 0;
  let seconds = 0;
  let peak = 0;
  for (const s of segments) {
    const segmentBits = sizeOf(s.uri) * 8;
    bits += segmentBits;
    seconds += s.duration;
    if (s.duration >= longest / 2) peak = Math.max(peak, segmentBits / s.duration);
  }
  return { peak: Math.ceil(peak), average: Math.ceil(bits / seconds) };
}

/** Bandwidth estimated from the rung's encoder settings. */
export function estimateBandwidth(rung: Rung, hasAudio: boolean): Bandwidth {
  const audio = hasAudio ? rung.audioBitrate : 0;
  return {
    peak: Math.round((rung.maxrate + audio) * TS_OVERHEAD),
    average: Math.round((rung.videoBitrate + audio) * TS_OVERHEAD),
  };
}

/** master.m3u8: one variant per rung, smallest first, each pointing at `<rung>/index.m3u8`. */
export function masterPlaylist(
  rungs: Rung[],
  opts: { hasAudio: boolean; measured?: Partial<Record<string, Bandwidth>> },
): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const rung of rungs) {
    const bw = opts.measured?.[rung.name] ?? estimateBandwidth(rung, opts.hasAudio);
    const codecs = opts.hasAudio ? `${rung.videoCodecs},${AAC_LC}` : rung.videoCodecs;
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${bw.peak},AVERAGE-BANDWIDTH=${bw.average},` +
        `RESOLUTION=${rung.width}x${rung.height},FRAME-RATE=${rung.frameRate.toFixed(3)},CODECS="${codecs}"`,
      `${rung.name}/index.m3u8`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** WebVTT timestamp: 00:00:04.000. */
export function vttTime(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/**
 * Seek-preview track: one cue per thumbnail, `sprite.jpg#xywh=x,y,w,h`, the last cue running to the end
 * of the video so the cues cover the whole duration.
 */
export function spriteVtt(plan: SpritePlan, count = plan.count, spriteUrl = 'sprite.jpg'): string {
  const n = Math.max(1, Math.min(count, plan.columns * plan.rows));
  const cues: string[] = ['WEBVTT', ''];
  for (let i = 0; i < n; i++) {
    const start = i * plan.interval;
    const end = i === n - 1 ? plan.durationSeconds : Math.min((i + 1) * plan.interval, plan.durationSeconds);
    const x = (i % plan.columns) * plan.thumbWidth;
    const y = Math.floor(i / plan.columns) * plan.thumbHeight;
    cues.push(
      `${vttTime(start)} --> ${vttTime(end)}`,
      `${spriteUrl}#xywh=${x},${y},${plan.thumbWidth},${plan.thumbHeight}`,
      '',
    );
  }
  return cues.join('\n');
}
