import { z } from 'zod';
import { SSO_CREATE_ROLES, SSO_MAPPED_KINDS, SSO_PRESETS } from '../sso.js';
import { id, name, timestamp } from './common.js';

/*
 * Single sign-on over OpenID Connect (issue 20 part 1, I2): the identity providers administrators set up, the
 * public list of buttons on the sign-in page, and the start of a sign-in.
 */

/** A claim's name in the ID token or userinfo answer (e.g. sub, email, aktoer_gruppe). */
const claim = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_:.\-/]+$/);
const roleMap = z
  .record(z.string().trim().min(1).max(100), z.enum(SSO_MAPPED_KINDS))
  .refine((m) => Object.keys(m).length <= 50, { message: 'at most 50 values' });

const providerFields = {
  name: name.max(60),
  preset: z.enum(SSO_PRESETS),
  issuer: z.string().trim().max(500).pipe(z.url()),
  clientId: z.string().trim().min(1).max(300),
  scopes: z
    .string()
    .trim()
    .max(300)
    .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/)
    .refine((s) => s.split(' ').includes('openid'), { message: 'scopes must include openid' }),
  claimSubject: claim,
  claimEmail: claim,
  /** null: the provider only hands out e-mails it verified (trust them as verified). */
  claimEmailVerified: claim.nullable(),
  claimName: claim,
  /** null: everyone who signs in is staff. */
  claimRole: claim.nullable(),
  roleMap,
  useUserinfo: z.boolean(),
  createUsers: z.boolean(),
  createInstitutionId: id.nullable(),
  createRole: z.enum(SSO_CREATE_ROLES),
  enabled: z.boolean(),
};

/** A new provider. `clientSecret` is stored encrypted and never answered. */
export const IdentityProviderCreate = z.strictObject({
  ...providerFields,
  clientSecret: z.string().max(1000).nullable().optional(),
});
/** A change: fields left out stay; `clientSecret` left out keeps the stored one, null removes it. */
export const IdentityProviderUpdate = IdentityProviderCreate.partial();

/** A provider as administrators see it: the secret only as set or not set. */
export const IdentityProvider = z.object({
  id,
  name: z.string(),
  preset: z.enum(SSO_PRESETS),
  issuer: z.string(),
  clientId: z.string(),
  clientSecretSet: z.boolean(),
  scopes: z.string(),
  claimSubject: z.string(),
  claimEmail: z.string(),
  claimEmailVerified: z.string().nullable(),
  claimName: z.string(),
  claimRole: z.string().nullable(),
  roleMap: z.record(z.string(), z.enum(SSO_MAPPED_KINDS)),
  useUserinfo: z.boolean(),
  createUsers: z.boolean(),
  createInstitutionId: id.nullable(),
  createRole: z.enum(SSO_CREATE_ROLES),
  enabled: z.boolean(),
  linkedPeople: z.number().int(),
  updatedAt: timestamp,
});
/** Every provider, and the redirect URI to register at each (PUBLIC_URL + the callback path). */
export const IdentityProviderList = z.object({
  items: z.array(IdentityProvider),
  redirectUri: z.string(),
  postLogoutRedirectUri: z.string(),
});

/** The sign-in page's buttons: enabled providers, names only. */
export const PublicProviderList = z.object({
  items: z.array(z.object({ id, name: z.string() })),
});

export const OidcStartParams = z.strictObject({ id });
export const OidcStartQuery = z.strictObject({ return_to: z.string().max(500).optional() });
/** What the provider sends back (success: code, state, iss; failure: error, error_description, state). */
export const OidcCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  iss: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
  session_state: z.string().max(500).optional(),
});

/** Signing out: where to send the browser next when the session came from a provider that ends its own too. */
export const LogoutAnswer = z.object({ ok: z.literal(true), endSessionUrl: z.string().nullable() });

/** A redirect (no body): the browser goes on to `Location` (the provider, or back into the app). */
export const Redirect = z.null().meta({
  type: 'null',
  description: 'Redirect (no body).',
  headers: { Location: { type: 'string', description: 'Where the browser goes next.' } },
});
