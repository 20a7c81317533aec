import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('allows max hits per key in a window, then refuses until the window ends', () => {
    const r = new RateLimiter(3, 1000);
    expect([r.hit('a', 0), r.hit('a', 10), r.hit('a', 20), r.hit('a', 30)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(r.hit('b', 30)).toBe(true);
    expect(r.hit('a', 999)).toBe(false);
    expect(r.hit('a', 1000)).toBe(true);
  });

  it('undo takes back one hit; reset forgets the key', () => {
    const r = new RateLimiter(2, 1000);
    r.hit('a', 0);
    r.hit('a', 0);
    r.undo('a');
    expect(r.hit('a', 0)).toBe(true);
    expect(r.hit('a', 0)).toBe(false);
    r.reset('a');
    expect(r.hit('a', 0)).toBe(true);
    r.undo('never-seen');
    expect(r.hit('never-seen', 0)).toBe(true);
  });
});
