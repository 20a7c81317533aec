/**
 * Generates the catalogue benchmark's data set (issue 4): 2,000 people across 2 kommuner and 20 institutions,
 * 10,000 ready videos with catalogue metadata, Danish titles, descriptions and caption text, and 100,000
 * comments. Deterministic (seeded random), written in batches straight into the tables, with the search
 * documents filled the way the app fills them.
 */
import { sql } from 'drizzle-orm';
import { comments, videoMethods } from '../src/server/db/community-schema.js';
import type { Db } from '../src/server/db/index.js';
import { institutions, kommuner, roleGrants, users } from '../src/server/db/schema.js';
import { taxonomyTerms, videoCaptions, videos } from '../src/server/db/videos-schema.js';
import { refreshSearchDocuments } from '../src/server/modules/search-documents/index.js';
import { AGE_BANDS, PILLARS } from '../src/shared/catalogue.js';
import { VISIBILITIES } from '../src/shared/constants.js';

/** BENCH_SCALE (default 1) shrinks the data set for a quick trial run; results are only recorded at scale 1. */
const scale = Number(process.env.BENCH_SCALE ?? 1);
export const SIZES = {
  people: Math.round(2_000 * scale),
  videos: Math.round(10_000 * scale),
  comments: Math.round(100_000 * scale),
  institutions: 20,
};

/** mulberry32: a small seeded generator, so every run builds the same data. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Word material for plausible Danish practice texts (written for the benchmark).
const SUBJECTS_WORDS = [
  'læsning',
  'brøker',
  'skriveprocesser',
  'fysikforsøg',
  'kortlæsning',
  'samtaler',
  'leg',
];
const VERBS = ['styrker', 'udfordrer', 'samler op på', 'undersøger', 'øver', 'stilladserer', 'evaluerer'];
const WHO = ['lærerne', 'pædagogerne', 'eleverne', 'børnene', 'teamet', 'vejlederen', 'klassen', 'de unge'];
const HOW = [
  'med makkerpar',
  'gennem korte feedbackrunder',
  'med tydelige læringsmål',
  'i små grupper',
  'ude i naturen',
  'med exit tickets',
  'med rollefordeling',
  'gennem fælles refleksion',
];
const FILL = [
  'Vi ser hvordan overgangen mellem aktiviteterne bliver rolig og forudsigelig.',
  'Læreren stopper op og spørger ind til elevernes egne strategier.',
  'Pædagogen bruger sproget aktivt og sætter ord på børnenes handlinger.',
  'Teamet har aftalt en fælles prøvehandling og afprøver den her.',
  'Bagefter taler kollegerne om hvad de lagde mærke til i observationen.',
  'Eleverne giver hinanden feedback ud fra et enkelt kriterium.',
  'Videoen viser begyndelsen, midten og afslutningen af forløbet.',
  'Der er særligt fokus på de elever der sjældent byder ind.',
];

const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
const sentence = (r: () => number) =>
  `${pick(r, WHO)} ${pick(r, VERBS)} ${pick(r, SUBJECTS_WORDS)} ${pick(r, HOW)}`;
const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);

async function batches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Fills a migrated database that holds the demo organisation. Returns counts for the result file. */
export async function generateCatalogue(db: Db) {
  const r = random(42);
  const [kommuneA] = await db
    .insert(kommuner)
    .values({ name: 'Benchkommune Nord' })
    .returning({ id: kommuner.id });
  const [kommuneB] = await db
    .insert(kommuner)
    .values({ name: 'Benchkommune Syd' })
    .returning({ id: kommuner.id });
  const insts = await db
    .insert(institutions)
    .values(
      Array.from({ length: SIZES.institutions }, (_, i) => ({
        name: `Benchskole ${i + 1}`,
        type: 'skole' as const,
        kommuneId: i % 2 ? kommuneB.id : kommuneA.id,
      })),
    )
    .returning({ id: institutions.id, kommuneId: institutions.kommuneId });
  // The demo institutions take part too, so the demo accounts see a share of the data.
  const all = await db.select({ id: institutions.id, kommuneId: institutions.kommuneId }).from(institutions);

  const people: { id: string; inst: (typeof all)[number] }[] = [];
  await batches(
    Array.from({ length: SIZES.people }, (_, i) => i),
    500,
    async (batch) => {
      const made = await db
        .insert(users)
        .values(
          batch.map((i) => ({
            email: `bench${i}@bench.amongi.dk`,
            name: `Bench Person ${i}`,
            status: 'active' as const,
          })),
        )
        .returning({ id: users.id });
      const rows = made.map((u, k) => ({ id: u.id, inst: all[(batch[k] * 7) % all.length] }));
      people.push(...rows);
      await db
        .insert(roleGrants)
        .values(rows.map((p) => ({ userId: p.id, role: 'medarbejder' as const, institutionId: p.inst.id })));
    },
  );

  const terms = await db.select({ id: taxonomyTerms.id, kind: taxonomyTerms.kind }).from(taxonomyTerms);
  const subjects = terms.filter((t) => t.kind === 'subject').map((t) => t.id);
  const methods = terms.filter((t) => t.kind === 'method').map((t) => t.id);
  const shared = VISIBILITIES.filter((v) => v !== 'team');

  const videoIds: string[] = [];
  const now = Date.now();
  await batches(
    Array.from({ length: SIZES.videos }, (_, i) => i),
    500,
    async (batch) => {
      const rows = batch.map((i) => {
        const owner = people[Math.floor(r() * people.length)];
        const ready = new Date(now - Math.floor(r() * 365 * 86_400_000));
        const published = r() < 0.4;
        return {
          ownerId: owner.id,
          institutionId: owner.inst.id,
          kommuneId: owner.inst.kommuneId,
          title: `${capitalise(sentence(r))} (${i + 1})`,
          description: `${pick(r, FILL)} ${pick(r, FILL)} ${capitalise(sentence(r))}.`,
          status: 'ready' as const,
          visibility: published ? ('public' as const) : pick(r, shared),
          originalFilename: `bench-${i}.mp4`,
          originalSize: 10_000_000,
          durationSeconds: 60 + Math.floor(r() * 1200),
          width: 1280,
          height: 720,
          media: {
            rungs: [{ name: '720p', width: 1280, height: 720, bandwidth: 2_500_000 }],
            hasAudio: true,
            remuxed: false,
            poster: true,
            sprite: true,
          },
          readyAt: ready,
          createdAt: ready,
          subjectId: pick(r, subjects),
          ageBand: pick(r, AGE_BANDS),
          pillars: PILLARS.filter(() => r() < 0.3),
          editorialState: published ? ('published' as const) : ('none' as const),
          publishedAt: published ? ready : null,
          viewCount: Math.floor(r() * 500),
          triedCount: Math.floor(r() * 40),
        };
      });
      const made = await db.insert(videos).values(rows).returning({ id: videos.id });
      const ids = made.map((m) => m.id);
      videoIds.push(...ids);
      await db.insert(videoMethods).values(
        ids.flatMap((id) => {
          const chosen = new Set([pick(r, methods), pick(r, methods)]);
          return [...chosen].map((termId) => ({ videoId: id, termId }));
        }),
      );
      // A third of the videos have captions: a few hundred words of speech.
      const captioned = ids.filter(() => r() < 0.33);
      if (captioned.length)
        await db.insert(videoCaptions).values(
          captioned.map((videoId) => ({
            videoId,
            language: 'da',
            label: 'Dansk',
            text: Array.from({ length: 30 }, () => `${capitalise(sentence(r))}.`).join(' '),
          })),
        );
    },
  );
  await batches(videoIds, 1000, (ids) => refreshSearchDocuments(db, ids));

  await batches(
    Array.from({ length: SIZES.comments }, (_, i) => i),
    2000,
    (batch) =>
      db.insert(comments).values(
        batch.map(() => ({
          videoId: pick(r, videoIds),
          authorId: pick(r, people).id,
          body: `${pick(r, FILL)} ${capitalise(sentence(r))}.`,
          anchorSeconds: r() < 0.3 ? Math.floor(r() * 60) : null,
        })),
      ),
  );
  await db.execute(sql`analyze`);
  return { ...SIZES, institutions: insts.length };
}
