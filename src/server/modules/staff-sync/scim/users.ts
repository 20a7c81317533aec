import { INSTITUTION_ROLES, type InstitutionRole } from '../../../../shared/constants.js';
import { email as emailSchema } from '../../../../shared/contracts/common.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { isUniqueViolation } from '../../../db/rows.js';
import type { DomainEvent } from '../../../events/types.js';
import { findUserByEmail } from '../../auth/index.js';
import { clean, insertInstitutionGrants, insertUsers } from '../../import/index.js';
import { deactivate, ownedBySource, reactivate, type Scope, scopeOfSource } from '../apply.js';
import * as repo from '../repo.js';
import { type Filter, ScimError } from './filter.js';
import { SCHEMA } from './resources.js';

/** SCIM Users for one source (RFC 7644 §3): only the people the source manages, only inside its scope. */

type Managed = Awaited<ReturnType<typeof repo.managedPeople>>[number];
type Desired = { userName: string; name: string; externalId: string | null; active: boolean };

function userResource(base: string, m: Managed) {
  return {
    schemas: [SCHEMA.user],
    id: m.userId,
    externalId: m.externalId ?? undefined,
    userName: m.email,
    displayName: m.name,
    name: { formatted: m.name },
    emails: [{ value: m.email, type: 'work', primary: true }],
    active: !m.deactivatedBySource && m.status !== 'disabled',
    meta: { resourceType: 'User', location: `${base}/Users/${m.userId}` },
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Reads a SCIM User body into what we store. */
function readUser(body: unknown, before?: Desired): Desired {
  if (!body || typeof body !== 'object')
    throw new ScimError(400, 'Brødteksten skal være et JSON-objekt.', 'invalidSyntax');
  const b = body as Record<string, unknown>;
  const emails = Array.isArray(b.emails) ? (b.emails as Record<string, unknown>[]) : [];
  const primary = emails.find((e) => e?.primary === true) ?? emails[0];
  const userName = clean(str(b.userName) ?? str(primary?.value) ?? before?.userName ?? '');
  if (!emailSchema.safeParse(userName).success)
    throw new ScimError(400, 'userName skal være en e-mailadresse.', 'invalidValue');
  const n = (b.name ?? {}) as Record<string, unknown>;
  const name = clean(
    str(n.formatted) ??
      ([str(n.givenName), str(n.familyName)].filter(Boolean).join(' ') || undefined) ??
      str(b.displayName) ??
      before?.name ??
      '',
  );
  if (!name || name.length > 200)
    throw new ScimError(400, 'Navnet mangler eller er for langt.', 'invalidValue');
  const active = b.active === undefined ? (before?.active ?? true) : b.active === true || b.active === 'true';
  const externalId = b.externalId === undefined ? (before?.externalId ?? null) : (str(b.externalId) ?? null);
  if (externalId !== null && externalId.length > 200)
    throw new ScimError(400, 'externalId er for lang.', 'invalidValue');
  return { userName, name, externalId, active };
}

/** Applies a PatchOp (RFC 7644 §3.5.2) to the user's current values. */
function patchUser(before: Desired, body: unknown): Desired {
  const ops = (body as { Operations?: unknown })?.Operations;
  if (!Array.isArray(ops)) throw new ScimError(400, 'Operations mangler.', 'invalidSyntax');
  const next: Record<string, unknown> = {
    userName: before.userName,
    name: { formatted: before.name },
    externalId: before.externalId,
    active: before.active,
  };
  for (const op of ops as Record<string, unknown>[]) {
    const kind = String(op?.op ?? '').toLowerCase();
    if (!['add', 'replace', 'remove'].includes(kind)) throw new ScimError(400, 'Ukendt op.', 'invalidSyntax');
    const path = str(op.path)?.replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/i, '');
    const values: Record<string, unknown> =
      path === undefined ? ((op.value ?? {}) as Record<string, unknown>) : { [path]: op.value };
    for (const [key, value] of Object.entries(values)) {
      const k = key.toLowerCase();
      if (k === 'active')
        next.active = kind === 'remove' ? false : value === true || value === 'true' || value === 'True';
      else if (k === 'username') next.userName = value;
      else if (k === 'externalid') next.externalId = kind === 'remove' ? null : value;
      else if (k === 'displayname' || k === 'name.formatted') next.name = { formatted: value };
      else if (k === 'name') next.name = value;
      else if (k === 'name.givenname' || k === 'name.familyname') {
        const parts = before.name.split(' ');
        const given = k === 'name.givenname' ? String(value) : parts[0];
        const family = k === 'name.familyname' ? String(value) : parts.slice(1).join(' ');
        next.name = { formatted: `${given} ${family}`.trim() };
      } else if (k === 'emails' || k.startsWith('emails[')) {
        const list = Array.isArray(value) ? value : [value];
        const v = list.find((e) => e && typeof e === 'object') as Record<string, unknown> | undefined;
        if (str(v?.value)) next.userName = v?.value;
      } else throw new ScimError(400, `Attributten ${key} kan ikke ændres.`, 'invalidPath');
    }
  }
  return readUser(next, before);
}

export function createScimUsers(ctx: AppContext) {
  const { db } = ctx;

  async function loadOne(sourceId: string, id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ScimError(404, 'Brugeren findes ikke.');
    const m = await repo.managedPerson(db, sourceId, id);
    if (!m) throw new ScimError(404, 'Brugeren findes ikke.');
    return m;
  }
  const desiredOf = (m: Managed): Desired => ({
    userName: m.email,
    name: m.name,
    externalId: m.externalId,
    active: !m.deactivatedBySource && m.status !== 'disabled',
  });

  /** Writes the desired state of a managed person: name/e-mail (people who are the source's alone), active. */
  async function write(
    tx: DbOrTx,
    source: repo.SourceRow,
    scope: Scope,
    m: Managed,
    want: Desired,
  ): Promise<DomainEvent[]> {
    const ref = { id: source.id, name: source.name };
    const events: DomainEvent[] = [];
    const had = desiredOf(m);
    const owned = (await ownedBySource(tx, scope, [m.userId])).has(m.userId);
    const rename = want.name !== m.name ? want.name : undefined;
    const reEmail = want.userName.toLowerCase() !== m.email.toLowerCase() ? want.userName : undefined;
    if ((rename || reEmail) && owned) {
      await repo.updateUser(tx, m.userId, { name: rename, email: reEmail });
      events.push({ type: 'person.changed', userId: m.userId });
    } else if (reEmail)
      throw new ScimError(409, 'Personen arbejder også andre steder; e-mail ændres ikke.', 'mutability');
    if (want.externalId !== m.externalId) await repo.setExternalId(tx, source.id, m.userId, want.externalId);
    if (had.active && !want.active) events.push(...(await deactivate(ctx, tx, ref, scope, [m.userId])));
    if (!had.active && want.active) {
      await repo.upsertManaged(tx, source.id, [{ userId: m.userId }]);
      if (m.status === 'disabled') events.push(...(await reactivate(tx, ref, [m.userId])));
      await ensureGrant(tx, source, m.userId);
    }
    if (rename || reEmail || want.externalId !== m.externalId)
      await repo.insertAuditEntries(tx, [
        {
          action: 'staff_sync.update',
          subjectType: 'person',
          subjectId: m.userId,
          details: { source: source.id, sourceName: source.name, via: 'scim', name: rename, email: reEmail },
        },
      ]);
    return events;
  }

  async function ensureGrant(
    tx: DbOrTx,
    source: repo.SourceRow,
    userId: string,
    role: InstitutionRole = 'medarbejder',
  ) {
    if (!source.defaultInstitutionId) return;
    const grants = await repo.grantsOfUsers(tx, [userId]);
    if (!grants.some((g) => g.institutionId === source.defaultInstitutionId))
      await insertInstitutionGrants(tx, [{ userId, role, institutionId: source.defaultInstitutionId }]);
  }

  async function commit<T>(fn: (tx: DbOrTx) => Promise<{ events: DomainEvent[]; value: T }>) {
    try {
      const { events, value } = await db.transaction(fn);
      for (const e of events) ctx.events.publish(e);
      return value;
    } catch (err) {
      if (isUniqueViolation(err))
        throw new ScimError(409, 'E-mailadressen eller externalId bruges allerede.', 'uniqueness');
      throw err;
    }
  }

  return {
    async list(base: string, source: repo.SourceRow, f: Filter, startIndex: number, count: number) {
      const where: repo.ManagedWhere = !f
        ? {}
        : f.attribute === 'externalid'
          ? { externalId: f.value }
          : f.attribute === 'id'
            ? /^[0-9a-f-]{36}$/i.test(f.value)
              ? { userId: f.value }
              : { externalId: '\u0000none' }
            : { email: f.value };
      const { items, total } = await repo.managedPage(db, source.id, where, startIndex - 1, count);
      return { items: items.map((m) => userResource(base, m)), total };
    },

    async get(base: string, source: repo.SourceRow, id: string) {
      return userResource(base, await loadOne(source.id, id));
    },

    async create(base: string, source: repo.SourceRow, body: unknown) {
      const want = readUser(body);
      const roles = Array.isArray((body as { roles?: unknown }).roles)
        ? (body as { roles: { value?: string }[] }).roles
        : [];
      const role = INSTITUTION_ROLES.find((r) => r === roles[0]?.value?.toLowerCase()) ?? 'medarbejder';
      const id = await commit(async (tx) => {
        const { scope } = await scopeOfSource(tx, source);
        const existing = await findUserByEmail(tx, want.userName);
        let userId: string;
        if (existing) {
          const mine = (await repo.managedAmong(tx, source.id, [existing.id])).has(existing.id);
          const owned = (await ownedBySource(tx, scope, [existing.id])).has(existing.id);
          if (mine || !owned) throw new ScimError(409, 'Brugeren findes allerede.', 'uniqueness');
          userId = existing.id;
        } else {
          [{ id: userId }] = await insertUsers(tx, [{ email: want.userName, name: want.name }]);
        }
        await ensureGrant(tx, source, userId, role);
        await repo.upsertManaged(tx, source.id, [{ userId, externalId: want.externalId }]);
        await repo.insertAuditEntries(tx, [
          {
            action: existing ? 'staff_sync.update' : 'staff_sync.create',
            subjectType: 'person',
            subjectId: userId,
            details: {
              source: source.id,
              sourceName: source.name,
              via: 'scim',
              institutionId: source.defaultInstitutionId,
              role,
            },
          },
        ]);
        const events: DomainEvent[] = [{ type: 'person.changed', userId }];
        if (!want.active)
          events.push(...(await deactivate(ctx, tx, { id: source.id, name: source.name }, scope, [userId])));
        return { events, value: userId };
      });
      return userResource(base, await loadOne(source.id, id));
    },

    async replace(base: string, source: repo.SourceRow, id: string, body: unknown, patch: boolean) {
      const m = await loadOne(source.id, id);
      const want = patch ? patchUser(desiredOf(m), body) : readUser(body, desiredOf(m));
      await commit(async (tx) => {
        const { scope } = await scopeOfSource(tx, source);
        return { events: await write(tx, source, scope, m, want), value: null };
      });
      return userResource(base, await loadOne(source.id, id));
    },

    async remove(source: repo.SourceRow, id: string) {
      const m = await loadOne(source.id, id);
      await commit(async (tx) => {
        const { scope } = await scopeOfSource(tx, source);
        return { events: await write(tx, source, scope, m, { ...desiredOf(m), active: false }), value: null };
      });
    },
  };
}
