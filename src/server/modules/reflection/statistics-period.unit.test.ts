import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { wholeMonths } from './statistics-period.js';

describe('wholeMonths: the statistics period is whole Danish months', () => {
  it('snaps any dates to the first day of the first month and the last day of the last', () => {
    const p = wholeMonths({ from: '2026-03-17', to: '2026-04-02' });
    expect(p).toMatchObject({ from: '2026-03-01', to: '2026-04-30', months: ['2026-03', '2026-04'] });
    // Danish midnight at the start of March (CET) and of May (CEST).
    expect(p.start.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-04-30T22:00:00.000Z');
    expect(wholeMonths({ from: '2024-02-29', to: '2024-02-29' })).toMatchObject({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(wholeMonths({ from: '2025-12-31', to: '2026-01-01' }).months).toEqual(['2025-12', '2026-01']);
  });

  it('by default the last 12 months, this Danish month included', () => {
    // 23:30 UTC on 31 January is already 1 February in Denmark.
    const p = wholeMonths({}, new Date('2026-01-31T23:30:00Z'));
    expect(p).toMatchObject({ from: '2025-03-01', to: '2026-02-28' });
    expect(p.months).toHaveLength(12);
    expect(wholeMonths({ to: '2026-06-10' }).from).toBe('2025-07-01');
  });

  it('refuses a period backwards or longer than ten years', () => {
    const code = (q: { from?: string; to?: string }) => {
      try {
        wholeMonths(q);
        return 'ok';
      } catch (e) {
        return e instanceof AppError ? e.code : String(e);
      }
    };
    expect(code({ from: '2026-05-01', to: '2026-04-30' })).toBe('statistics.period_invalid');
    expect(code({ from: '2026-04-20', to: '2026-04-10' })).toBe('statistics.period_invalid');
    expect(code({ from: '2016-01-01', to: '2025-12-31' })).toBe('ok');
    expect(code({ from: '2016-01-01', to: '2026-01-01' })).toBe('statistics.period_invalid');
  });
});
