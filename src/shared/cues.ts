/**
 * The caption and chapter model (issue 19 part E, PRODUCT.md V9), shared by the server (import, validation, the
 * files it writes) and the web editor (shift, split, merge, the messages next to a cue).
 *
 * A cue is { start, end, text } in seconds (milliseconds precision) with plain text: whatever a person typed is
 * text, `<script>` included. It is escaped when written to WebVTT (`&`, `<`, `>`) so the player shows it
 * literally; markup of an imported file (<i>, <v Name>) is dropped when the editor reads it.
 *
 * Overlaps: WebVTT lets cues overlap (the player stacks them). The editor refuses them — a lesson's captions are
 * read one line at a time, and stacked cues cover the picture — so a save with overlapping cues is refused and
 * the cue is marked. An imported file may overlap (rolling captions from other tools); the editor then shows
 * where, and asks for a fix before the next save.
 */
import { COACHING_LIMITS } from './coaching.js';

export type Cue = { start: number; end: number; text: string };
export type Chapter = { start: number; title: string };

/** Characters in one cue's text (several lines). */
export const CUE_TEXT_LENGTH = 1000;
/** How far past the video's duration a time may lie (rounding of the probed duration). */
export const DURATION_SLACK = 0.5;

export type CueIssue = 'reversed' | 'overlap' | 'beyond_end' | 'negative' | 'empty' | 'too_long';
export type ChapterIssue = 'unsorted' | 'duplicate' | 'beyond_end' | 'negative' | 'empty' | 'too_long';

const round = (s: number) => Math.round(s * 1000) / 1000;

// ── Times ──

const TIME = /^(?:(\d{1,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

/** `hh:mm:ss.mmm` or `mm:ss.mmm` (WebVTT timestamps) in seconds; null when it is not one. */
export function parseTimestamp(t: string): number | null {
  const m = TIME.exec(t.trim());
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

/** Seconds as a WebVTT timestamp, always with hours: 00:01:02.500. */
export function formatTimestamp(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

// ── Text ──

/** Text as WebVTT cue payload: escaped, no blank lines (a blank line would end the cue). */
export function escapeCueText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/** A cue payload read back as plain text: tags dropped, entities decoded. */
export function cueTextOf(payload: string): string {
  return payload
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lrm;|&rlm;/g, '')
    .replace(/&amp;/g, '&')
    .trim();
}

// ── Reading WebVTT ──

export type VttProblem =
  | { kind: 'header'; line: 1 }
  | { kind: 'timestamp'; line: number; value: string }
  | { kind: 'reversed'; line: number }
  | { kind: 'no_cues'; line: number }
  | { kind: 'too_many_cues'; line: number };

export type VttResult = { ok: true; cues: Cue[] } | { ok: false; problem: VttProblem };

/**
 * Reads a WebVTT file (https://www.w3.org/TR/webvtt1/) the way a player does: byte order mark and CRLF
 * allowed, the WEBVTT header, blocks separated by blank lines; NOTE, STYLE and REGION blocks skipped; a cue is an
 * optional identifier, a timing line `start --> end [settings]` (settings ignored) and its text. The first
 * problem is reported with its line number (1-based, as an editor shows it). `lenient` (a file stored before
 * the editor, read back into it) keeps a cue whose end is not after its start, for the editor to mark.
 */
export function parseVtt(input: string, lenient = false): VttResult {
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? ''))
    return { ok: false, problem: { kind: 'header', line: 1 } };
  const cues: Cue[] = [];
  let i = 1;
  while (i < lines.length) {
    if (lines[i].trim() === '') {
      i++;
      continue;
    }
    const first = i;
    const block: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') block.push(lines[i++]);
    if (/^(NOTE|STYLE|REGION)(\s|$)/.test(block[0])) continue;
    const at = block.findIndex((l) => l.includes('-->'));
    // A block without a timing line (or with it after the identifier's line) is not a cue a player shows.
    if (at < 0 || at > 1)
      return { ok: false, problem: { kind: 'timestamp', line: first + 1, value: block[0].slice(0, 40) } };
    const line = first + at + 1;
    const [left, right = ''] = block[at].split('-->');
    const endText = right.trim().split(/[ \t]+/)[0] ?? '';
    const start = parseTimestamp(left);
    if (start === null)
      return { ok: false, problem: { kind: 'timestamp', line, value: left.trim().slice(0, 40) } };
    const end = parseTimestamp(endText);
    if (end === null) return { ok: false, problem: { kind: 'timestamp', line, value: endText.slice(0, 40) } };
    if (end <= start && !lenient) return { ok: false, problem: { kind: 'reversed', line } };
    if (cues.length >= COACHING_LIMITS.captionCues)
      return { ok: false, problem: { kind: 'too_many_cues', line } };
    cues.push({ start: round(start), end: round(end), text: cueTextOf(block.slice(at + 1).join('\n')) });
  }
  if (cues.length === 0) return { ok: false, problem: { kind: 'no_cues', line: lines.length } };
  return { ok: true, cues };
}

/** The problem in words, naming the line (Danish first). */
export function describeVttProblem(p: VttProblem, locale: 'da' | 'en' = 'da'): string {
  const da = locale === 'da';
  switch (p.kind) {
    case 'header':
      return da ? 'Linje 1: filen skal begynde med WEBVTT.' : 'Line 1: the file must begin with WEBVTT.';
    case 'timestamp':
      return da
        ? `Linje ${p.line}: tidskoden "${p.value}" kan ikke læses. Skriv tider som tt:mm:ss.mmm --> tt:mm:ss.mmm.`
        : `Line ${p.line}: the timestamp "${p.value}" cannot be read. Write times as hh:mm:ss.mmm --> hh:mm:ss.mmm.`;
    case 'reversed':
      return da
        ? `Linje ${p.line}: sluttiden skal ligge efter starttiden.`
        : `Line ${p.line}: the end time must come after the start time.`;
    case 'no_cues':
      return da ? 'Filen indeholder ingen undertekster.' : 'The file contains no captions.';
    case 'too_many_cues':
      return da
        ? `Linje ${p.line}: filen har flere end ${COACHING_LIMITS.captionCues} undertekster.`
        : `Line ${p.line}: the file has more than ${COACHING_LIMITS.captionCues} cues.`;
  }
}

// ── Writing WebVTT ──

/** Cues as a WebVTT file (sorted by start; text escaped). */
export function toVtt(cues: Cue[]): string {
  const sorted = [...cues].sort((a, b) => a.start - b.start || a.end - b.end);
  const blocks = sorted.map(
    (c, i) => `${i + 1}\n${formatTimestamp(c.start)} --> ${formatTimestamp(c.end)}\n${escapeCueText(c.text)}`,
  );
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

/** Chapters as a WebVTT chapters track: each runs to the next one's start, the last to the end of the video. */
export function chaptersToVtt(chapters: Chapter[], durationSeconds: number | null): string {
  const blocks = chapters.map((c, i) => {
    const next = chapters[i + 1]?.start ?? Math.max(durationSeconds ?? 0, c.start + 1);
    return `${i + 1}\n${formatTimestamp(c.start)} --> ${formatTimestamp(next)}\n${escapeCueText(c.title)}`;
  });
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

// ── Checking ──

/** What is wrong with each cue (index → issue), in the order they are given (sorted by start). */
export function validateCues(cues: Cue[], durationSeconds: number | null): Map<number, CueIssue> {
  const issues = new Map<number, CueIssue>();
  cues.forEach((c, i) => {
    if (c.start < 0 || c.end < 0) issues.set(i, 'negative');
    else if (c.end <= c.start) issues.set(i, 'reversed');
    else if (durationSeconds !== null && c.end > durationSeconds + DURATION_SLACK)
      issues.set(i, 'beyond_end');
    else if (!c.text.trim()) issues.set(i, 'empty');
    else if (c.text.length > CUE_TEXT_LENGTH) issues.set(i, 'too_long');
    else if (i > 0 && c.start < cues[i - 1].end - 0.0005 && !issues.has(i - 1)) issues.set(i, 'overlap');
  });
  return issues;
}

export function validateChapters(
  chapters: Chapter[],
  durationSeconds: number | null,
): Map<number, ChapterIssue> {
  const issues = new Map<number, ChapterIssue>();
  chapters.forEach((c, i) => {
    if (c.start < 0) issues.set(i, 'negative');
    else if (durationSeconds !== null && c.start >= durationSeconds + DURATION_SLACK)
      issues.set(i, 'beyond_end');
    else if (!c.title.trim()) issues.set(i, 'empty');
    else if (c.title.length > COACHING_LIMITS.chapterTitleLength) issues.set(i, 'too_long');
    else if (i > 0 && Math.abs(c.start - chapters[i - 1].start) < 0.0005) issues.set(i, 'duplicate');
    else if (i > 0 && c.start < chapters[i - 1].start) issues.set(i, 'unsorted');
  });
  return issues;
}

// ── Editing ──

const sortCues = (cues: Cue[]) => [...cues].sort((a, b) => a.start - b.start || a.end - b.end);

/** Every time moved by `seconds` (negative: earlier); a cue pushed before 0 starts at 0, one wholly before 0 goes. */
export function shiftCues(cues: Cue[], seconds: number): Cue[] {
  return cues
    .map((c) => ({ ...c, start: round(Math.max(0, c.start + seconds)), end: round(c.end + seconds) }))
    .filter((c) => c.end > c.start);
}

/**
 * Splits cue `index` at `at` seconds (strictly inside it): the first part keeps the words before the middle of
 * the text, the second the rest (split at the word boundary nearest the time's share of the cue). Null when `at`
 * is not inside the cue.
 */
export function splitCue(cues: Cue[], index: number, at: number): Cue[] | null {
  const c = cues[index];
  if (!c || at <= c.start + 0.001 || at >= c.end - 0.001) return null;
  const words = c.text.split(/\s+/).filter(Boolean);
  const cut = Math.min(
    Math.max(1, Math.round((words.length * (at - c.start)) / (c.end - c.start))),
    words.length,
  );
  const first = { start: c.start, end: round(at), text: words.slice(0, cut).join(' ') };
  const second = { start: round(at), end: c.end, text: words.slice(cut).join(' ') };
  return [...cues.slice(0, index), first, second, ...cues.slice(index + 1)];
}

/** Cue `index` joined with the next: from the first's start to the second's end, texts on two lines. */
export function mergeWithNext(cues: Cue[], index: number): Cue[] | null {
  const a = cues[index];
  const b = cues[index + 1];
  if (!a || !b) return null;
  const merged = {
    start: a.start,
    end: Math.max(a.end, b.end),
    text: [a.text, b.text].filter(Boolean).join('\n'),
  };
  return [...cues.slice(0, index), merged, ...cues.slice(index + 2)];
}

/** A new cue after `index` (or at the start): from the previous end, three seconds, within the next cue's start. */
export function addCueAfter(cues: Cue[], index: number, durationSeconds: number | null): Cue[] {
  const before = cues[index];
  const start = before ? before.end : 0;
  const next = cues[index + 1];
  const limit = next ? next.start : (durationSeconds ?? start + 3);
  const end = Math.max(Math.min(start + 3, limit), start + 0.5);
  return sortCues([...cues, { start: round(start), end: round(end), text: '' }]);
}

/** Chapters sorted by start (what the server stores). */
export const sortChapters = (chapters: Chapter[]) => [...chapters].sort((a, b) => a.start - b.start);
