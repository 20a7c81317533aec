import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/sso';
import { api } from './client';

export type IdentityProvider = Wire<typeof c.IdentityProvider>;
export type IdentityProviderInput = Wire<typeof c.IdentityProviderCreate>;

export const ssoKeys = {
  public: ['auth', 'providers'] as const,
  admin: ['identity-providers'] as const,
};

/** The sign-in page's buttons: enabled providers by name (public). */
export const usePublicProviders = () =>
  useQuery({
    queryKey: ssoKeys.public,
    queryFn: () => api<Wire<typeof c.PublicProviderList>>('/auth/providers'),
    staleTime: 60_000,
  });

/** Where a provider's button goes: the server starts the sign-in and sends the browser on. */
export const startUrl = (id: string, returnTo?: string) =>
  `/api/v1/auth/oidc/${encodeURIComponent(id)}/start${returnTo && returnTo !== '/' ? `?return_to=${encodeURIComponent(returnTo)}` : ''}`;

/** Every provider (administrators) with the redirect URI to register. */
export const useIdentityProviders = () =>
  useQuery({
    queryKey: ssoKeys.admin,
    queryFn: () => api<Wire<typeof c.IdentityProviderList>>('/identity-providers'),
  });

export function useIdentityProviderMutations() {
  const qc = useQueryClient();
  const done = () => {
    void qc.invalidateQueries({ queryKey: ssoKeys.admin });
    void qc.invalidateQueries({ queryKey: ssoKeys.public });
  };
  return {
    create: useMutation({
      mutationFn: (body: IdentityProviderInput) =>
        api<IdentityProvider>('/identity-providers', { method: 'POST', body }),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: Partial<IdentityProviderInput> }) =>
        api<IdentityProvider>(`/identity-providers/${id}`, { method: 'PATCH', body }),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api(`/identity-providers/${id}`, { method: 'DELETE' }),
      onSuccess: done,
    }),
  };
}
