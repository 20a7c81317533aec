import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoCaptions, videos } from '../../db/videos-schema.js';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { refreshMissingSearchDocuments, refreshSearchDocuments } from './documents.js';

describe('refreshSearchDocuments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('weights title A, tags B, description C and captions D, and stems Danish', async () => {
    const db = t.database.db;
    const ids = await demoIds(db);
    const id = await insertVideo(db, {
      ownerId: ids.user.medarbejder,
      institutionId: ids.institution.Solsikkeskolen,
      title: 'Lærerne samler klassen',
      description: 'Om overgange',
      subject: 'Matematik',
      methods: ['Feedback'],
    });
    await db
      .insert(videoCaptions)
      .values({ videoId: id, language: 'da', label: 'Dansk', text: 'kridt og tavle' });
    await refreshSearchDocuments(db, [id, id]);
    await refreshSearchDocuments(db, []);
    const [row] = await db
      .select({ doc: sql<string>`${videos.searchDocument}::text` })
      .from(videos)
      .where(eq(videos.id, id));
    expect(row.doc).toMatch(/'lær[a-zæøå]*':1A/);
    expect(row.doc).toMatch(/'matematik':\d+B/);
    expect(row.doc).toMatch(/'feedback':\d+B/);
    expect(row.doc).toMatch(/'overgang[a-z]*':\d+C/);
    expect(row.doc).toMatch(/'kridt':\d+(?![A-C])/); // D is shown without a letter
    const [hit] = await db
      .select({ ok: sql<boolean>`${videos.searchDocument} @@ websearch_to_tsquery('danish', 'lærer')` })
      .from(videos)
      .where(eq(videos.id, id));
    expect(hit.ok).toBe(true);
  });

  it('fills in the documents that are missing (videos from before search), and only those', async () => {
    const db = t.database.db;
    const ids = await demoIds(db);
    const id = await insertVideo(db, {
      ownerId: ids.user.medarbejder,
      institutionId: ids.institution.Solsikkeskolen,
      title: 'Gammel video',
    });
    await db.update(videos).set({ searchDocument: null }).where(eq(videos.id, id));
    await refreshMissingSearchDocuments(db);
    const [row] = await db
      .select({ doc: sql<string>`${videos.searchDocument}::text` })
      .from(videos)
      .where(eq(videos.id, id));
    expect(row.doc).toBe("'gammel':1A 'video':2A");
    const [left] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(videos)
      .where(sql`${videos.searchDocument} is null`);
    expect(left.n).toBe(0);
  });
});
