import { describe, expect, it } from 'vitest';
import { formatSessionTime, fromLocalParts, toLocalParts } from './time';

describe('session times', () => {
  it('reads a session in Danish: weekday, date, start–end', () => {
    const s = { startsAt: '2026-03-03T13:00:00Z', endsAt: '2026-03-03T15:30:00Z' };
    expect(formatSessionTime(s, 'da-DK', 'Europe/Copenhagen')).toBe('tirsdag den 3. marts 2026, 14.00–16.30');
    expect(formatSessionTime(s, 'en-GB', 'Europe/Copenhagen')).toBe('Tuesday, 3 March 2026, 14:00–16:30');
  });

  it('names the end date too when a session runs past midnight', () => {
    const s = { startsAt: '2026-03-03T21:00:00Z', endsAt: '2026-03-03T23:30:00Z' };
    expect(formatSessionTime(s, 'da-DK', 'Europe/Copenhagen')).toBe(
      'tirsdag den 3. marts 2026, 22.00 – onsdag den 4. marts 2026, 00.30',
    );
  });

  it('turns the date and time inputs into an instant and back', () => {
    const iso = fromLocalParts('2026-06-15', '09:45');
    expect(iso).not.toBeNull();
    expect(toLocalParts(iso as string)).toEqual({ date: '2026-06-15', time: '09:45' });
  });

  it('refuses missing, malformed and impossible dates and times', () => {
    expect(fromLocalParts('', '10:00')).toBeNull();
    expect(fromLocalParts('2026-06-15', '')).toBeNull();
    expect(fromLocalParts('15-06-2026', '10:00')).toBeNull();
    expect(fromLocalParts('2026-02-30', '10:00')).toBeNull();
    expect(fromLocalParts('2026-06-15', '25:00')).toBeNull();
  });
});
