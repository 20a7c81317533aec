import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { isSigningOut, sessionWasExpired } from '../api/auth';
import { canOrganise, useMe } from '../api/people';
import { Loading, RequestError } from './Alert';
import { usePageTitle } from './usePageTitle';

/** Protected pages: visitors who are not signed in go to the sign-in page and come back afterwards. */
export function RequireAuth() {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error) return <RequestError error={error} />;
  if (!me && isSigningOut()) return null;
  if (!me)
    return (
      <Navigate
        to="/log-ind"
        replace
        state={{ from: location.pathname + location.search, expired: sessionWasExpired() }}
      />
    );
  return <Outlet />;
}

export function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  return (
    <div className="page-narrow">
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.text')}</p>
    </div>
  );
}

/** Pages only some roles may open (organisation and import for administrators and leaders; the outbox; editorial pages). */
export function RequireCapability({ need }: { need: 'organise' | 'outbox' | 'curate' }) {
  const { data: me } = useMe();
  const ok =
    need === 'organise'
      ? canOrganise(me)
      : need === 'curate'
        ? !!me?.capabilities.curate
        : !!me?.capabilities.readOutbox;
  return ok ? <Outlet /> : <Forbidden />;
}
