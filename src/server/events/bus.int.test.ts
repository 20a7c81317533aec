import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/index.js';
import { createTestDatabase } from '../testing/harness.js';
import { EventBus } from './bus.js';
import type { DomainEvent } from './types.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, ms = 2_000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(10);
  return check();
}

/* The domain-event bus: delivery after commit (never on rollback), and on PostgreSQL between processes. */
let database: Database;
let drop: () => Promise<void>;
let url: string | undefined;
beforeAll(async () => {
  ({ database, drop, url } = await createTestDatabase());
  await database.db.execute(sql`create table bus_probe (n int)`);
});
afterAll(() => drop());

describe('event bus', () => {
  it('publishes what a transaction emitted once it committed, and nothing when it rolled back', async () => {
    const bus = new EventBus();
    await bus.connect(database);
    const seen: DomainEvent[] = [];
    bus.subscribe('video.access.changed', (e) => seen.push(e));
    await bus.transaction(database.db, async (tx, emit) => {
      await tx.execute(sql`insert into bus_probe values (1)`);
      emit({ type: 'video.access.changed', videoId: 'v1' });
      expect(seen).toEqual([]); // not before the commit
    });
    expect(seen).toEqual([{ type: 'video.access.changed', videoId: 'v1' }]);

    await expect(
      bus.transaction(database.db, async (tx, emit) => {
        await tx.execute(sql`insert into bus_probe values (2)`);
        emit({ type: 'video.access.changed', videoId: 'v2' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await sleep(100);
    expect(seen.map((e) => 'videoId' in e && e.videoId)).toEqual(['v1']);
    const rows = await database.executeSql('select n from bus_probe order by n');
    expect(rows.rows).toEqual([{ n: 1 }]);
    await bus.close();
  });

  it('delivers to every subscriber of the type even when one throws, and to no other type', async () => {
    const bus = new EventBus();
    const got: string[] = [];
    bus.subscribe('person.changed', () => {
      throw new Error('broken subscriber');
    });
    bus.subscribe('person.changed', (e) => got.push(e.userId));
    bus.subscribe('session.revoked', (e) => got.push(`session ${e.sessionId}`));
    bus.publish({ type: 'person.changed', userId: 'u1' });
    expect(got).toEqual(['u1']);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)(
  'between processes (PostgreSQL only: PGlite is one process per data dir, where delivery inside it is all)',
  () => {
    let other: Database;
    let a: EventBus;
    let b: EventBus;
    beforeAll(async () => {
      other = await openDatabase({ url }); // a pool of its own, as another process has
      a = new EventBus();
      b = new EventBus();
      await a.connect(database);
      await b.connect(other);
    });
    afterAll(async () => {
      await a.close();
      await b.close();
      await other.close();
    });

    it('reaches the other process within a second, and the publisher once (at once, not again by NOTIFY)', async () => {
      const inA: string[] = [];
      const inB: string[] = [];
      a.subscribe('sessions.revoked', (e) => inA.push(e.userId));
      b.subscribe('sessions.revoked', (e) => inB.push(e.userId));
      const started = Date.now();
      a.publish({ type: 'sessions.revoked', userId: 'u-across' });
      expect(inA).toEqual(['u-across']);
      expect(await until(() => inB.length > 0, 1_000)).toBe(true);
      expect(Date.now() - started).toBeLessThan(1_000);
      await sleep(200);
      expect([inA, inB]).toEqual([['u-across'], ['u-across']]);
    });

    it('drops the caches when its LISTEN connection is lost, reconnects and drops them again, then hears again', async () => {
      let resets = 0;
      b.onReset(() => resets++);
      const connects = b.connects;
      const pid = b.listenerPid;
      expect(pid).toBeTypeOf('number');
      await database.executeSql('select pg_terminate_backend($1)', [pid]);
      expect(await until(() => resets >= 1)).toBe(true);
      expect(await until(() => b.connects > connects && resets >= 2, 5_000)).toBe(true);
      expect(b.listenerPid).not.toBe(pid);
      const inB: string[] = [];
      b.subscribe('directory.changed', () => inB.push('directory'));
      a.publish({ type: 'directory.changed' });
      expect(await until(() => inB.length === 1, 1_000)).toBe(true);
    });
  },
);
