/*
 * The auth module's front door (issue 14): sign-in, password links and the sessions page. Sessions themselves
 * (cookie, cache, CSRF) are infrastructure in src/server/auth. Everything else in this folder is internal.
 */

export { createIdentityProviderService } from './oidc/providers.js';
export { oidcRoutes } from './oidc/routes.js';
export { createOidcSignIn } from './oidc/signin.js';
export { findUserByEmail, findUserById } from './repo.js';
export { authRoutes } from './routes.js';
export { type AuthService, createAuthLink, createAuthService, INVITATION_DAYS } from './service.js';
