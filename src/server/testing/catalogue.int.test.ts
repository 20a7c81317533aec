import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoMethods } from '../db/community-schema.js';
import { videos } from '../db/videos-schema.js';
import { insertVideo } from './catalogue.js';
import { demoIds } from './fixtures.js';
import { createTestApp, type TestApp } from './harness.js';

describe('insertVideo test fixture', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('inserts a ready video with its catalogue metadata and method links', async () => {
    const ids = await demoIds(t.database.db);
    const id = await insertVideo(t.database.db, {
      ownerId: ids.user.medarbejder,
      institutionId: ids.institution.Solsikkeskolen,
      subject: 'Matematik',
      methods: ['Feedback', 'En helt ny metode'],
      ageBand: 'kl4-6',
      pillars: ['dialog'],
    });
    const [v] = await t.database.db.select().from(videos).where(eq(videos.id, id));
    expect(v).toMatchObject({
      status: 'ready',
      ageBand: 'kl4-6',
      pillars: ['dialog'],
      editorialState: 'none',
    });
    expect(v.subjectId).not.toBeNull();
    expect(await t.database.db.select().from(videoMethods).where(eq(videoMethods.videoId, id))).toHaveLength(
      2,
    );
  });
});
