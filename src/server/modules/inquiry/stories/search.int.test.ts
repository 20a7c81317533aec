import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_BANDS, PILLARS } from '../../../../shared/catalogue.js';
import { STORY_VISIBILITIES } from '../../../../shared/inquiry.js';
import type { Db } from '../../../db/index.js';
import { practiceStories, storyMethods } from '../../../db/inquiry-schema.js';
import { rows } from '../../../db/rows.js';
import { institutions, teamMemberships, teams } from '../../../db/schema.js';
import { taxonomyTerms } from '../../../db/videos-schema.js';
import { DEMO_PASSWORD } from '../../../demo/index.js';
import { actorFor } from '../../../policy/agreement.testing.js';
import { type Actor, ANONYMOUS } from '../../../policy/index.js';
import { searchableStories } from '../../../policy/sql-stories.js';
import { demoIds } from '../../../testing/fixtures.js';
import { createTestApp, secondApp, type TestApp, TestClient } from '../../../testing/harness.js';
import { cleanQuery, prefixWords } from '../../search/index.js';
import { textMatch } from './repo.js';

/*
 * Story search adds up parts of what the reader may see (policy/sql-stories.storySlices): shared parts
 * remembered for a few seconds, the reader's own rest read afresh. Here every answer — the pages one after the
 * other, the total and every facet count — is compared with one computed directly over searchableStories for
 * the same reader, for readers of every kind and queries with and without text and filters; ties in time are
 * broken by id in both. And a remembered answer is forgotten in every process when a story is withdrawn.
 */
let t: TestApp;
let db: Db;
let ids: Awaited<ReturnType<typeof demoIds>>;
const API = '/api/v1';
const READERS = [
  'medarbejder',
  'medarbejder2',
  'medarbejder3',
  'ressourceperson',
  'leder',
  'forvaltning',
  'redaktoer',
] as const;
const c: Record<string, TestClient> = {};
const actors: Record<string, Actor> = {};
let subjects: string[] = [];
let methods: string[] = [];
const STORIES = 90;

beforeAll(async () => {
  t = await createTestApp();
  db = t.ctx.db as Db;
  ids = await demoIds(db);
  const allTeams = await db
    .select({ id: teams.id, institutionId: teams.institutionId, kommuneId: institutions.kommuneId })
    .from(teams)
    .innerJoin(institutions, eq(institutions.id, teams.institutionId))
    .orderBy(teams.name);
  subjects = (
    await db.select({ id: taxonomyTerms.id }).from(taxonomyTerms).where(eq(taxonomyTerms.kind, 'subject'))
  )
    .map((r) => r.id)
    .sort()
    .slice(0, 4);
  methods = (
    await db.select({ id: taxonomyTerms.id }).from(taxonomyTerms).where(eq(taxonomyTerms.kind, 'method'))
  )
    .map((r) => r.id)
    .sort()
    .slice(0, 5);
  // Deterministic variety: every visibility, team, subject, one or two age bands and pillars, a few drafts, and
  // groups of stories published at the same moment (the id breaks the tie).
  const base = Date.parse('2026-03-01T08:00:00Z');
  const values = Array.from({ length: STORIES }, (_, i) => {
    const team = allTeams[(i * 7) % allTeams.length];
    return {
      teamId: team.id,
      institutionId: team.institutionId,
      kommuneId: team.kommuneId,
      templateName: 'Prøvehandling',
      title: i % 3 === 0 ? `Prøvehandling med makkersamtaler ${i}` : `Exit tickets i ${i}. forløb`,
      context: i % 2 ? 'Vi prøvede makkersamtaler i matematik.' : 'Eleverne skrev exit tickets.',
      subjectId: i % 5 === 4 ? null : subjects[i % subjects.length],
      ageBands: [...new Set([AGE_BANDS[i % 6], AGE_BANDS[(i * 5) % 6]])].slice(0, 1 + (i % 2)),
      pillars: [...new Set([PILLARS[i % 5], PILLARS[(i * 3) % 5]])],
      state: i % 11 === 5 ? ('draft' as const) : ('published' as const),
      visibility: STORY_VISIBILITIES[(i * 3) % STORY_VISIBILITIES.length],
      publishedAt: new Date(base + Math.floor(i / 4) * 3_600_000),
    };
  });
  const inserted = await db.insert(practiceStories).values(values).returning({ id: practiceStories.id });
  await db
    .insert(storyMethods)
    .values(
      inserted.flatMap((s, i) =>
        [methods[i % methods.length], methods[(i * 2) % methods.length]]
          .filter((m, k, all) => all.indexOf(m) === k && (k === 0 || i % 3 === 0))
          .map((termId) => ({ storyId: s.id, termId })),
      ),
    );
  await db.execute(sql`update practice_stories set search_document =
    setweight(to_tsvector('danish', title), 'A') || setweight(to_tsvector('danish', context), 'C')`);
  for (const who of READERS) {
    c[who] = await t.as(who);
    actors[who] = await actorFor(db, ids.user[who]);
  }
  c.anonymous = t.client();
  actors.anonymous = ANONYMOUS;
});
afterAll(() => t?.close());

type Query = { q?: string; subject?: string[]; ageBand?: string[]; method?: string[]; pillar?: string[] };
type Facets = Record<'subject' | 'ageBand' | 'method' | 'pillar', { value: string; count: number }[]>;

/** The answer computed directly: every match in searchableStories, filtered, ordered and counted here. */
async function reference(actor: Actor, query: Query) {
  const text = cleanQuery(query.q);
  const words = prefixWords(query.q);
  const q = text ? { text, prefix: words.length ? words.map((w) => `${w}:*`).join(' & ') : null } : null;
  const rank = q
    ? sql`ts_rank('{0.1, 0.2, 0.4, 1.0}'::float4[], coalesce(search_document, ''::tsvector), websearch_to_tsquery('danish', ${q.text}))::float8`
    : sql`0::float8`;
  const found = await rows<{
    id: string;
    rank: number;
    micros: string;
    subject: string | null;
    ageBands: string[];
    pillars: string[];
    methods: string[];
  }>(
    db,
    sql`select id, ${rank} as rank,
      ((extract(epoch from coalesce(published_at, created_at)) * 1000000)::bigint)::text as micros,
      subject_id as subject, age_bands as "ageBands", pillars,
      array(select term_id::text from story_methods m where m.story_id = practice_stories.id) as methods
      from practice_stories where ${searchableStories(actor)} and ${textMatch(q)}`,
  );
  const passes = (r: (typeof found)[number], except?: string) =>
    (except === 'subject' || !query.subject?.length || query.subject.includes(r.subject ?? '')) &&
    (except === 'ageBand' || !query.ageBand?.length || r.ageBands.some((b) => query.ageBand?.includes(b))) &&
    (except === 'method' || !query.method?.length || r.methods.some((m) => query.method?.includes(m))) &&
    (except === 'pillar' || !query.pillar?.length || r.pillars.some((p) => query.pillar?.includes(p)));
  const order = found
    .filter((r) => passes(r))
    .sort(
      (x, y) =>
        Number(y.rank) - Number(x.rank) ||
        (BigInt(y.micros) > BigInt(x.micros) ? 1 : BigInt(y.micros) < BigInt(x.micros) ? -1 : 0) ||
        (y.id > x.id ? 1 : -1),
    )
    .map((r) => r.id);
  const count = (facet: keyof Facets, valuesOf: (r: (typeof found)[number]) => (string | null)[]) => {
    const n = new Map<string, number>();
    for (const r of found.filter((x) => passes(x, facet)))
      for (const v of valuesOf(r)) if (v !== null) n.set(v, (n.get(v) ?? 0) + 1);
    return Object.fromEntries([...n].sort());
  };
  return {
    order,
    facets: {
      subject: count('subject', (r) => [r.subject]),
      ageBand: count('ageBand', (r) => r.ageBands),
      method: count('method', (r) => r.methods),
      pillar: count('pillar', (r) => r.pillars),
    },
  };
}

const url = (query: Query, limit: number, cursor?: string) => {
  const p = new URLSearchParams();
  if (query.q) p.set('q', query.q);
  for (const k of ['subject', 'ageBand', 'method', 'pillar'] as const)
    for (const v of query[k] ?? []) p.append(k, v);
  p.set('limit', String(limit));
  if (cursor) p.set('cursor', cursor);
  return `${API}/stories?${p}`;
};

/** Every page of the search, one after the other: the ids in order, and the first page's total and facets. */
async function pages(client: TestClient, query: Query, limit: number) {
  const order: string[] = [];
  let cursor: string | undefined;
  let first: { total: number; facets: Facets } | undefined;
  for (let i = 0; i < 40; i++) {
    const res = await client.get(url(query, limit, cursor));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: { id: string }[]; total: number; facets: Facets; nextCursor: string };
    first ??= body;
    order.push(...body.items.map((x) => x.id));
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  const counts = (f: { value: string; count: number }[]) =>
    Object.fromEntries(
      f
        .filter((x) => x.count > 0)
        .map((x) => [x.value, x.count])
        .sort(),
    );
  const facets = first?.facets as Facets;
  return {
    order,
    total: first?.total,
    facets: {
      subject: counts(facets.subject),
      ageBand: counts(facets.ageBand),
      method: counts(facets.method),
      pillar: counts(facets.pillar),
    },
  };
}

describe('story search in parts agrees with one search over what the reader may see', () => {
  const queries: Query[] = [
    {},
    { q: 'prøvehandling' },
    { q: 'makkersam' },
    { q: 'exit tickets', ageBand: ['kl4-6', 'kl0-3'] },
    { pillar: ['dialog'] },
    { subject: [] as string[], method: [] as string[] },
  ];
  it.each([...READERS, 'anonymous'])('%s: pages, total and facets, fresh and remembered', async (who) => {
    const all = [
      ...queries,
      { subject: [subjects[0], subjects[2]], method: [methods[1]] },
      { q: 'makkersamtaler', method: [methods[0]], pillar: ['vision', 'laering'] },
    ];
    for (const query of all)
      for (const limit of Object.keys(query).length ? [7] : [7, 20]) {
        const want = await reference(actors[who], query);
        const got = await pages(c[who], query, limit);
        expect(got.order).toEqual(want.order);
        expect(got.total).toBe(want.order.length);
        expect(got.facets).toEqual(want.facets);
        // Asked again within the memory's time: the same answer.
        expect(await pages(c[who], query, limit)).toEqual(got);
      }
    // Not vacuous: these readers find something with and without text.
    if (who !== 'anonymous') expect((await reference(actors[who], {})).order.length).toBeGreaterThan(20);
  });
});

describe('a remembered part is forgotten when a story leaves it', () => {
  it('the kommune’s part: a withdrawn kommune story is no longer counted, in this process and another', async () => {
    // One of Matematikteamet's stories (medarbejder's team, Fjordby), shown to Fjordby Kommune.
    const [story] = await db
      .update(practiceStories)
      .set({ state: 'published', visibility: 'kommune', subjectId: subjects[1] })
      .where(
        eq(
          practiceStories.id,
          sql`(select id from practice_stories where team_id = ${ids.team.Matematikteamet} order by id limit 1)`,
        ),
      )
      .returning({
        id: practiceStories.id,
        version: practiceStories.version,
        subject: practiceStories.subjectId,
      });
    t.ctx.events.publish({ type: 'stories.changed' });
    expect(story).toBeDefined();
    const subject = story.subject as string;
    const query = { subject: [subject] };
    const search = (client: TestClient) => pages(client, query, 20);
    const before = await search(c.forvaltning);
    expect(before.order).toContain(story.id);
    const other = t.database.kind === 'postgres' ? (await secondApp(t)).app : null;
    await other?.ready();
    const otherClient = other ? new TestClient(other) : null;
    if (otherClient) {
      await otherClient.login('forvaltning@demo.amongi.dk', DEMO_PASSWORD);
      expect((await search(otherClient)).total).toBe(before.total);
    }
    const res = await c.medarbejder.post(`${API}/stories/${story.id}/withdraw`, { version: story.version });
    expect(res.statusCode, res.body).toBe(200);
    const after = await search(c.forvaltning);
    expect(after.order).not.toContain(story.id);
    expect(after.total).toBe((before.total ?? 0) - 1);
    expect(after.facets.subject[subject]).toBe(before.facets.subject[subject] - 1);
    if (otherClient && other) {
      await expect
        .poll(async () => (await search(otherClient)).facets.subject[subject], { timeout: 2000 })
        .toBe(before.facets.subject[subject] - 1);
      await other.close();
    }
  });
});

describe('the own rest is remembered by its teams, never by person', () => {
  it('a reader who leaves the team no longer finds the team’s story at once', async () => {
    // One of Matematikteamet's stories, for Solsikkeskolen only; medarbejder3 (Bakkeskolen) joins the team.
    const [story] = await db
      .update(practiceStories)
      .set({ state: 'published', visibility: 'institution' })
      .where(
        eq(
          practiceStories.id,
          sql`(select id from practice_stories where team_id = ${ids.team.Matematikteamet} order by id desc limit 1)`,
        ),
      )
      .returning({ id: practiceStories.id });
    t.ctx.events.publish({ type: 'stories.changed' });
    await db
      .insert(teamMemberships)
      .values({ teamId: ids.team.Matematikteamet, userId: ids.user.medarbejder3 });
    const member = await t.as('medarbejder3');
    const found = await pages(member, {}, 20);
    expect(found.order).toContain(story.id);
    expect(found.order).toEqual((await reference(await actorFor(db, ids.user.medarbejder3), {})).order);
    const admin = await t.as('administrator');
    const removed = await admin.delete(
      `${API}/teams/${ids.team.Matematikteamet}/members/${ids.user.medarbejder3}`,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    const after = await pages(member, {}, 20);
    expect(after.order).not.toContain(story.id);
    // The team's other Solsikkeskolen-only stories go with it.
    expect(after.total).toBeLessThan(found.total ?? 0);
    expect(after.order).toEqual((await reference(await actorFor(db, ids.user.medarbejder3), {})).order);
  });
});
