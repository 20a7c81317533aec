import { type Visibility, widerThan } from '../../../shared/constants.js';
import { AppError } from '../../http/errors.js';

export type Consent = {
  pupilsAppear: boolean | null;
  consentLevel: Visibility | null;
  collectedBy?: string | null;
  collectedOn?: string | null;
  withdrawnAt: Date | null;
} | null;

/**
 * The widest visibility the consent register allows (I5). Without a record the video stays private: the owner
 * must first say whether children or pupils appear. No pupils: anything. Pupils: what their guardians consented
 * to, and nothing beyond private once consent is withdrawn.
 */
export function allowedVisibility(c: Consent): Visibility {
  if (!c || c.pupilsAppear === null) return 'private';
  if (!c.pupilsAppear) return 'public';
  if (c.withdrawnAt) return 'private';
  return c.consentLevel ?? 'private';
}

export function checkVisibility(c: Consent, wanted: Visibility) {
  if (!widerThan(wanted, allowedVisibility(c))) return;
  throw new AppError(
    !c || c.pupilsAppear === null ? 'video.consent_required' : 'video.visibility_exceeds_consent',
  );
}
