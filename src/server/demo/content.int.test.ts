import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_BANDS, COMMENT_MAX_DEPTH, PILLARS } from '../../shared/catalogue.js';
import { widerThan } from '../../shared/constants.js';
import { allowedVisibility } from '../modules/videos/consent.js';
import { rows } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { demoVideoIds, seedDemoContent } from './content.js';
import { startDemoMedia } from './media.js';
import { DEMO_VIDEOS } from './videos.js';

const count = async (t: TestApp, q: ReturnType<typeof sql>) =>
  (await rows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from (${q}) x`))[0].n;

describe('demo content', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('the test harness seeds only the organisation, no videos (integration tests stay fast)', async () => {
    expect(await count(t, sql`select 1 from videos`)).toBe(0);
    expect(await count(t, sql`select 1 from communities`)).toBe(0);
  });

  it('seeds at least 40 curated public videos covering every facet value at least twice', async () => {
    expect(await seedDemoContent(t.ctx)).toBe(true);
    const published = sql`select * from videos where editorial_state = 'published' and visibility = 'public'`;
    expect(await count(t, published)).toBeGreaterThanOrEqual(40);
    const least = async (q: ReturnType<typeof sql>) =>
      rows<{ value: string; n: number }>(t.ctx.db, sql`select value, n from (${q}) x order by n, value`);
    const subjects = await least(sql`
      select t.label as value, count(v.id)::int as n from taxonomy_terms t
      left join videos v on v.subject_id = t.id and v.editorial_state = 'published'
      where t.kind = 'subject' group by t.label`);
    const methods = await least(sql`
      select t.label as value, count(v.id)::int as n from taxonomy_terms t
      left join video_methods m on m.term_id = t.id
      left join videos v on v.id = m.video_id and v.editorial_state = 'published'
      where t.kind = 'method' group by t.label`);
    const ages = await least(sql`
      select age_band as value, count(*)::int as n from videos where editorial_state = 'published' group by 1`);
    const pillars = await least(sql`
      select p as value, count(*)::int as n from videos, unnest(pillars) p
      where editorial_state = 'published' group by 1`);
    expect(subjects.length).toBe(25);
    expect(methods.length).toBe(11);
    expect(ages.map((a) => a.value).sort()).toEqual([...AGE_BANDS].sort());
    expect(pillars.map((p) => p.value).sort()).toEqual([...PILLARS].sort());
    for (const facet of [subjects, methods, ages, pillars]) expect(facet[0].n).toBeGreaterThanOrEqual(2);
  });

  it('titles are distinct, one says "lærerne", and Danish search finds it for "lærer" and by caption text', async () => {
    const titles = await rows<{ title: string }>(t.ctx.db, sql`select title from videos`);
    expect(new Set(titles.map((r) => r.title)).size).toBe(titles.length);
    // Every demo video, and the coaching clip cut from one of them (coaching-clips.ts).
    expect(titles.length).toBe(DEMO_VIDEOS.length + 1);
    const found = (q: string) =>
      rows<{ title: string }>(
        t.ctx.db,
        sql`select title from videos where search_document @@ websearch_to_tsquery('danish', ${q})`,
      );
    expect((await found('lærer')).map((r) => r.title)).toContain(
      'Sådan samler lærerne op på dagens læringsmål',
    );
    // "post-it" is said only in that video's captions.
    expect((await found('post-it')).map((r) => r.title)).toEqual([
      'Sådan samler lærerne op på dagens læringsmål',
    ]);
    expect(await count(t, sql`select 1 from videos where search_document is null`)).toBe(0);
  });

  it('contributed and private videos belong to demo teachers; every video has consent allowing its visibility', async () => {
    const all = await rows<{
      visibility: 'private' | 'team' | 'institution' | 'kommune' | 'public';
      editorial_state: string;
      email: string;
      pupils_appear: boolean | null;
      consent_level: 'private' | 'team' | 'institution' | 'kommune' | 'public' | null;
      team_id: string | null;
    }>(
      t.ctx.db,
      sql`select v.visibility, v.editorial_state, u.email, c.pupils_appear, c.consent_level, v.team_id
          from videos v join users u on u.id = v.owner_id left join video_consents c on c.video_id = v.id`,
    );
    for (const v of all) {
      const consent = { pupilsAppear: v.pupils_appear, consentLevel: v.consent_level, withdrawnAt: null };
      expect(widerThan(v.visibility, allowedVisibility(consent))).toBe(false);
      if (v.visibility === 'team') expect(v.team_id).not.toBeNull();
    }
    const privateOnes = all.filter((v) => v.visibility === 'private');
    expect(privateOnes.length).toBeGreaterThanOrEqual(1);
    expect(new Set(privateOnes.map((v) => v.email))).toEqual(new Set(['medarbejder@demo.amongi.dk']));
    const contributed = all.filter((v) => v.editorial_state === 'none' && v.visibility !== 'private');
    expect(contributed.length).toBeGreaterThanOrEqual(3);
    expect(new Set(contributed.map((v) => v.visibility))).toEqual(
      new Set(['team', 'institution', 'kommune']),
    );
  });

  it('captions are stored where the captions feature keeps them', async () => {
    const caps = await rows<{ video_id: string; text: string }>(
      t.ctx.db,
      sql`select video_id, text from video_captions`,
    );
    expect(caps.length).toBeGreaterThanOrEqual(3);
    for (const c of caps) {
      const file = await t.ctx.storage.stat(`videos/${c.video_id}/captions/da.vtt`);
      expect(file?.size).toBeGreaterThan(0);
    }
  });

  it('communities, discussions, signals, collections and learning packages are consistent', async () => {
    const comms = await rows<{ access: string; creator_role: string; creator_joined: boolean }>(
      t.ctx.db,
      sql`select c.access, m.role as creator_role, m.joined_at is not null as creator_joined
          from communities c join community_members m on m.community_id = c.id and m.user_id = c.created_by`,
    );
    expect(comms.length).toBeGreaterThanOrEqual(4);
    expect(comms.filter((c) => c.access === 'invite').length).toBeGreaterThanOrEqual(1);
    for (const c of comms) expect([c.creator_role, c.creator_joined]).toEqual(['moderator', true]);
    expect(await count(t, sql`select 1 from community_videos`)).toBeGreaterThanOrEqual(10);
    expect(
      await count(t, sql`select 1 from community_members where joined_at is null`),
    ).toBeGreaterThanOrEqual(1);

    // Threads: a reply is one level below its parent, on the same video, written after it.
    expect(await count(t, sql`select 1 from comments where parent_id is not null`)).toBeGreaterThanOrEqual(5);
    expect(
      await count(t, sql`select 1 from comments where anchor_seconds is not null`),
    ).toBeGreaterThanOrEqual(3);
    const bad = sql`select 1 from comments c left join comments p on p.id = c.parent_id
      where (c.parent_id is null and c.depth <> 0)
         or (p.id is not null and (c.depth <> p.depth + 1 or c.video_id <> p.video_id or c.created_at <= p.created_at))
         or c.depth > ${COMMENT_MAX_DEPTH}`;
    expect(await count(t, bad)).toBe(0);

    const drift = sql`select 1 from videos v where
      tried_count <> (select count(*) from video_signals s where s.video_id = v.id)
      or worked_count <> (select count(*) from video_signals s where s.video_id = v.id and s.worked)
      or view_count <> (select count(*) from video_views w where w.video_id = v.id)`;
    expect(await count(t, drift)).toBe(0);
    expect(await count(t, sql`select 1 from video_signals where reflection_shared`)).toBeGreaterThanOrEqual(
      3,
    );
    expect(await count(t, sql`select 1 from videos where tried_count > 0`)).toBeGreaterThanOrEqual(10);

    expect(await count(t, sql`select 1 from collections`)).toBeGreaterThanOrEqual(2);
    const packages = await rows<{
      visibility: string;
      institution: string | null;
      kinds: string[];
      guide: number;
    }>(
      t.ctx.db,
      sql`select p.visibility, i.name as institution, length(p.facilitation_guide) as guide,
            array(select distinct kind from package_items it where it.package_id = p.id order by 1) as kinds
          from learning_packages p left join institutions i on i.id = p.institution_id order by p.visibility`,
    );
    expect(packages.map((p) => [p.visibility, p.institution])).toEqual([
      ['institution', 'Solsikkeskolen'],
      ['public', null],
    ]);
    for (const p of packages) {
      expect(p.kinds).toEqual(['question', 'text', 'video']);
      expect(p.guide).toBeGreaterThan(50);
    }
    const gaps = sql`select 1 from learning_packages p where
      (select array_agg(position order by position) from package_items i where i.package_id = p.id)
      <> (select array_agg(g - 1) from generate_series(1, (select count(*) from package_items i where i.package_id = p.id)::int) g)`;
    expect(await count(t, gaps)).toBe(0);
  });

  it('is idempotent: a second seeding adds nothing', async () => {
    const before = await rows(
      t.ctx.db,
      sql`select (select count(*) from videos)::int v, (select count(*) from comments)::int c,
        (select count(*) from communities)::int m, (select count(*) from learning_packages)::int p`,
    );
    expect(await seedDemoContent(t.ctx)).toBe(false);
    expect(
      await rows(
        t.ctx.db,
        sql`select (select count(*) from videos)::int v, (select count(*) from comments)::int c,
          (select count(*) from communities)::int m, (select count(*) from learning_packages)::int p`,
      ),
    ).toEqual(before);
  });
});

/* Two videos through the real pipeline, then the same two on a fresh database from the cache alone. */
describe('demo media: the real pipeline, then the cache', () => {
  const only = [DEMO_VIDEOS[0].slug, DEMO_VIDEOS[2].slug];
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-demo-cache-'));
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  type Row = Record<string, unknown>;
  const state = (t: TestApp) =>
    rows<Row>(
      t.ctx.db,
      sql`select original_filename, status, stage, progress, failure_code, lease_owner, original_size,
            duration_seconds, width, height, media, ready_at = created_at + interval '7 minutes' as ready_at
          from videos order by original_filename`,
    );
  const files = async (t: TestApp) => {
    const ids = await demoVideoIds(t.ctx.db);
    const out: Record<string, string[]> = {};
    for (const [slug, id] of ids)
      out[slug] = (await t.ctx.storage.list(`videos/${id}`)).map((k) => k.slice(44));
    return out;
  };
  let first: Row[];
  let firstFiles: Record<string, string[]>;

  it('uncached: sources are generated and go through the pipeline to real HLS, and the output is cached', async () => {
    const t = await createTestApp({}, { pipeline: { sweepSeconds: 1 } });
    apps.push(t);
    await seedDemoContent(t.ctx, { only });
    const media = await startDemoMedia(t.ctx, { cacheDir, waitSeconds: 120 });
    expect(media.restored).toBe(0);
    const report = await media.done;
    expect(report).toMatchObject({
      videos: 2,
      generated: 2,
      processed: 2,
      cached: 2,
      restored: 0,
      failed: 0,
    });
    first = await state(t);
    for (const v of first) {
      expect(v).toMatchObject({
        status: 'ready',
        stage: null,
        progress: null,
        failure_code: null,
        ready_at: true,
      });
      expect((v.media as { rungs: unknown[] }).rungs.length).toBeGreaterThan(0);
      expect(v.duration_seconds).toBeGreaterThanOrEqual(6);
    }
    firstFiles = await files(t);
    for (const list of Object.values(firstFiles)) {
      expect(list).toEqual(
        expect.arrayContaining(['hls/master.m3u8', 'poster.jpg', 'sprite.jpg', 'thumbnails.vtt']),
      );
      expect(list.some((f) => /^hls\/\d+p\/seg_\d+\.ts$/.test(f))).toBe(true);
    }
    // The captions of the first video survived processing.
    expect(firstFiles[only[0]]).toContain('captions/da.vtt');
    const master = await t.ctx.storage.localCopy(
      `videos/${(await demoVideoIds(t.ctx.db)).get(only[0])}/hls/master.m3u8`,
    );
    expect(fs.readFileSync(master.path, 'utf8')).toMatch(/^#EXTM3U/);
    await master.release();
  }, 180_000);

  it('cached: a fresh database gets the same media without ffmpeg and without a single pipeline job', async () => {
    const t = await createTestApp(); // no pipeline at all
    apps.push(t);
    await seedDemoContent(t.ctx, { only });
    const media = await startDemoMedia(t.ctx, { cacheDir });
    // Ready before startDemoMedia returns: the restore is part of the start-up.
    expect(media.restored).toBe(2);
    const report = await media.done;
    expect(report).toMatchObject({
      videos: 2,
      generated: 0,
      sourceHits: 2,
      restored: 2,
      processed: 0,
      cached: 0,
    });
    expect(await state(t)).toEqual(first);
    expect(await files(t)).toEqual(firstFiles);
    // The job queue never started on this database: no job could have run.
    expect(await count(t, sql`select 1 from information_schema.schemata where schema_name = 'pgboss'`)).toBe(
      0,
    );
  });
});
