import { describe, expect, it } from 'vitest';
import { RateLimiter, trustProxyHops } from './rate-limit.js';

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

  it('secondsLeft: whole seconds until the window starts again, at least 1 (for Retry-After)', () => {
    const r = new RateLimiter(1, 60_000);
    r.hit('a', 0);
    expect([r.secondsLeft('a', 0), r.secondsLeft('a', 59_001), r.secondsLeft('a', 60_000)]).toEqual([
      60, 1, 1,
    ]);
  });
});

describe('trustProxyHops', () => {
  it('trusts exactly the given number of hops from the socket; 0 trusts none', () => {
    const one = trustProxyHops(1);
    const two = trustProxyHops(2);
    expect(trustProxyHops(0)).toBe(false);
    expect(one && [one('10.0.0.1', 0), one('203.0.113.9', 1)]).toEqual([true, false]);
    expect(two && [two('10.0.0.1', 0), two('10.0.0.2', 1), two('203.0.113.9', 2)]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
