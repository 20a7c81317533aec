import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import { type Database, openDatabase } from '../../../db/index.js';
import { demoIds } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { openStream, stateOf } from './live.testing.js';

const url = process.env.TEST_DATABASE_URL;

/*
 * Meeting mode on two app processes over one PostgreSQL database (as cross-process.int.test.ts): a phone posts to
 * A, the shared screen listens on B. The change reaches B through the domain events' LISTEN/NOTIFY.
 */
describe.skipIf(!url)('meeting live streams across processes (PostgreSQL only)', () => {
  let t: TestApp;
  let dbB: Database;
  let appB: FastifyInstance;
  let baseB: string;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let mette: TestClient;
  let rasmus: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    const bUrl = new URL(url as string);
    const current = await t.database.executeSql('select current_database() as d');
    bUrl.pathname = `/${(current.rows[0] as { d: string }).d}`;
    dbB = await openDatabase({ url: bUrl.toString() });
    ({ app: appB } = await buildApp({
      config: t.ctx.config,
      database: dbB,
      secret: t.ctx.secret,
      logger: false,
    }));
    await appB.listen({ port: 0, host: '127.0.0.1' });
    baseB = `http://127.0.0.1:${(appB.server.address() as AddressInfo).port}`;
    ids = await demoIds(t.database.db);
    mette = await t.as('medarbejder');
    rasmus = await t.as('ressourceperson');
  }, 60_000);
  afterAll(async () => {
    await appB?.close();
    await dbB?.close();
    await t?.close();
  });

  it('a contribution posted to A appears on a stream from B within a second; a removal in A closes it', async () => {
    const team = ids.team.Matematikteamet;
    const m = (
      await mette.post(`/api/v1/teams/${team}/meetings`, {
        title: 'Tværproces',
        startsAt: '2026-12-10T13:00:00+01:00',
        facilitatorId: ids.user.medarbejder,
      })
    ).json();
    const r = (
      await mette.post(`/api/v1/meetings/${m.id}/rounds`, {
        prompt: 'Runde',
        speakerIds: [ids.user.medarbejder],
      })
    ).json().rounds[0];
    const s = openStream(baseB, rasmus, m.id);
    await s.next((e) => e.event === 'state', 3000, 0);
    const sent = Date.now();
    const posted = await mette.post(`/api/v1/rounds/${r.id}/contributions`, {
      body: 'Fra A',
      clientKey: 'cross-key-01',
    });
    expect(posted.statusCode).toBe(201);
    await s.next(
      (e) => e.event === 'state' && stateOf(e).rounds[0].contributions.some((c) => c.body === 'Fra A'),
      1000,
    );
    expect(Date.now() - sent).toBeLessThan(1000);

    const admin = await t.as('administrator');
    expect((await admin.delete(`/api/v1/teams/${team}/members/${ids.user.ressourceperson}`)).statusCode).toBe(
      200,
    );
    const closed = await s.next((e) => e.event === 'closed', 1000);
    expect(JSON.parse(closed.data).reason).toBe('access');
    await s.ended;
    expect((await admin.put(`/api/v1/teams/${team}/members/${ids.user.ressourceperson}`)).statusCode).toBe(
      200,
    );
  });
});
