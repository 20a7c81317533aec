import type { ErrorCode } from '../../../shared/errors.js';
import { AppError } from '../../http/errors.js';
import type { Decision } from '../../policy/index.js';

/** A survey policy decision acted on: hidden → the thing's 404 code, forbidden → 403 policy.forbidden. */
export function enforce(d: Decision, notFound: ErrorCode): void {
  if (d === 'hidden') throw new AppError(notFound);
  if (d === 'forbidden') throw new AppError('policy.forbidden');
}
