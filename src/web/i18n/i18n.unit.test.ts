import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.dirname(new URL(import.meta.url).pathname);
const read = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;

/** Every key path of a nested strings object, e.g. `video.title`. */
function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

const files = ['da.json', ...fs.readdirSync(path.join(dir, 'areas')).map((f) => `areas/${f}`)].filter((f) =>
  f.endsWith('.json'),
);
const pairs = files
  .filter((f) => f.endsWith('da.json'))
  .map((da) => [da, da.replace(/da\.json$/, 'en.json')]);

describe('interface strings', () => {
  it.each(pairs)('%s and %s have the same keys', (da, en) => {
    expect(keys(read(en)).sort()).toEqual(keys(read(da)).sort());
  });

  it('no two files claim the same top-level key', () => {
    const owners = new Map<string, string>();
    for (const f of files.filter((x) => x.endsWith('da.json')))
      for (const k of Object.keys(read(f))) {
        expect(owners.get(k), `${k} in ${f}`).toBeUndefined();
        owners.set(k, f);
      }
  });

  it('no string is empty', () => {
    for (const f of files)
      for (const k of keys(read(f)))
        expect(
          k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], read(f)),
          `${f} ${k}`,
        ).not.toBe('');
  });
});
