import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { SSO_CREATE_ROLES } from '../../shared/sso.js';
import { at, id, inList, institutions, sessions, userRef } from './schema.js';

/*
 * Single sign-on over OpenID Connect (issue 20 part 1, I2): the identity providers an administrator set up, who
 * is linked to which subject at them, the one-time state of sign-ins under way, and which sessions came from one.
 */

/** An identity provider people may sign in with. The client secret is AES-GCM encrypted (crypto.ts 'idp-secret'). */
export const identityProviders = pgTable(
  'identity_providers',
  {
    id: id(),
    /** Shown on the sign-in button: "Log ind med <name>". */
    name: text('name').notNull(),
    /** Which preset filled the form (uni_login, entra, google, generic): decides nothing but the form's hints. */
    preset: text('preset').notNull().default('generic'),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    /** base64url(iv ‖ tag ‖ ciphertext) of the client secret; null when none is set (a public client). */
    clientSecretEnc: text('client_secret_enc'),
    scopes: text('scopes').notNull().default('openid email profile'),
    claimSubject: text('claim_subject').notNull().default('sub'),
    claimEmail: text('claim_email').notNull().default('email'),
    /** The claim that says the e-mail is verified; null: the provider only hands out e-mails it verified. */
    claimEmailVerified: text('claim_email_verified').default('email_verified'),
    claimName: text('claim_name').notNull().default('name'),
    /** The claim naming the person's kind (UNI-Login: aktoer_gruppe); null: everyone is staff. */
    claimRole: text('claim_role'),
    /** The role claim's values: each an Amongi role for staff, or 'pupil' (refused). Others are refused too. */
    roleMap: jsonb('role_map').$type<Record<string, string>>().notNull().default({}),
    /** Read the userinfo endpoint as well (claims the ID token does not carry). */
    useUserinfo: boolean('use_userinfo').notNull().default(false),
    /** May a first sign-in without a match create the person, in this institution with the mapped role? */
    createUsers: boolean('create_users').notNull().default(false),
    createInstitutionId: uuid('create_institution_id').references(() => institutions.id, {
      onDelete: 'set null',
    }),
    createRole: text('create_role').notNull().default('medarbejder'),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('identity_providers_institution_idx').on(t.createInstitutionId),
    check('identity_providers_create_role_check', inList('create_role', SSO_CREATE_ROLES)),
  ],
);

const providerRef = () =>
  uuid('provider_id')
    .notNull()
    .references(() => identityProviders.id, { onDelete: 'cascade' });

/** A person's account at a provider: provider + subject → person (one subject one person, one account a provider). */
export const identityLinks = pgTable(
  'identity_links',
  {
    id: id(),
    providerId: providerRef(),
    subject: text('subject').notNull(),
    userId: userRef(),
    createdAt: at('created_at').notNull().defaultNow(),
    lastSignInAt: at('last_sign_in_at'),
  },
  (t) => [
    uniqueIndex('identity_links_subject_key').on(t.providerId, t.subject),
    uniqueIndex('identity_links_user_key').on(t.providerId, t.userId),
    index('identity_links_user_idx').on(t.userId),
  ],
);

/**
 * A sign-in under way: state (its SHA-256 is the key), nonce and PKCE verifier, consumed once (DELETE … RETURNING)
 * by whichever process the callback reaches; expires after a few minutes.
 */
export const oidcFlows = pgTable(
  'oidc_flows',
  {
    id: text('id').primaryKey(),
    providerId: providerRef(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    returnTo: text('return_to').notNull().default('/'),
    expiresAt: at('expires_at').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('oidc_flows_provider_idx').on(t.providerId), index('oidc_flows_expires_idx').on(t.expiresAt)],
);

/** A session that came from a provider: its ID token is the hint for RP-initiated logout. */
export const ssoSessions = pgTable(
  'sso_sessions',
  {
    sessionId: text('session_id')
      .primaryKey()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    providerId: providerRef(),
    idToken: text('id_token').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('sso_sessions_provider_idx').on(t.providerId),
    check('sso_sessions_token_check', sql`length(id_token) < 20000`),
  ],
);
