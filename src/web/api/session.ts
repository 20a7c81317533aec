import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../shared/constants';
import { setLocale } from '../i18n';
import { api } from './client';
import type { Me } from './types';

/** Set when the server reported an expired session; the sign-in page shows a notice. */
let expired = false;
export const markSessionExpired = () => {
  expired = true;
};
export const sessionWasExpired = () => expired;
export const clearSessionExpired = () => {
  expired = false;
};

/** Switches language: saved on the account when signed in, on this device always. */
export function useChangeLocale() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      const me = qc.getQueryData<Me | null>(['me']);
      if (me) {
        const updated = await api<Me>('/me', { method: 'PATCH', body: { locale } });
        qc.setQueryData(['me'], updated);
      }
      await setLocale(locale);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      qc.setQueryData(['me'], null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  });
}
