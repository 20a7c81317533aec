import { eq, inArray, like } from 'drizzle-orm';
import type { Visibility } from '../../shared/constants.js';
import { videoMethods } from '../db/community-schema.js';
import type { Db, DbOrTx } from '../db/index.js';
import { getSetting } from '../db/instance.js';
import { instanceSettings, institutions, roleGrants, teams, users } from '../db/schema.js';
import { taxonomyTerms, videoCaptions, videoConsents, videos } from '../db/videos-schema.js';
import { refreshSearchDocuments } from '../modules/search-documents/index.js';
import { parseWebVtt } from '../modules/videos/index.js';
import type { Storage } from '../storage/index.js';
import { seedDemoCoaching } from './coaching.js';
import { seedDemoCoachingCaptions } from './coaching-captions.js';
import { seedDemoCoachingClips } from './coaching-clips.js';
import { seedDemoCoachingFeedback } from './coaching-feedback.js';
import { seedDemoCommunity } from './community.js';
import { DEMO_DOMAIN } from './constants.js';
import { seedDemoConversations } from './conversations.js';
import { seedDemoEvaluation } from './evaluation.js';
import { seedDemoInquiry } from './inquiry.js';
import { demoFilename } from './media.js';
import { seedDemoObservation } from './observation.js';
import { seedDemoProgression } from './progression.js';
import { seedDemoSurvey } from './survey.js';
import { seedDemoTrainingDemand } from './training.js';
import type { DemoPeople, DemoVideo } from './types.js';
import { DEMO_VIDEOS } from './videos.js';

const DAY = 24 * 3600_000;
export const DEMO_CONTENT_SETTING = 'demo_content_seeded';

/** The WebVTT file of a demo video's captions. */
export function demoVtt(cues: [number, number, string][]): string {
  const t = (s: number) =>
    `00:00:${String(Math.floor(s)).padStart(2, '0')}.${String(Math.round((s % 1) * 1000)).padStart(3, '0')}`;
  return `WEBVTT\n\n${cues.map(([a, b, text], i) => `${i + 1}\n${t(a)} --> ${t(b)}\n${text}`).join('\n\n')}\n`;
}

/** Demo people by the local part of their e-mail, with the institution and kommune they work in. */
async function demoPeople(db: DbOrTx): Promise<DemoPeople> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      institutionId: roleGrants.institutionId,
      kommuneId: institutions.kommuneId,
    })
    .from(users)
    .leftJoin(roleGrants, eq(roleGrants.userId, users.id))
    .leftJoin(institutions, eq(institutions.id, roleGrants.institutionId))
    .where(like(users.email, `%@${DEMO_DOMAIN}`));
  const people: DemoPeople = new Map();
  for (const r of rows) {
    const local = r.email.slice(0, r.email.indexOf('@'));
    const known = people.get(local);
    if (!known || (!known.institutionId && r.institutionId))
      people.set(local, { id: r.id, institutionId: r.institutionId, kommuneId: r.kommuneId });
  }
  return people;
}

/** Who collected the guardians' consent, by the kind of place. */
const collector = (v: DemoVideo) =>
  ['0-2', '3-5'].includes(v.ageBand)
    ? 'Dagtilbuddets leder'
    : v.ageBand === 'klub'
      ? 'Klubbens leder'
      : 'Skolens kontor';

/**
 * Seeds the demo catalogue once (marked in instance_settings): the videos (waiting for their media, see
 * media.ts), their methods, consent records and captions, and the communities, discussions,
 * signals, views, collections, learning packages and training demand around them; then the demo's team inquiry
 * (inquiry.ts). `only` limits the videos
 * (tests); data that refers to a video left out is skipped. Needs the demo organisation (seedDemo) first. True
 * when it seeded.
 */
export async function seedDemoContent(
  ctx: { db: Db; storage: Storage },
  opts: { only?: string[]; now?: Date } = {},
): Promise<boolean> {
  // Classroom observation and team inquiry have their own flags, so an instance seeded before them gets them too.
  await seedDemoObservation(ctx.db, { now: opts.now });
  const catalogue = (await getSetting(ctx.db, DEMO_CONTENT_SETTING)) ? false : await seedCatalogue(ctx, opts);
  // After the catalogue: the demo cycles link its videos.
  const inquiry = await seedDemoInquiry(ctx.db, { now: opts.now });
  // Solsikkeskolen's 3. årgang and a stue at Mælkebøtten in the progression overview (before the package).
  const progression = await seedDemoProgression(ctx.db, { now: opts.now });
  // After observation and training: the learning conversation's package freezes their figures.
  const conversations = await seedDemoConversations(ctx.db, { now: opts.now });
  // The year wheels of Fjordby Kommune (published), Solsikkeskolen and Mælkebøtten, for the school year of today.
  const evaluation = await seedDemoEvaluation(ctx.db, { now: opts.now });
  // Fjordby's staff survey: two closed rounds over its departments and one open round (needs the demo teachers).
  const survey = await seedDemoSurvey(ctx.db, { now: opts.now });
  // Coaching (issue 19): medarbejder's earlier and later private lessons, the later shared with ressourceperson.
  const coaching = await seedDemoCoaching(ctx.db, { now: opts.now });
  // Coaching part B: ressourceperson's typed feedback on the shared lesson, a reply, one marked drøftet.
  const feedback = await seedDemoCoachingFeedback(ctx.db, { now: opts.now });
  const clips = await seedDemoCoachingClips(ctx.db, { now: opts.now }); // part C: a clip shown to the institution
  const captioned = await seedDemoCoachingCaptions(ctx, { now: opts.now }); // part E: captions + chapters
  return (
    catalogue ||
    inquiry ||
    progression ||
    conversations ||
    evaluation ||
    survey ||
    coaching ||
    feedback ||
    clips ||
    captioned
  );
}

async function seedCatalogue(
  ctx: { db: Db; storage: Storage },
  opts: { only?: string[]; now?: Date },
): Promise<boolean> {
  const { db, storage } = ctx;
  const now = opts.now ?? new Date();
  const list = opts.only ? DEMO_VIDEOS.filter((v) => opts.only?.includes(v.slug)) : DEMO_VIDEOS;
  const captions: { id: string; vtt: string; text: string }[] = [];
  const seeded = await db.transaction(async (tx) => {
    // Another process seeded meanwhile (PostgreSQL with several processes): the flag row decides.
    const [first] = await tx
      .insert(instanceSettings)
      .values({ key: DEMO_CONTENT_SETTING, value: now.toISOString() })
      .onConflictDoNothing()
      .returning({ key: instanceSettings.key });
    if (!first) return false;
    const people = await demoPeople(tx);
    const need = (local: string) => {
      const p = people.get(local);
      if (!p) throw new Error(`demo content needs the demo organisation first (missing ${local})`);
      return p;
    };
    const terms = new Map(
      (await tx.select().from(taxonomyTerms)).map((t) => [`${t.kind}:${t.label.toLowerCase()}`, t.id]),
    );
    const term = (kind: 'subject' | 'method', label: string) => {
      const id = terms.get(`${kind}:${label.toLowerCase()}`);
      if (!id) throw new Error(`demo content: no ${kind} "${label}" in the taxonomy`);
      return id;
    };
    const teamIds = new Map(
      (await tx.select({ id: teams.id, name: teams.name }).from(teams)).map((t) => [t.name, t.id]),
    );
    const editor = need('redaktoer').id;

    // One statement per table (start-up waits for this).
    const createdAt = (v: DemoVideo) => new Date(now.getTime() - (2 + DEMO_VIDEOS.indexOf(v) * 2) * DAY);
    const kindOf = (v: DemoVideo) => v.kind ?? 'published';
    const visibilityOf = (v: DemoVideo): Visibility => v.visibility ?? 'public';
    const inserted = list.length
      ? await tx
          .insert(videos)
          .values(
            list.map((v) => {
              const owner = need(v.owner);
              if (!owner.institutionId || !owner.kommuneId)
                throw new Error(`demo owner ${v.owner} has no institution`);
              const kind = kindOf(v);
              const row: typeof videos.$inferInsert = {
                ownerId: owner.id,
                institutionId: owner.institutionId,
                kommuneId: owner.kommuneId,
                teamId: v.team ? (teamIds.get(v.team) ?? null) : null,
                title: v.title,
                description: v.description,
                status: 'processing',
                visibility: visibilityOf(v),
                originalFilename: demoFilename(v.slug),
                originalSize: 0,
                createdAt: createdAt(v),
                subjectId: term('subject', v.subject),
                ageBand: v.ageBand,
                pillars: v.pillars,
                editorialState: kind === 'contributed' || kind === 'private' ? 'none' : kind,
                editorialComment: v.editorialComment ?? null,
                reviewedBy: kind === 'published' || kind === 'returned' ? editor : null,
                publishedAt: kind === 'published' ? new Date(createdAt(v).getTime() + DAY) : null,
              };
              return row;
            }),
          )
          .returning({ id: videos.id, file: videos.originalFilename })
      : [];
    const byFile = new Map(inserted.map((r) => [r.file, r.id]));
    const ids = new Map(list.map((v) => [v.slug, byFile.get(demoFilename(v.slug)) as string]));
    const idOf = (v: DemoVideo) => ids.get(v.slug) as string;
    if (list.length === 0) return true;
    await tx.insert(videoConsents).values(
      list.map((v) => {
        const pupils = v.pupils ?? true;
        const visibility = visibilityOf(v);
        return {
          videoId: idOf(v),
          pupilsAppear: pupils,
          // Guardians consented to what the video is shared with (a private video: the institution).
          consentLevel: pupils ? (visibility === 'private' ? ('institution' as const) : visibility) : null,
          collectedBy: pupils ? collector(v) : null,
          collectedOn: pupils ? new Date(createdAt(v).getTime() - 30 * DAY).toISOString().slice(0, 10) : null,
          recordedBy: need(v.owner).id,
          updatedAt: createdAt(v),
        };
      }),
    );
    await tx
      .insert(videoMethods)
      .values(list.flatMap((v) => v.methods.map((m) => ({ videoId: idOf(v), termId: term('method', m) }))));
    for (const v of list.filter((x) => x.captions)) {
      const vtt = demoVtt(v.captions ?? []);
      const parsed = parseWebVtt(vtt);
      if (!parsed) throw new Error(`demo captions of ${v.slug} do not parse`);
      captions.push({ id: idOf(v), vtt, text: parsed.text });
    }
    if (captions.length)
      await tx
        .insert(videoCaptions)
        .values(captions.map((c) => ({ videoId: c.id, language: 'da', label: 'Dansk', text: c.text })));
    await seedDemoCommunity(tx, { people, videos: ids, now });
    await seedDemoTrainingDemand(tx, { people, videos: ids, now });
    await refreshSearchDocuments(tx, [...ids.values()]);
    return true;
  });
  // The caption files, where the captions feature keeps them (beside the video's media).
  for (const c of captions)
    await storage.putBytes(`videos/${c.id}/captions/da.vtt`, c.vtt, 'text/vtt; charset=utf-8');
  return seeded;
}

/** The ids of the seeded demo videos by slug (for tests and tools). */
export async function demoVideoIds(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: videos.id, file: videos.originalFilename })
    .from(videos)
    .where(
      inArray(
        videos.originalFilename,
        DEMO_VIDEOS.map((v) => demoFilename(v.slug)),
      ),
    );
  return new Map(rows.map((r) => [r.file.slice('demo-'.length, -'.mp4'.length), r.id]));
}
