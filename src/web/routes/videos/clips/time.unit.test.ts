import { describe, expect, it } from 'vitest';
import { clock, parseClock } from './time';

describe('clip times', () => {
  it('reads m:ss, h:mm:ss and seconds', () => {
    expect(parseClock('1:05')).toBe(65);
    expect(parseClock(' 1:02:03 ')).toBe(3723);
    expect(parseClock('12,5')).toBe(12.5);
    expect(parseClock('0:07.5')).toBe(7.5);
    for (const bad of ['', 'x', '1:60', '1.5:00', '1:2:3:4', '-3']) expect(parseClock(bad)).toBeNull();
  });
  it('writes m:ss with tenths only when needed', () => {
    expect(clock(65)).toBe('1:05');
    expect(clock(7.46)).toBe('0:07.5');
    expect(clock(3723)).toBe('1:02:03');
  });
});
