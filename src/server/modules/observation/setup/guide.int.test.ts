import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUIDE_MAX } from '../../../../shared/observation.js';
import { observationGuideReads } from '../../../db/observation-schema.js';
import { auditLog } from '../../../db/schema.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import type { VisitGuide } from '../types.js';
import { STARTER_GUIDE } from './starter.js';

/** O6: the visit guide, a leader's draft until published; who has read it. */

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let leder: TestClient;
let medarbejder: TestClient;
let sol: string;
let url: string;

const reads = async (userId: string) =>
  (
    await t.ctx.db
      .select({ n: count() })
      .from(observationGuideReads)
      .where(and(eq(observationGuideReads.institutionId, sol), eq(observationGuideReads.userId, userId)))
  )[0].n;

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  sol = ids.institution.Solsikkeskolen;
  url = `/api/v1/observation/institutions/${sol}/guide`;
  leder = await t.as('leder');
  medarbejder = await t.as('medarbejder');
});
afterAll(() => t.close());

describe('visit guide', () => {
  it('is empty before anyone wrote one', async () => {
    const empty = {
      institutionId: sol,
      body: '',
      publishedAt: null,
      updatedAt: null,
      updatedBy: null,
      read: false,
    };
    expect((await leder.get(url)).json()).toEqual(empty);
    expect((await medarbejder.get(url)).json()).toEqual(empty);
    expect(err(await medarbejder.post(`${url}/read`))).toEqual([409, 'observation.guide_not_published']);
  });

  it('keeps a draft from staff and the kommune until it is published', async () => {
    const res = await leder.put(url, { body: `  ${STARTER_GUIDE}\n\n`, publish: false });
    expect(res.statusCode).toBe(200);
    const draft = res.json() as VisitGuide;
    expect(draft.body).toBe(STARTER_GUIDE);
    expect(draft.publishedAt).toBeNull();
    expect(draft.updatedBy).toEqual({ id: ids.user.leder, name: 'Lene Dalgaard' });
    expect(((await leder.get(url)).json() as VisitGuide).body).toBe(STARTER_GUIDE);
    for (const who of ['medarbejder', 'ressourceperson', 'forvaltning', 'administrator']) {
      const seen = (await (await t.as(who)).get(url)).json() as VisitGuide;
      expect(seen.body, who).toBe('');
      expect(seen.updatedBy, who).toBeNull();
    }
    expect(err(await medarbejder.post(`${url}/read`))).toEqual([409, 'observation.guide_not_published']);
  });

  it('shows the published guide to everyone who sees the institution; markup stays text', async () => {
    const body = `${STARTER_GUIDE}\n\n<script>alert('hej')</script> & <b>fed</b>`;
    const res = await leder.put(url, { body, publish: true });
    const published = res.json() as VisitGuide;
    expect(published.publishedAt).not.toBeNull();
    for (const who of ['medarbejder', 'forvaltning', 'administrator']) {
      const seen = (await (await t.as(who)).get(url)).json() as VisitGuide;
      expect(seen.body, who).toBe(body);
      expect(seen.publishedAt, who).toBe(published.publishedAt);
      expect(seen.read, who).toBe(false);
    }
    const logged = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'observation.guide.save'), eq(auditLog.subjectId, sol)));
    expect(logged).toHaveLength(2);
  });

  it('records that a person read it, once however often they confirm', async () => {
    expect((await medarbejder.post(`${url}/read`)).statusCode).toBe(204);
    expect((await medarbejder.post(`${url}/read`)).statusCode).toBe(204);
    expect(await reads(ids.user.medarbejder)).toBe(1);
    expect(((await medarbejder.get(url)).json() as VisitGuide).read).toBe(true);
    // Someone else's reading is their own.
    expect(((await leder.get(url)).json() as VisitGuide).read).toBe(false);
    expect(await reads(ids.user.leder)).toBe(0);
  });

  it('keeps the reading when the same text is saved again, and asks again when it changed', async () => {
    const current = (await leder.get(url)).json() as VisitGuide;
    const same = (await leder.put(url, { body: current.body, publish: true })).json() as VisitGuide;
    expect(same.publishedAt).toBe(current.publishedAt);
    expect(((await medarbejder.get(url)).json() as VisitGuide).read).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    const changed = (await leder.put(url, { body: `${current.body}\n\nNyt afsnit.`, publish: true })).json();
    expect(changed.publishedAt).not.toBe(current.publishedAt);
    expect(((await medarbejder.get(url)).json() as VisitGuide).read).toBe(false);
    // Reading another institution's guide does not count here.
    await t.ctx.db
      .insert(observationGuideReads)
      .values({ institutionId: ids.institution['Børnehuset Mælkebøtten'], userId: ids.user.medarbejder });
    expect(((await medarbejder.get(url)).json() as VisitGuide).read).toBe(false);
  });

  it('hides the guide again when the leader takes it back to a draft', async () => {
    await leder.put(url, { body: 'Kladde igen', publish: false });
    const seen = (await medarbejder.get(url)).json() as VisitGuide;
    expect(seen).toMatchObject({ body: '', publishedAt: null, read: false });
    expect(err(await medarbejder.post(`${url}/read`))).toEqual([409, 'observation.guide_not_published']);
    expect(((await leder.get(url)).json() as VisitGuide).body).toBe('Kladde igen');
  });

  it('lets only the institution’s leader write it', async () => {
    const body = { body: 'Overtaget', publish: true };
    for (const who of ['medarbejder', 'ressourceperson', 'forvaltning', 'administrator'])
      expect(err(await (await t.as(who)).put(url, body)), who).toEqual([403, 'policy.forbidden']);
    for (const who of ['leder2', 'redaktoer']) {
      const c = await t.as(who);
      expect(err(await c.put(url, body)), who).toEqual([404, 'institution.not_found']);
      expect(err(await c.get(url)), who).toEqual([404, 'institution.not_found']);
      expect(err(await c.post(`${url}/read`)), who).toEqual([404, 'institution.not_found']);
    }
    expect(err(await t.client().get(url))[0]).toBe(401);
    expect(((await leder.get(url)).json() as VisitGuide).body).toBe('Kladde igen');
  });

  it('refuses a body over the limit or without publish', async () => {
    expect(err(await leder.put(url, { body: 'x'.repeat(GUIDE_MAX + 1), publish: false }))).toEqual([
      400,
      'request.invalid',
    ]);
    expect(err(await leder.put(url, { body: 'x' }))).toEqual([400, 'request.invalid']);
  });
});
