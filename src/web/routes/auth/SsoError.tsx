import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle';

/** The codes the sign-in callback sends here; anything else reads as a general failure. */
const KNOWN = new Set([
  'sso.pupil',
  'sso.role_unknown',
  'sso.email_unverified',
  'sso.no_account',
  'sso.already_linked',
  'sso.provider_unavailable',
  'sso.provider_not_found',
  'sso.state_invalid',
  'sso.token_invalid',
  'sso.cancelled',
  'auth.account_disabled',
]);

/** Why signing in through a sign-in service did not work, in plain Danish, with the way back (issue 20 part 1). */
export function SsoError() {
  const { t } = useTranslation();
  const code = useSearchParams()[0].get('kode') ?? '';
  const key = KNOWN.has(code) ? code.replace('.', '_') : 'general';
  const staffOnly = code === 'sso.pupil' || code === 'sso.role_unknown';
  usePageTitle(t(`sso.error.title_${staffOnly ? 'staff' : 'general'}`));
  return (
    <div className="auth-page">
      <div className="card auth-card">
        <h1>{t(`sso.error.title_${staffOnly ? 'staff' : 'general'}`)}</h1>
        <p className="lead">{t(`sso.error.${key}`)}</p>
        {staffOnly && <p>{t('sso.error.staffOnly')}</p>}
        <p className="auth-links">
          <Link className="btn btn-primary" to="/log-ind">
            {t('sso.error.back')}
          </Link>
        </p>
      </div>
    </div>
  );
}
