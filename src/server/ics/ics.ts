/**
 * A small iCalendar (RFC 5545) writer, shared by the modules that offer calendars: training sessions (one as a
 * download, a course as a feed), community events, and the evaluation plans' personal feed. Pure: no I/O. Lines end in CRLF and are folded at 75 octets without splitting a UTF-8
 * character; TEXT values escape backslash, semicolon, comma and newlines; times are UTC (…Z).
 */

export type IcsEvent = {
  /** Stable per session, e.g. `<sessionId>@<host>`: calendar apps update the event instead of adding a new one. */
  uid: string;
  start: Date;
  end: Date;
  /**
   * A whole-day event instead (DTSTART/DTEND as VALUE=DATE): the first and last day, YYYY-MM-DD, both included.
   * When set, start and end are ignored.
   */
  days?: { from: string; to: string };
  summary: string;
  location?: string;
  description?: string;
  /** The course page. */
  url?: string;
  /** The online meeting link (RFC 7986 CONFERENCE). */
  conferenceUrl?: string | null;
  /** Raised when the event changes. */
  sequence?: number;
  lastModified?: Date;
};

export type IcsCalendar = {
  /** Calendar name shown by calendar apps (X-WR-CALNAME and RFC 7986 NAME). */
  name?: string;
  /** How often a subscribing app should fetch the feed again (an ISO 8601 duration, e.g. PT1H). */
  refreshInterval?: string;
  /** When this file was made (DTSTAMP of every event). */
  stamp: Date;
  events: IcsEvent[];
};

const PRODID = '-//Amongi//Amongi//DA';
const MAX_OCTETS = 75;

/** 20250314T080000Z: a UTC date-time (FORM #2). */
export function icsDate(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new Error('invalid date');
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; other control characters are dropped. */
export function escapeText(s: string): string {
  return (
    s
      .replace(/\r\n?/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))
  );
}

/** A URI value: no escaping in iCalendar, but no control characters or line breaks may slip in. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const uri = (s: string) => s.replace(/[\u0000-\u001f\u007f\s]/g, '');

/**
 * Folds one content line: at most 75 octets per line, continuation lines start with a space (which counts),
 * and a multi-byte UTF-8 character is never split. Returns the line with CRLF after each part.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.map((p) => `${p}\r\n`).join('');
}

/** 20250314: a DATE value from YYYY-MM-DD (checked: a real day). */
export function icsDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== day) throw new Error('invalid day');
  return `${m[1]}${m[2]}${m[3]}`;
}

/** The day after YYYY-MM-DD (DTEND of a whole-day event is exclusive). */
function dayAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return next.toISOString().slice(0, 10);
}

function eventLines(e: IcsEvent, stamp: Date): string[] {
  const when = e.days
    ? [`DTSTART;VALUE=DATE:${icsDay(e.days.from)}`, `DTEND;VALUE=DATE:${icsDay(dayAfter(e.days.to))}`]
    : [`DTSTART:${icsDate(e.start)}`, `DTEND:${icsDate(e.end)}`];
  const lines = [
    'BEGIN:VEVENT',
    `UID:${uri(e.uid)}`,
    `DTSTAMP:${icsDate(stamp)}`,
    ...when,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.sequence !== undefined) lines.push(`SEQUENCE:${Math.max(0, Math.floor(e.sequence))}`);
  if (e.lastModified) lines.push(`LAST-MODIFIED:${icsDate(e.lastModified)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.url) lines.push(`URL:${uri(e.url)}`);
  if (e.conferenceUrl) lines.push(`CONFERENCE;VALUE=URI;FEATURE=VIDEO:${uri(e.conferenceUrl)}`);
  lines.push('STATUS:CONFIRMED', e.days ? 'TRANSP:TRANSPARENT' : 'TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

/** The whole calendar object as text (METHOD:PUBLISH), ready to send as text/calendar. */
export function icsCalendar(cal: IcsCalendar): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${escapeText(PRODID)}`, 'CALSCALE:GREGORIAN'];
  lines.push('METHOD:PUBLISH');
  if (cal.name) lines.push(`X-WR-CALNAME:${escapeText(cal.name)}`, `NAME:${escapeText(cal.name)}`);
  if (cal.refreshInterval)
    lines.push(
      `REFRESH-INTERVAL;VALUE=DURATION:${cal.refreshInterval}`,
      `X-PUBLISHED-TTL:${cal.refreshInterval}`,
    );
  for (const e of cal.events) lines.push(...eventLines(e, cal.stamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('');
}
