/*
 * Single sign-on over OpenID Connect (issue 20 part 1, I2): the presets an administrator starts from and the
 * fixed paths. A preset only fills the form; the administrator still enters the issuer's tenant, client id and
 * secret they registered at the provider.
 */

export const SSO_PRESETS = ['uni_login', 'entra', 'google', 'generic'] as const;
export type SsoPreset = (typeof SSO_PRESETS)[number];

/** What a value of the role claim means: an Amongi staff role, or a pupil (refused: Amongi is for staff). */
export const SSO_MAPPED_KINDS = ['medarbejder', 'ressourceperson', 'leder', 'pupil'] as const;
export type SsoMappedKind = (typeof SSO_MAPPED_KINDS)[number];
/** The roles a first sign-in may create a person with (institution roles only; never an administrator). */
export const SSO_CREATE_ROLES = ['medarbejder', 'ressourceperson', 'leder'] as const;

/** Where the provider sends the browser back: PUBLIC_URL + this (register it at the provider). */
export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';
/** The page that explains a refused or failed sign-in (`?kode=<error code>`). */
export const SSO_ERROR_PAGE = '/log-ind/fejl';

export type ProviderSettings = {
  name: string;
  issuer: string;
  scopes: string;
  claimSubject: string;
  claimEmail: string;
  claimEmailVerified: string | null;
  claimName: string;
  claimRole: string | null;
  roleMap: Record<string, SsoMappedKind>;
  useUserinfo: boolean;
};

/** The form's starting values per preset. `<...>` in an issuer is for the administrator to fill in. */
export const PRESET_SETTINGS: Record<SsoPreset, ProviderSettings> = {
  // UNI-Login's broker (STIL) over OIDC: the person's kind in aktoer_gruppe, their UNI-Login id in uniid.
  uni_login: {
    name: 'UNI-Login',
    issuer: 'https://broker.unilogin.dk/auth/realms/broker',
    scopes: 'openid',
    claimSubject: 'uniid',
    claimEmail: 'email',
    claimEmailVerified: 'email_verified',
    claimName: 'name',
    claimRole: 'aktoer_gruppe',
    roleMap: {
      Medarbejder: 'medarbejder',
      Lærer: 'medarbejder',
      Pædagog: 'medarbejder',
      Leder: 'leder',
      Elev: 'pupil',
    },
    useUserinfo: true,
  },
  // Microsoft Entra ID, one tenant: oid is the person's stable id in the tenant; xms_edov says the e-mail's
  // domain is verified by the tenant (an optional claim to switch on in the app registration).
  entra: {
    name: 'Microsoft',
    issuer: 'https://login.microsoftonline.com/<tenant-id>/v2.0',
    scopes: 'openid email profile',
    claimSubject: 'oid',
    claimEmail: 'email',
    claimEmailVerified: 'xms_edov',
    claimName: 'name',
    claimRole: null,
    roleMap: {},
    useUserinfo: false,
  },
  google: {
    name: 'Google',
    issuer: 'https://accounts.google.com',
    scopes: 'openid email profile',
    claimSubject: 'sub',
    claimEmail: 'email',
    claimEmailVerified: 'email_verified',
    claimName: 'name',
    claimRole: null,
    roleMap: {},
    useUserinfo: false,
  },
  generic: {
    name: '',
    issuer: 'https://',
    scopes: 'openid email profile',
    claimSubject: 'sub',
    claimEmail: 'email',
    claimEmailVerified: 'email_verified',
    claimName: 'name',
    claimRole: null,
    roleMap: {},
    useUserinfo: false,
  },
};

/** True for a host name that is this machine (an issuer over plain http is allowed only there, for tests). */
export const isLoopbackHost = (host: string) =>
  host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);

/** A same-origin relative path to return to after sign-in (never another site: '//x', '/\\x', 'http:…'). */
export function safeReturnPath(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  const control = [...value].some((ch) => ch.charCodeAt(0) < 32 || ch === '\\');
  if (value.length > 500 || control || value.startsWith('/log-ind')) return '/';
  return value;
}
