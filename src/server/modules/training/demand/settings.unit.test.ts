import { describe, expect, it } from 'vitest';
import { TRAINING_THRESHOLD_MAX } from '../../../../shared/training.js';
import { validThreshold } from './settings.js';

describe('validThreshold', () => {
  it('takes whole numbers from 1 to the maximum', () => {
    for (const n of [1, 2, 12, TRAINING_THRESHOLD_MAX]) expect(validThreshold(n), String(n)).toBe(true);
  });
  it('refuses zero, negatives, fractions, too large and not-a-number', () => {
    for (const n of [0, -1, 2.5, TRAINING_THRESHOLD_MAX + 1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(validThreshold(n), String(n)).toBe(false);
  });
});
