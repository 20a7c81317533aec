/** What has been read so far of ffmpeg's `-progress` output (key=value lines, blocks end with progress=…). */
export interface ProgressState {
  /** An incomplete last line, kept until the next chunk completes it. */
  pending: string;
  /** Furthest output timestamp reported, seconds. */
  outTimeSeconds: number;
  /** ffmpeg printed progress=end. */
  ended: boolean;
}

export const initialProgress = (): ProgressState => ({ pending: '', outTimeSeconds: 0, ended: false });

/** "00:01:02.500000" → 62.5; null for "N/A" and negative times (printed before the first frame). */
function clockSeconds(v: string): number | null {
  const m = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(v);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
}

/**
 * Feeds one chunk of `-progress pipe:1` output. Understands out_time_us (ffmpeg ≥ 4.2), out_time_ms
 * (microseconds too, despite the name) and out_time; the reported time never goes backwards.
 */
export function ffmpegProgress(state: ProgressState, chunk: string): ProgressState {
  const lines = (state.pending + chunk).split('\n');
  const pending = lines.pop() ?? '';
  let { outTimeSeconds, ended } = state;
  for (const line of lines) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    let seconds: number | null = null;
    if (key === 'out_time_us' || key === 'out_time_ms') {
      const us = Number(value);
      seconds = value !== '' && Number.isFinite(us) && us >= 0 ? us / 1e6 : null;
    } else if (key === 'out_time') seconds = clockSeconds(value);
    else if (key === 'progress' && value === 'end') ended = true;
    if (seconds !== null && seconds > outTimeSeconds) outTimeSeconds = seconds;
  }
  return { pending, outTimeSeconds, ended };
}

/** Share done, 0…1. Unknown durations report 0 until the end. */
export function progressFraction(outTimeSeconds: number, durationSeconds: number | undefined): number {
  if (!durationSeconds || durationSeconds <= 0 || !Number.isFinite(outTimeSeconds)) return 0;
  return Math.min(1, Math.max(0, outTimeSeconds / durationSeconds));
}
