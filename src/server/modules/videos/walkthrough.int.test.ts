import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.js';
import { videos } from '../../db/videos-schema.js';
import { insertVideo, termId } from '../../testing/catalogue.js';
import { demoIds, err } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { tusUpload } from '../../testing/upload.js';
import { makeTinyVideo } from '../../testing/videos.js';

// The walk-through after an upload ("Gør videoen klar", issue 15) and what the editors' "Udgiv" is told.

let t: TestApp;
let base: string;
let dir: string;
let ids: Awaited<ReturnType<typeof demoIds>>;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-walkthrough-'));
  ids = await demoIds(t.database.db);
  for (const r of ['medarbejder', 'ressourceperson', 'leder', 'administrator', 'redaktoer'])
    as[r] = await t.as(r);
}, 60_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const mine = (spec: Partial<Parameters<typeof insertVideo>[1]> = {}) =>
  insertVideo(t.database.db, {
    ownerId: ids.user.medarbejder,
    institutionId: ids.institution.Solsikkeskolen,
    ...spec,
  });
const setupOf = async (id: string) =>
  (await t.database.db.select({ s: videos.setupState }).from(videos).where(eq(videos.id, id)))[0].s;

describe('the walk-through after an upload', () => {
  it('a new upload opens it for the owner; finishing and dismissing are remembered on the server', async () => {
    const file = await makeTinyVideo(dir);
    const { videoId } = await tusUpload(base, as.medarbejder, file, {
      metadata: { filename: 'IMG_2041.mp4', title: '' },
    });
    const v = (await as.medarbejder.get(`/api/v1/videos/${videoId}`)).json();
    // No title given: the file name stands in until the walk-through asks for a real one.
    expect(v).toMatchObject({ setup: 'open', title: 'IMG_2041', originalFilename: 'IMG_2041.mp4' });

    const finished = await as.medarbejder.put(`/api/v1/videos/${videoId}/setup`, { state: 'finished' });
    expect(finished.statusCode).toBe(200);
    expect(finished.json().setup).toBe('finished');
    expect(await setupOf(videoId)).toBe('finished');
    // Another session of the same person (another device) sees it finished.
    const other = await t.as('medarbejder');
    expect((await other.get(`/api/v1/videos/${videoId}`)).json().setup).toBe('finished');

    // Shown again on request, then dismissed; each change is in the audit log.
    expect((await other.put(`/api/v1/videos/${videoId}/setup`, { state: 'open' })).json().setup).toBe('open');
    expect(
      (await as.medarbejder.put(`/api/v1/videos/${videoId}/setup`, { state: 'dismissed' })).json().setup,
    ).toBe('dismissed');
    const logged = await t.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'video.setup'), eq(auditLog.subjectId, videoId)));
    expect(logged.map((l) => (l.details as { to: string }).to)).toEqual(['finished', 'open', 'dismissed']);
  }, 60_000);

  it('videos from before (the demo, imports) have none', async () => {
    const id = await mine();
    expect((await as.medarbejder.get(`/api/v1/videos/${id}`)).json().setup).toBeNull();
  });

  it('only the owner sees it or changes it, whoever else may watch the video', async () => {
    const id = await mine({ visibility: 'institution' });
    await t.database.db.update(videos).set({ setupState: 'open' }).where(eq(videos.id, id));
    for (const who of ['ressourceperson', 'leder']) {
      const seen = await as[who].get(`/api/v1/videos/${id}`);
      expect(seen.statusCode, who).toBe(200);
      expect(seen.json(), who).not.toHaveProperty('setup');
    }
    // A colleague who may watch it may not end the owner's walk-through: 403; one who may not see it: 404.
    expect(err(await as.ressourceperson.put(`/api/v1/videos/${id}/setup`, { state: 'finished' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    const hidden = await mine({ visibility: 'private' });
    expect(err(await as.administrator.put(`/api/v1/videos/${hidden}/setup`, { state: 'dismissed' }))[0]).toBe(
      404,
    );
    expect(await setupOf(id)).toBe('open');
    // Only the three states.
    expect((await as.medarbejder.put(`/api/v1/videos/${id}/setup`, { state: 'done' })).statusCode).toBe(400);
    expect((await as.medarbejder.put(`/api/v1/videos/${id}/setup`, {})).statusCode).toBe(400);
    expect(await setupOf(id)).toBe('open');
  });
});

describe('the editors are told why "Udgiv" would be refused', () => {
  it('consent missing, for less than public, metadata missing — each matches the refusal', async () => {
    const id = await mine({
      visibility: 'institution',
      editorialState: 'in_review',
      subject: 'Matematik',
      ageBand: 'kl4-6',
    });
    const blocked = async () =>
      (await as.redaktoer.get(`/api/v1/videos/${id}`)).json().catalogue.publishBlocked as string | null;
    const publish = () => as.redaktoer.post(`/api/v1/videos/${id}/catalogue/publish`);

    expect(await blocked()).toBe('consent_missing');
    expect(err(await publish())).toEqual([409, 'catalogue.consent_not_public']);

    await as.medarbejder.put(`/api/v1/videos/${id}/consent`, {
      pupilsAppear: true,
      consentLevel: 'kommune',
      collectedBy: 'Klasselæreren',
      collectedOn: '2026-08-20',
    });
    expect(await blocked()).toBe('consent_not_public');
    expect(err(await publish())[1]).toBe('catalogue.consent_not_public');

    // The owner is not an editor: they are not told (the field is for whoever presses "Udgiv").
    expect((await as.medarbejder.get(`/api/v1/videos/${id}`)).json().catalogue.publishBlocked).toBeNull();

    await as.medarbejder.put(`/api/v1/videos/${id}/consent`, { pupilsAppear: false });
    await t.database.db.update(videos).set({ ageBand: null }).where(eq(videos.id, id));
    expect(await blocked()).toBe('metadata_incomplete');
    expect(err(await publish())[1]).toBe('catalogue.metadata_incomplete');

    await as.redaktoer.put(`/api/v1/videos/${id}/catalogue`, {
      subjectId: await termId(t.database.db, 'subject', 'Matematik'),
      ageBand: 'kl4-6',
      methodIds: [],
      pillars: [],
    });
    expect(await blocked()).toBeNull();
    const published = await publish();
    expect(published.statusCode).toBe(200);
    // Published: nothing is waiting for "Udgiv" any more.
    expect(published.json().catalogue).toMatchObject({ editorialState: 'published', publishBlocked: null });
  });
});
