import { DEFAULT_TRAINING_THRESHOLD, TRAINING_THRESHOLD_MAX } from '../../../../shared/training.js';
import type { DbOrTx } from '../../../db/index.js';
import { getSetting, setSetting } from '../../../db/instance.js';
import { AppError } from '../../../http/errors.js';

/** instance_settings key of the number of requests that makes a proposal (V7). */
export const THRESHOLD_KEY = 'training.threshold';

/** Is this a threshold an administrator may choose: a whole number from 1 to TRAINING_THRESHOLD_MAX? */
export const validThreshold = (n: number) => Number.isInteger(n) && n >= 1 && n <= TRAINING_THRESHOLD_MAX;

/** The instance's threshold; DEFAULT_TRAINING_THRESHOLD until an administrator sets one. */
export async function getThreshold(db: DbOrTx): Promise<number> {
  const raw = await getSetting(db, THRESHOLD_KEY);
  const n = raw === undefined ? Number.NaN : Number(raw);
  return validThreshold(n) ? n : DEFAULT_TRAINING_THRESHOLD;
}

/** Saves the threshold (training.threshold_invalid unless 1..TRAINING_THRESHOLD_MAX). */
export async function setThreshold(db: DbOrTx, n: number): Promise<void> {
  if (!validThreshold(n)) throw new AppError('training.threshold_invalid');
  await setSetting(db, THRESHOLD_KEY, String(n));
}
