/** What a caption file holds once checked: its cues' text without timings or markup (kept for search, V3). */
export type ParsedVtt = { cues: number; text: string };

const TIME = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const seconds = (t: string) => {
  const m = TIME.exec(t);
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
};

/**
 * Checks a WebVTT file (https://www.w3.org/TR/webvtt1/) the way a player reads it: the WEBVTT header, then blocks
 * separated by blank lines; a cue is an optional identifier, a timing line `start --> end [settings]` with
 * end after start, and its text. Returns null for anything a player would not show.
 */
export function parseWebVtt(input: string): ParsedVtt | null {
  const lines = input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) return null;
  const blocks = lines
    .slice(1)
    .join('\n')
    .split(/\n{2,}/)
    .map((b) => b.split('\n').filter((l) => l !== ''));
  const texts: string[] = [];
  let cues = 0;
  for (const block of blocks) {
    if (block.length === 0) continue;
    if (/^(NOTE|STYLE|REGION)(\s|$)/.test(block[0])) continue;
    const timingAt = block.findIndex((l) => l.includes('-->'));
    if (timingAt < 0 || timingAt > 1) return null;
    const [start, rest] = block[timingAt].split('-->').map((s) => s.trim());
    const end = rest?.split(/[ \t]+/)[0];
    const a = seconds(start);
    const b = end === undefined ? null : seconds(end);
    if (a === null || b === null || b < a) return null;
    cues++;
    texts.push(
      block
        .slice(timingAt + 1)
        .join(' ')
        .replace(/<[^>]*>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&nbsp;/g, ' ')
        .trim(),
    );
  }
  if (cues === 0) return null;
  return { cues, text: texts.filter(Boolean).join('\n') };
}
