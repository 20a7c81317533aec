import ICAL from 'ical.js';
import { expect } from 'vitest';

// ical.js knows RFC 5545's properties; tell it the value types of the RFC 7986 and de-facto ones we write.
const props = ICAL.design.icalendar.property as Record<string, { defaultType: string }>;
for (const name of ['name', 'x-wr-calname']) props[name] = { defaultType: 'text' };
props['refresh-interval'] = { defaultType: 'duration' };
props.conference = { defaultType: 'uri' };

/** Parses iCalendar text with ical.js (Mozilla's parser, as calendar apps do) into the calendar and its events. */
export function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  return { calendar, events };
}

/** The line rules a parser forgives but calendar apps may not: CRLF only, at most 75 octets per line. */
export function checkIcsLines(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(/\r(?!\n)|(?<!\r)\n/.test(text)).toBe(false);
  for (const line of text.split('\r\n').slice(0, -1)) {
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(line.length).toBeGreaterThan(0);
  }
}
