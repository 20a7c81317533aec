import type ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { asciiFileName } from '../http/files.js';
import { escapeText, foldLine, icsCalendar, icsDate } from './ics.js';
import { checkIcsLines, parseIcs } from './ics.testing.js';

const stamp = new Date('2030-03-01T12:00:00.000Z');
const event = (over: Partial<Parameters<typeof icsCalendar>[0]['events'][0]> = {}) => ({
  uid: 's-1@amongi.test',
  start: new Date('2030-03-14T08:00:00Z'),
  end: new Date('2030-03-14T10:30:00Z'),
  summary: 'Træning',
  ...over,
});

describe('icsDate', () => {
  it('writes UTC date-times without separators or milliseconds', () => {
    expect(icsDate(new Date('2030-03-14T08:05:09.123Z'))).toBe('20300314T080509Z');
    expect(() => icsDate(new Date('nope'))).toThrow();
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and every kind of newline', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });
  it('drops control characters but keeps tabs and letters', () => {
    expect(escapeText('x\u0000y\u0007z\tæ')).toBe('xyz\tæ');
  });
});

describe('foldLine', () => {
  it('keeps short lines whole', () => {
    expect(foldLine('SUMMARY:kort')).toBe('SUMMARY:kort\r\n');
  });

  it('folds at 75 octets, never splitting a multi-byte character', () => {
    const line = `DESCRIPTION:${'æøå€😀'.repeat(30)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n').slice(0, -1);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) {
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
      // Each part is valid UTF-8 on its own: a split character would turn into U+FFFD.
      expect(Buffer.from(p, 'utf8').toString('utf8')).not.toContain('\uFFFD');
    }
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    // Unfolding (remove CRLF + one space) gives the line back.
    expect(folded.replace(/\r\n /g, '').replace(/\r\n$/, '')).toBe(line);
  });

  it('folds a line of exactly 76 ASCII octets into 75 + 1', () => {
    const folded = foldLine('X'.repeat(76));
    expect(folded).toBe(`${'X'.repeat(75)}\r\n X\r\n`);
  });
});

describe('icsCalendar', () => {
  const tricky = 'Kursus i æøå, ÆØÅ; med komma, semikolon; backslash \\ og\nny linje';

  it('round-trips Danish letters, commas, semicolons, backslashes and newlines through ical.js', () => {
    const text = icsCalendar({
      name: 'Forløb: læsning, skrivning; mere',
      refreshInterval: 'PT1H',
      stamp,
      events: [
        event({
          summary: tricky,
          location: 'Lokale 2, Solsikkeskolen; indgang Ø',
          description: `${tricky}\n${'Lang tekst med ø og å '.repeat(20)}`,
          url: 'https://amongi.test/traening/forloeb/abc',
          conferenceUrl: 'https://meet.example/room?a=1;b=2,c',
          sequence: 3,
          lastModified: stamp,
        }),
      ],
    });
    checkIcsLines(text);
    const { calendar, events } = parseIcs(text);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Forløb: læsning, skrivning; mere');
    expect(calendar.getFirstPropertyValue('name')).toBe('Forløb: læsning, skrivning; mere');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT1H');
    expect(events).toHaveLength(1);
    const e = events[0];
    expect(e.summary).toBe(tricky);
    expect(e.location).toBe('Lokale 2, Solsikkeskolen; indgang Ø');
    expect(e.description).toBe(`${tricky}\n${'Lang tekst med ø og å '.repeat(20)}`);
    expect(e.uid).toBe('s-1@amongi.test');
    expect(e.startDate.toJSDate().toISOString()).toBe('2030-03-14T08:00:00.000Z');
    expect(e.endDate.toJSDate().toISOString()).toBe('2030-03-14T10:30:00.000Z');
    expect(e.startDate.zone?.tzid).toBe('UTC');
    expect(e.sequence).toBe(3);
    expect(e.component.getFirstPropertyValue('url')).toBe('https://amongi.test/traening/forloeb/abc');
    expect(e.component.getFirstPropertyValue('conference')).toBe('https://meet.example/room?a=1;b=2,c');
    const dtstamp = e.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(dtstamp.toJSDate().toISOString()).toBe(stamp.toISOString());
  });

  it('writes one VEVENT per session and leaves out what is empty', () => {
    const text = icsCalendar({
      stamp,
      events: [event(), event({ uid: 's-2@amongi.test', location: '', description: '' })],
    });
    checkIcsLines(text);
    const { events } = parseIcs(text);
    expect(events.map((e) => e.uid)).toEqual(['s-1@amongi.test', 's-2@amongi.test']);
    expect(text).not.toContain('LOCATION');
    expect(text).not.toContain('X-WR-CALNAME');
  });

  it('an empty calendar is still valid', () => {
    const text = icsCalendar({ name: 'Tom', stamp, events: [] });
    checkIcsLines(text);
    expect(parseIcs(text).events).toEqual([]);
  });

  it('cannot be broken out of by line breaks hidden in a URL', () => {
    const text = icsCalendar({
      stamp,
      events: [event({ url: 'https://a.test/x\r\nBEGIN:VEVENT', conferenceUrl: 'https://b.test/\ny' })],
    });
    checkIcsLines(text);
    const { events } = parseIcs(text);
    expect(events).toHaveLength(1);
    expect(events[0].component.getFirstPropertyValue('url')).toBe('https://a.test/xBEGIN:VEVENT');
    expect(text.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });
});

describe('whole-day events', () => {
  it('are DATE values, the end the day after the last (exclusive), across a month and a leap day', () => {
    const text = icsCalendar({
      stamp,
      events: [
        event({ uid: 'a@amongi.test', days: { from: '2028-02-28', to: '2028-02-29' } }),
        event({ uid: 'b@amongi.test', days: { from: '2027-12-31', to: '2027-12-31' } }),
      ],
    });
    checkIcsLines(text);
    expect(text).toContain('DTSTART;VALUE=DATE:20280228\r\nDTEND;VALUE=DATE:20280301\r\n');
    expect(text).toContain('DTSTART;VALUE=DATE:20271231\r\nDTEND;VALUE=DATE:20280101\r\n');
    const { events } = parseIcs(text);
    expect(events[0].startDate.isDate).toBe(true);
    expect(events[0].startDate.toString()).toBe('2028-02-28');
    expect(events[0].endDate.toString()).toBe('2028-03-01');
  });

  it('refuses a day that does not exist', () => {
    expect(() =>
      icsCalendar({ stamp, events: [event({ days: { from: '2027-02-29', to: '2027-03-01' } })] }),
    ).toThrow();
  });
});

describe('asciiFileName', () => {
  it('spells out æøå and keeps only ASCII letters, digits and dashes', () => {
    expect(asciiFileName('Læsning på Ærø: "Øvelse" 1/2')).toBe('Laesning-paa-Aeroe-Oevelse-1-2');
    expect(asciiFileName('Café naïve')).toBe('Cafe-naive');
    expect(asciiFileName('…')).toBe('traening');
    expect(asciiFileName('a'.repeat(100)).length).toBe(60);
  });
});
