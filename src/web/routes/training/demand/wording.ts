import type { TFunction } from 'i18next';
import type { MethodDemand } from '../../../api/training';

/**
 * "7 af 12 har bedt om det — der mangler 5", or once the threshold is reached "15 har bedt om det — grænsen på 12
 * er nået …" (never "15 af 12").
 */
export function demandText(t: TFunction, d: Pick<MethodDemand, 'count' | 'threshold' | 'missing'>) {
  return d.missing > 0
    ? t('training.ask.progress', { count: d.count, threshold: d.threshold, missing: d.missing })
    : t('training.ask.progressReached', { count: d.count, threshold: d.threshold });
}
