import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import { institutions, roleGrants, users } from '../../../db/schema.js';
import { identityLinks, identityProviders, oidcFlows, ssoSessions } from '../../../db/sso-schema.js';

export type ProviderRow = typeof identityProviders.$inferSelect;
export type ProviderValues = Omit<typeof identityProviders.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function listProviders(db: DbOrTx) {
  return db
    .select({
      provider: identityProviders,
      linkedPeople: sql<number>`(select count(*)::int from ${identityLinks} l where l.provider_id = ${identityProviders.id})`,
    })
    .from(identityProviders)
    .orderBy(identityProviders.name, identityProviders.id);
}

export async function listEnabledProviders(db: DbOrTx) {
  return db
    .select({ id: identityProviders.id, name: identityProviders.name })
    .from(identityProviders)
    .where(eq(identityProviders.enabled, true))
    .orderBy(identityProviders.name, identityProviders.id);
}

export async function findProvider(db: DbOrTx, id: string) {
  const [p] = await db.select().from(identityProviders).where(eq(identityProviders.id, id));
  return p;
}

export async function insertProvider(db: DbOrTx, values: ProviderValues) {
  const [p] = await db.insert(identityProviders).values(values).returning();
  return p;
}

export async function updateProvider(db: DbOrTx, id: string, values: Partial<ProviderValues>) {
  const [p] = await db
    .update(identityProviders)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(identityProviders.id, id))
    .returning();
  return p;
}

export async function deleteProvider(db: DbOrTx, id: string) {
  const rows = await db
    .delete(identityProviders)
    .where(eq(identityProviders.id, id))
    .returning({ id: identityProviders.id });
  return rows.length === 1;
}

export async function countLinks(db: DbOrTx, providerId: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(identityLinks)
    .where(eq(identityLinks.providerId, providerId));
  return r?.n ?? 0;
}

/** A sign-in under way; expired ones (anyone's) are cleared on the way. */
export async function insertFlow(db: DbOrTx, flow: typeof oidcFlows.$inferInsert) {
  await db.delete(oidcFlows).where(lt(oidcFlows.expiresAt, new Date()));
  await db.insert(oidcFlows).values(flow);
}

/** Takes a sign-in's state once: the row is deleted as it is read, so a second callback with it finds nothing. */
export async function consumeFlow(db: DbOrTx, id: string) {
  const [f] = await db
    .delete(oidcFlows)
    .where(and(eq(oidcFlows.id, id), gt(oidcFlows.expiresAt, new Date())))
    .returning();
  return f;
}

export async function findLink(db: DbOrTx, providerId: string, subject: string) {
  const [l] = await db
    .select()
    .from(identityLinks)
    .where(and(eq(identityLinks.providerId, providerId), eq(identityLinks.subject, subject)));
  return l;
}

export async function findLinkOfUser(db: DbOrTx, providerId: string, userId: string) {
  const [l] = await db
    .select()
    .from(identityLinks)
    .where(and(eq(identityLinks.providerId, providerId), eq(identityLinks.userId, userId)));
  return l;
}

/** Links a subject to a person; false when the subject or the person is already linked at this provider. */
export async function insertLink(db: DbOrTx, providerId: string, subject: string, userId: string) {
  const rows = await db
    .insert(identityLinks)
    .values({ providerId, subject, userId, lastSignInAt: new Date() })
    .onConflictDoNothing()
    .returning({ id: identityLinks.id });
  return rows.length === 1;
}

export async function touchLink(db: DbOrTx, id: string) {
  await db.update(identityLinks).set({ lastSignInAt: new Date() }).where(eq(identityLinks.id, id));
}

export async function findUser(db: DbOrTx, id: string) {
  const [u] = await db
    .select({ id: users.id, status: users.status, email: users.email })
    .from(users)
    .where(eq(users.id, id));
  return u;
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [u] = await db
    .select({ id: users.id, status: users.status, email: users.email })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return u;
}

/** A person made by a first sign-in: active (no password; they sign in through the provider) with one role. */
export async function createUser(
  db: DbOrTx,
  person: { email: string; name: string },
  institutionId: string,
  role: 'medarbejder' | 'ressourceperson' | 'leder',
) {
  const [u] = await db
    .insert(users)
    .values({ email: person.email, name: person.name, status: 'active' })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!u) return undefined;
  await db.insert(roleGrants).values({ userId: u.id, role, institutionId });
  return u.id;
}

export async function insertSsoSession(db: DbOrTx, row: typeof ssoSessions.$inferInsert) {
  await db.insert(ssoSessions).values(row).onConflictDoNothing();
}

export async function findSsoSession(db: DbOrTx, sessionId: string) {
  const [s] = await db
    .select({ idToken: ssoSessions.idToken, provider: identityProviders })
    .from(ssoSessions)
    .innerJoin(identityProviders, eq(identityProviders.id, ssoSessions.providerId))
    .where(eq(ssoSessions.sessionId, sessionId));
  return s;
}

/** An invited person who signs in through a provider has an account in use from now on. */
export async function activateUser(db: DbOrTx, id: string) {
  await db
    .update(users)
    .set({ status: 'active' })
    .where(and(eq(users.id, id), eq(users.status, 'invited')));
}

export async function institutionExists(db: DbOrTx, id: string) {
  const [i] = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, id));
  return !!i;
}
