import { describe, expect, it } from 'vitest';
import { createDirectory } from './directory.js';

describe('organisation directory cache', () => {
  it('loads once within the ttl, again after it, and again after invalidate', async () => {
    let loads = 0;
    const d = createDirectory(async () => ++loads, 1000);
    expect(await d.get(0)).toBe(1);
    expect(await d.get(999)).toBe(1);
    expect(await d.get(1000)).toBe(2);
    d.invalidate();
    expect(await d.get(1001)).toBe(3);
  });

  it('does not keep a failed load', async () => {
    let fail = true;
    const d = createDirectory(async () => {
      if (fail) throw new Error('db down');
      return 'ok';
    });
    await expect(d.get(0)).rejects.toThrow('db down');
    fail = false;
    expect(await d.get(1)).toBe('ok');
  });
});
