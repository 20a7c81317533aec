import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationPackages } from '../db/conversations-schema.js';
import type { Db } from '../db/index.js';
import { institutions } from '../db/schema.js';
import { AGREEMENT_ACTORS, actorFor, agreementWorld, sorted } from './agreement.testing.js';
import { type Actor, ANONYMOUS, seesConversation } from './index.js';
import { visibleConversations } from './sql-conversations.js';

/*
 * Lists of learning conversations filter with sql-conversations.visibleConversations; a single one is decided by
 * rules-conversations.seesConversation. For every actor and every package — a draft and a shared one for every
 * institution of every kommune — the two must agree.
 */
let db: Db;
let drop: () => Promise<void>;
let userId: Record<string, string> = {};

beforeAll(async () => {
  ({ db, drop, userId } = await agreementWorld({
    medarbejder: 'Bakkeskolen',
    ressourceperson: 'Klub Lynet',
  }));
  await db.delete(conversationPackages);
  const all = await db.select({ id: institutions.id, name: institutions.name }).from(institutions);
  const now = new Date();
  await db.insert(conversationPackages).values(
    all.flatMap((i) => [
      { institutionId: i.id, title: `${i.name} kladde` },
      { institutionId: i.id, title: `${i.name} delt`, state: 'shared' as const, snapshot: [], sharedAt: now },
    ]),
  );
});
afterAll(() => drop?.());

async function bothWays(actor: Actor) {
  const all = await db
    .select({
      id: conversationPackages.id,
      title: conversationPackages.title,
      state: conversationPackages.state,
      institutionId: conversationPackages.institutionId,
      kommuneId: institutions.kommuneId,
    })
    .from(conversationPackages)
    .innerJoin(institutions, eq(institutions.id, conversationPackages.institutionId));
  const pure = sorted(
    all.filter((x) => seesConversation(actor, { ...x, shared: x.state === 'shared' })).map((x) => x.id),
  );
  const viaSql = sorted(
    (
      await db
        .select({ id: conversationPackages.id })
        .from(conversationPackages)
        .where(visibleConversations(actor))
    ).map((r) => r.id),
  );
  const titles = sorted(all.filter((x) => viaSql.includes(x.id)).map((x) => x.title));
  return { pure, viaSql, titles };
}

describe('visibleConversations agrees with seesConversation', () => {
  it.each(AGREEMENT_ACTORS)('%s sees the same packages both ways', async (key) => {
    const { pure, viaSql } = await bothWays(await actorFor(db, userId[key]));
    expect(viaSql).toEqual(pure);
  });

  it('anonymous sees none, both ways', async () => {
    const { pure, viaSql } = await bothWays(ANONYMOUS);
    expect(pure).toEqual([]);
    expect(viaSql).toEqual([]);
  });

  it('the comparison is not vacuous: forvaltning its kommune’s, leaders their own shared ones, nobody else any', async () => {
    const forvaltning = (await bothWays(await actorFor(db, userId.forvaltning))).titles;
    expect(forvaltning).toContain('Solsikkeskolen kladde');
    expect(forvaltning).toContain('Børnehuset Mælkebøtten delt');
    expect(forvaltning.some((t) => t.startsWith('Bakkeskolen'))).toBe(false);
    expect((await bothWays(await actorFor(db, userId.leder))).titles).toEqual(['Solsikkeskolen delt']);
    for (const key of ['administrator', 'redaktoer', 'ressourceperson', 'medarbejder', 'cross', 'nobody'])
      expect([key, (await bothWays(await actorFor(db, userId[key]))).titles]).toEqual([key, []]);
  });
});
