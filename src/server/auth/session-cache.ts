import type { z } from 'zod';
import type { PersonDetail } from '../../shared/contracts/people.js';
import type { Actor } from '../policy/index.js';

/**
 * The signed-in person as /me shows them: roles with place names, and teams. Loaded by the people module
 * (app.ts hands its loader to installSession); defined here, by its contract, so that neither this file nor
 * session.ts imports a module.
 */
export type SessionUser = z.output<typeof PersonDetail>;

export type CachedSession = {
  user: SessionUser;
  actor: Actor;
  expiresAt: number;
  lastSeenAt: number;
  cachedAt: number;
  /** PostgreSQL: the session's stamp when it was loaded (auth/session.ts `sessionStamp`). */
  stamp?: string;
};

/**
 * Sessions read on every request, kept in memory for a few seconds. Every process forgets an entry on the
 * events `session.revoked`, `sessions.revoked`, `person.changed` and `directory.renamed` (context.ts), which on
 * PostgreSQL reach the other processes through NOTIFY; there each hit is also checked against the database
 * (auth/session.ts `sessionStamp`), so a revoked session or a removed role is refused everywhere at once.
 * `ttlMs` bounds how long a name change can show elsewhere if an event is lost.
 */
export class SessionCache {
  private entries = new Map<string, CachedSession>();
  constructor(
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 20_000,
  ) {}

  get(id: string, now = Date.now()): CachedSession | undefined {
    const e = this.entries.get(id);
    if (e && now - e.cachedAt < this.ttlMs) return e;
    if (e) this.entries.delete(id);
    return undefined;
  }

  set(id: string, entry: CachedSession) {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(id, entry);
  }

  forget(id: string) {
    this.entries.delete(id);
  }

  /** Forgets everything: after a change that shows in many people's data (e.g. an institution renamed). */
  clear() {
    this.entries.clear();
  }

  /** Forgets every cached session of the person (after revocation, disabling, or a change of roles). */
  forgetUser(userId: string) {
    for (const [id, e] of this.entries) if (e.user.id === userId) this.entries.delete(id);
  }
}
