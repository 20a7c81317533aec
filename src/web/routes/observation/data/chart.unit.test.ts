import { describe, expect, it } from 'vitest';
import { formatNumber, niceMax, sentence, tickText, valueDomain } from './chart';

const scale = { min: 1, max: 7, minLabel: 'Ses ikke', maxLabel: 'Tydeligt' };

describe('chart numbers (Danish format)', () => {
  it('uses a decimal comma and a thousands dot', () => {
    expect(formatNumber(4.45, 1)).toBe('4,5');
    expect(formatNumber(3, 1)).toBe('3,0');
    expect(formatNumber(57.14, 0)).toBe('57');
    expect(formatNumber(12345.6, 1)).toBe('12.345,6');
    expect(formatNumber(4.45, 1, 'en')).toBe('4.5');
  });

  it('writes axis ticks without needless decimals, and with a comma when there are', () => {
    const tick = tickText();
    expect([1, 2, 7].map(tick)).toEqual(['1', '2', '7']);
    expect([0.5, 2.5].map(tick)).toEqual(['0,5', '2,5']);
    expect([0.5].map(tickText('en'))).toEqual(['0.5']);
  });
});

describe('the value axis', () => {
  it('starts at the scale’s minimum (1 on a 1–7 scale) and ends at its maximum', () => {
    expect(valueDomain('scale', scale, [4.5, 6.9])).toEqual([1, 7]);
    expect(valueDomain('scale', { ...scale, min: 0, max: 4 }, [2])).toEqual([0, 4]);
  });

  it('yes/no in per cent from 0 to 100', () => {
    expect(valueDomain('yesno', null, [57])).toEqual([0, 100]);
  });

  it('a count from 0 to a round number at or above the largest value (never cut off)', () => {
    expect(valueDomain('count', null, [6.2, 3])).toEqual([0, 10]);
    expect(valueDomain('count', null, [20])).toEqual([0, 20]);
    expect(valueDomain('count', null, [21])).toEqual([0, 50]);
    expect(valueDomain('count', null, [])).toEqual([0, 1]);
    expect(niceMax(0.3)).toBe(0.5);
  });
});

describe('sentences', () => {
  it('never ends in a double full stop', () => {
    expect(sentence('Målet er synligt for eleverne.')).toBe('Målet er synligt for eleverne.');
    expect(sentence('Ved du, hvad du skal lære?')).toBe('Ved du, hvad du skal lære?');
    expect(sentence('Der er ro til arbejdet')).toBe('Der er ro til arbejdet.');
    expect(sentence('Tegn på læring. ')).toBe('Tegn på læring.');
  });
});
