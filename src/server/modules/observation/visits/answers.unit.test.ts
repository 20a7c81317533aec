import { describe, expect, it } from 'vitest';
import { AppError } from '../../../http/errors.js';
import { answer, K, testDefinition } from '../observation.testing.js';
import { answerOf, itemIndex, validateAnswers } from './answers.js';

const def = testDefinition();
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return 'no error';
};

describe('validateAnswers', () => {
  it('turns fitting answers into rows: numbers for scale, count and yes/no, text for text', () => {
    const rows = validateAnswers(def, [
      answer(K.scale, 4),
      answer(K.yesno, false),
      answer(K.count, 0),
      answer(K.text, 'Ro i klassen'),
      answer(K.pupilScale, 1, { pupil: 3 }),
      answer(K.bScale, null),
    ]);
    const by = (k: string) => rows.find((r) => r.itemKey === k);
    expect(by(K.scale)).toMatchObject({ valueNum: 4, valueText: null, focusAreaKey: K.areaA, pupil: 0 });
    expect(by(K.yesno)).toMatchObject({ valueNum: 0, valueText: null });
    expect(by(K.count)?.valueNum).toBe(0);
    expect(by(K.text)).toMatchObject({ valueNum: null, valueText: 'Ro i klassen' });
    expect(by(K.pupilScale)).toMatchObject({ valueNum: 1, pupil: 3 });
    expect(by(K.bScale)).toMatchObject({ valueNum: null, valueText: null, focusAreaKey: K.areaB });
  });

  it('refuses values that do not fit their item', () => {
    for (const bad of [
      answer(K.scale, 5),
      answer(K.scale, 0),
      answer(K.scale, 1.5),
      answer(K.scale, true),
      answer(K.yesno, 'ja'),
      answer(K.yesno, 0),
      answer(K.count, -2),
      answer(K.count, 10_001),
      answer(K.count, 2.2),
      answer(K.text, 3),
      answer(K.pupilYesno, 1, { pupil: 1 }),
    ])
      expect(
        codeOf(() => validateAnswers(def, [bad])),
        JSON.stringify(bad),
      ).toBe('observation.invalid_answer');
  });

  it('refuses items and pupil slots the version does not have', () => {
    for (const bad of [
      answer(K.unknown, 1),
      answer(K.scale, 2, { pupil: 1 }),
      answer(K.pupilScale, 2),
      answer(K.pupilScale, 2, { pupil: 4 }),
      answer(K.bScaleNew, 2),
    ])
      expect(
        codeOf(() => validateAnswers(def, [bad])),
        JSON.stringify(bad),
      ).toBe('observation.unknown_item');
    expect(codeOf(() => validateAnswers(testDefinition(true), [answer(K.bScaleNew, 2)]))).toBe('no error');
  });

  it('keeps the newest answer when one payload has the same item twice', () => {
    const rows = validateAnswers(def, [
      answer(K.scale, 2, { at: '2026-03-01T10:05:00Z' }),
      answer(K.scale, 3, { at: '2026-03-01T10:00:00Z' }),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].valueNum).toBe(2);
  });
});

describe('answerOf', () => {
  it('gives yes/no back as a boolean, other numbers and text as stored', () => {
    const index = itemIndex(def);
    const at = new Date('2026-03-01T10:00:00Z');
    const row = (itemKey: string, valueNum: number | null, valueText: string | null = null) =>
      answerOf(index, { itemKey, pupil: 0, valueNum, valueText, answeredAt: at });
    expect(row(K.yesno, 1).value).toBe(true);
    expect(row(K.yesno, 0).value).toBe(false);
    expect(row(K.scale, 3).value).toBe(3);
    expect(row(K.text, null, 'Tekst').value).toBe('Tekst');
    expect(row(K.scale, null).value).toBeNull();
    expect(row(K.scale, 3).answeredAt).toBe('2026-03-01T10:00:00.000Z');
  });
});
