import { describe, expect, it } from 'vitest';
import { dateOnly, dateTime, isRealDate, isSafeNumber, isSafeText, toSafeText } from './text.js';

describe('what PostgreSQL can store', () => {
  it('text: NUL and unpaired surrogates are refused; pairs (emoji) and Danish letters are fine', () => {
    expect(isSafeText('Æble, øl og å 🙂')).toBe(true);
    for (const bad of ['a\u0000b', '\ud800', 'x\udc00', '\udc00\ud800', '🙂'.slice(0, 1)])
      expect(isSafeText(bad)).toBe(false);
    expect(toSafeText('a\u0000b\ud800')).toBe('a\ufffdb\ufffd');
  });

  it('numbers: finite, and 0 or within the magnitude of a real', () => {
    for (const ok of [0, -0, 1, -2.5, 1e-30, 3.4e38, 1.2e-38]) expect(isSafeNumber(ok)).toBe(true);
    for (const bad of [1e-50, -1e-45, 1e39, Number.POSITIVE_INFINITY, Number.NaN])
      expect(isSafeNumber(bad)).toBe(false);
  });

  it('dates: real calendar dates from year 0001 to 9999', () => {
    for (const ok of ['2026-03-02', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])
      expect(isRealDate(ok)).toBe(true);
    for (const bad of [
      '0000-01-01',
      '2026-02-30',
      '1900-02-29',
      '2026-13-01',
      '2026-04-31',
      '12026-01-01',
      '2026-1-1',
    ])
      expect(isRealDate(bad)).toBe(false);
    expect(
      dateOnly()
        .safeParse('2026-02-30')
        .error?.issues.map((i) => i.message),
    ).toEqual(['request.invalid_date']);
    expect(dateTime().safeParse('0000-06-01T10:00:00+02:00').success).toBe(false);
    expect(dateTime().safeParse('0001-01-01T00:30:00+01:00').success).toBe(false); // year 0 in UTC
    expect(dateTime().safeParse('2026-03-02T10:00:00+01:00').success).toBe(true);
  });
});
