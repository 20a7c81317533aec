import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isTimestampText, readCursor } from './cursor.js';
import { edgeValidatorCompiler, findHostile } from './edge-validation.js';

describe('cursors', () => {
  it('timestamps in cursors: real date, time of day and offset', () => {
    expect(isTimestampText('2026-03-02 10:00:00.123456+01')).toBe(true);
    expect(isTimestampText('2026-03-02T10:00:00.000000Z')).toBe(true);
    for (const bad of ['0000-01-01T00:00:00Z', '2026-03-02T24:00:00Z', '2026-03-02 10:61:00+01', 'x'])
      expect(isTimestampText(bad)).toBe(false);
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    expect(readCursor(b64(['2026-03-02T10:00:00.000000Z', 'id']))).toEqual([
      '2026-03-02T10:00:00.000000Z',
      'id',
    ]);
    // A sort key that is a name starting with a date is text, not a date (a community "2024-01-15 møde").
    expect(readCursor(b64(['2024-01-15 møde', 'id']))).toEqual(['2024-01-15 møde', 'id']);
    for (const bad of [['a\u0000'], ['2026-02-30'], ['2026-03-02T25:00:00Z'], [1e-50], 'not json'])
      expect(() => readCursor(typeof bad === 'string' ? bad : b64(bad))).toThrow();
  });
});

describe('the edge safety net', () => {
  it('finds the first hostile value anywhere in a body, keys included, without recursion limits', () => {
    expect(findHostile({ a: [{ b: 'ok' }, { c: 'x\u0000' }] }, 'body')).toEqual({
      code: 'request.invalid_text',
      path: 'body.a.1.c',
    });
    expect(findHostile({ 'k\u0000': 1 }, 'body')?.code).toBe('request.invalid_text');
    expect(findHostile({ n: 1e-50 }, 'body')).toEqual({ code: 'request.invalid_number', path: 'body.n' });
    expect(findHostile(new Date('0000-01-01T00:00:00Z'), 'body')?.code).toBe('request.invalid_date');
    expect(findHostile(Buffer.from([0, 1, 2]), 'body')).toBeNull();
    let deep: unknown = 'x\ud800';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findHostile(deep, 'body')?.code).toBe('request.invalid_text');
  });

  it('the validator compiler checks what a schema produced: coerced numbers and dates', () => {
    const run = (schema: z.ZodType, data: unknown) =>
      edgeValidatorCompiler({ schema, method: 'GET', url: '/x', httpPart: 'querystring' })(data) as {
        error?: unknown;
        value?: unknown;
      };
    expect(run(z.object({ n: z.coerce.number() }), { n: '1e-50' }).error).toMatchObject({
      code: 'request.invalid_number',
    });
    expect(run(z.object({ d: z.coerce.date() }), { d: '0000-01-01' }).error).toMatchObject({
      code: 'request.invalid_date',
    });
    expect(run(z.object({ n: z.coerce.number() }), { n: '2.5' })).toEqual({ value: { n: 2.5 } });
  });

  it('no route or shared schema declares a date other than with dateOnly() / dateTime()', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (
          /\.tsx?$/.test(e.name) &&
          !/\.test\.tsx?$/.test(e.name) &&
          !p.endsWith(path.join('shared', 'text.ts'))
        ) {
          const src = fs.readFileSync(p, 'utf8');
          if (/z\.iso\.date(time)?\(|z\.(coerce\.)?date\(|\.(date|datetime)\(\)/.test(src))
            offenders.push(path.relative(root, p));
        }
      }
    };
    walk(path.join(root, 'server'));
    walk(path.join(root, 'shared'));
    expect(offenders).toEqual([]);
  });
});
