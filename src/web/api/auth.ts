import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../shared/constants';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/people';
import { setLocale } from '../i18n';
import { api } from './client';
import { type Me, peopleKeys } from './people';

/** Set when the server reported an expired session; the sign-in page shows a notice. */
let expired = false;
export const markSessionExpired = () => {
  expired = true;
};
export const sessionWasExpired = () => expired;
export const clearSessionExpired = () => {
  expired = false;
};

/** True from "Log ud" until the sign-in page shows: protected pages then render nothing instead of redirecting. */
let signingOut = false;
export const isSigningOut = () => signingOut;
export const doneSigningOut = () => {
  signingOut = false;
};

/** Switches language: saved on the account when signed in, on this device always. */
export function useChangeLocale() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      const me = qc.getQueryData<Me | null>(peopleKeys.me);
      if (me) {
        const updated = await api<Me>('/me', { method: 'PATCH', body: { locale } });
        qc.setQueryData(peopleKeys.me, updated);
      }
      await setLocale(locale);
    },
  });
}

/** Signs out: calls `then` (which navigates away), then forgets everything cached. */
export function useLogout() {
  const qc = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => api<{ endSessionUrl?: string | null }>('/auth/logout', { method: 'POST' }),
  });
  return {
    isPending: mutation.isPending,
    async signOut(then: () => void) {
      const answer = await mutation.mutateAsync().catch(() => undefined);
      signingOut = true;
      // A session from a sign-in service that ends its own session too: go there (it sends the browser back).
      if (answer?.endSessionUrl) window.location.assign(answer.endSessionUrl);
      else then();
      qc.setQueryData(peopleKeys.me, null);
      // Everything but the answer "nobody" itself, the person's own ['me', …] queries too (interests, sessions).
      qc.removeQueries({ predicate: (q) => q.queryKey.length > 1 || q.queryKey[0] !== peopleKeys.me[0] });
    },
  };
}

type TokenKind = 'invitation' | 'reset';

/** The query keys of sign-in links (invitation, password reset). */
export const authKeys = {
  token: (kind: TokenKind, token: string) => ['token', kind, token] as const,
};

/** The address of an invitation or password-reset link: GET tells whom it is for, POST sets the password. */
export const tokenPath = (kind: TokenKind, token: string) =>
  `${kind === 'invitation' ? '/auth/invitations' : '/auth/password-reset'}/${encodeURIComponent(token)}`;

/** Whom an invitation or password-reset link is for (an unknown or used link is an error, not retried). */
export const useTokenHolder = (kind: TokenKind, token: string) =>
  useQuery({
    queryKey: authKeys.token(kind, token),
    queryFn: () => api<Wire<typeof c.TokenHolder>>(tokenPath(kind, token)),
    retry: false,
  });
