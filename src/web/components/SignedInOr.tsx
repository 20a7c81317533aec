import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isSigningOut, sessionWasExpired } from '../api/auth';
import { useMe } from '../api/people';
import { Loading, RequestError } from './Alert';

/**
 * A page with a public form (issue 15: the front page, the catalogue, a video): signed in, `signedIn`; not
 * signed in, `anonymous` — what the server shows anyone (public videos only). A session that just expired
 * goes to the sign-in page as on every other page, so nobody is quietly moved to the public view.
 */
export function SignedInOr({ signedIn, anonymous }: { signedIn: ReactNode; anonymous: ReactNode }) {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error) return <RequestError error={error} />;
  if (me) return signedIn;
  if (isSigningOut()) return null;
  if (sessionWasExpired())
    return (
      <Navigate to="/log-ind" replace state={{ from: location.pathname + location.search, expired: true }} />
    );
  return anonymous;
}
