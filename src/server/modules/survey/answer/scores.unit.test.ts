import { describe, expect, it } from 'vitest';
import { answerScores } from './scores.js';

/** One answer's scores (issue 18: 0–100 per dimension, social capital the mean of the four present). */
describe('answerScores', () => {
  const items = [
    { id: 'a', dimension: 'tillid' as const },
    { id: 'b', dimension: 'tillid' as const },
    { id: 'c', dimension: 'ledelse' as const },
    { id: 'd', dimension: 'plf' as const },
    { id: 'e', dimension: null },
  ];

  it('means scaleScore over the answered questions of each dimension; "ved ikke" and missing ones left out', () => {
    const s = answerScores(
      items,
      new Map([
        ['a', 5],
        ['b', 2],
        ['c', null],
        ['d', 1],
        ['e', 5],
      ]),
    );
    expect(s).toEqual({
      tillid: 62.5,
      kerneopgave: null,
      ledelse: null,
      involvering: null,
      plf: 0,
      socialCapital: 62.5,
    });
  });

  it('social capital is the mean of the social-capital dimensions that have a score, PLF apart', () => {
    const s = answerScores(
      items,
      new Map([
        ['a', 1],
        ['b', 1],
        ['c', 5],
        ['d', 5],
      ]),
    );
    expect(s.socialCapital).toBe(50);
    expect(s.plf).toBe(100);
  });

  it('all "ved ikke": every score null', () => {
    const s = answerScores(items, new Map(items.map((i) => [i.id, null])));
    expect(Object.values(s).every((v) => v === null)).toBe(true);
  });
});
