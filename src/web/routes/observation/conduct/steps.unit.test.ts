import { describe, expect, it } from 'vitest';
import { clock, minutes } from './steps';

describe("a visit's length", () => {
  it('reads as minutes, not as a clock (issue 15: "Lektionens længde 45:00")', () => {
    expect(minutes(45 * 60_000, 'da')).toBe('45 min.');
    expect(minutes(45 * 60_000 + 29_000, 'da')).toBe('45 min.');
    expect(minutes(44 * 60_000 + 31_000, 'da')).toBe('45 min.');
    expect(minutes(95 * 60_000, 'da')).toBe('95 min.');
    expect(minutes(20_000, 'da')).toBe('under 1 min.');
    expect(minutes(45 * 60_000, 'en')).toBe('45 min');
  });
  it('the running stopwatch stays a clock', () => {
    expect(clock(45 * 60_000)).toBe('45:00');
    expect(clock(3_729_000)).toBe('1:02:09');
  });
});
