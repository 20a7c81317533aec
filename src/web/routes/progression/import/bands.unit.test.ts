import { describe, expect, it } from 'vitest';
import { bandsOf, draftOf, parseLimit, toBase64 } from './bands';

describe('import bands', () => {
  it('reads limits with a decimal comma or point, blank as none', () => {
    expect(['30', '29,5', '-2.5', '', ' 1 000 '].map(parseLimit)).toEqual([30, 29.5, -2.5, null, 1000]);
    expect(['tre', '1,2,3', '1e3'].map(parseLimit)).toEqual([undefined, undefined, undefined]);
  });

  it('turns the draft into bands, leaving out a status with no limits and naming bad fields', () => {
    const draft = draftOf([
      { status: 'groen', min: 30, max: null },
      { status: 'gul', min: 20, max: 29.5 },
    ]);
    expect(draft.gul).toEqual({ min: '20', max: '29,5' });
    expect(bandsOf(draft)).toEqual({
      bands: [
        { status: 'groen', min: 30, max: null },
        { status: 'gul', min: 20, max: 29.5 },
      ],
      invalid: [],
    });
    expect(bandsOf({ ...draft, roed: { min: 'x', max: '' }, gul: { min: '30', max: '20' } }).invalid).toEqual(
      ['gul.max', 'roed.min'],
    );
  });

  it('encodes bytes as base64', () => {
    expect(toBase64(new TextEncoder().encode('Kode;Score\r\nÆ;1'))).toBe(
      Buffer.from('Kode;Score\r\nÆ;1').toString('base64'),
    );
  });
});
