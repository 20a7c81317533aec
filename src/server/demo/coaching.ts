import { and, eq, inArray } from 'drizzle-orm';
import { videoGrants } from '../db/coaching-schema.js';
import type { Db, DbOrTx } from '../db/index.js';
import { instanceSettings, users } from '../db/schema.js';
import { videos } from '../db/videos-schema.js';
import { DEMO_DOMAIN } from './constants.js';
import type { DemoVideo } from './types.js';

/*
 * Coaching on your own lessons (issue 19) in the demo: medarbejder filmed the same kind of maths lesson twice,
 * six weeks apart. Both recordings are private (only she sees them); the later one is shared personally with
 * ressourceperson, her coach. The feedback, clip and captions parts of the demo (coaching-*.ts) build on these
 * two videos: import the titles and slugs from here, and find the ids with demoCoachingVideoIds.
 */

export const DEMO_COACHING_EARLIER_SLUG = 'coaching-talsnak-foer';
export const DEMO_COACHING_LATER_SLUG = 'coaching-talsnak-efter';
export const DEMO_COACHING_EARLIER_TITLE = 'Min lektion: talsnak i 3. årgang (første optagelse)';
export const DEMO_COACHING_LATER_TITLE = 'Min lektion: talsnak i 3. årgang (seks uger senere)';
/** Who owns the two lessons, and who the later one is shared with (local parts of demo e-mails). */
export const DEMO_COACHING_OWNER = 'medarbejder';
export const DEMO_COACHING_COACH = 'ressourceperson';

/** Days before the seed's "now" each lesson was recorded (the earlier first, for side by side). */
const EARLIER_DAYS_AGO = 47;
const LATER_DAYS_AGO = 5;
const DAY = 24 * 3600_000;

/**
 * The two lessons, at the end of DEMO_VIDEOS (videos.ts): seeded with the catalogue, given media like every demo
 * video (short generated clips, media.ts), private with consent for the institution (content.ts).
 */
export const COACHING_DEMO_VIDEOS: DemoVideo[] = [
  {
    slug: DEMO_COACHING_EARLIER_SLUG,
    title: DEMO_COACHING_EARLIER_TITLE,
    description:
      'Optaget til mit eget forløb med min vejleder: jeg vil give eleverne mere taletid i talsnakken. Her taler jeg selv det meste af tiden.',
    subject: 'Matematik',
    ageBand: 'kl0-3',
    methods: ['Synlig læring'],
    pillars: ['laering', 'dialog'],
    owner: DEMO_COACHING_OWNER,
    kind: 'private',
    visibility: 'private',
  },
  {
    slug: DEMO_COACHING_LATER_SLUG,
    title: DEMO_COACHING_LATER_TITLE,
    description:
      'Samme slags time seks uger senere: eleverne forklarer først for en makker, og jeg venter længere, før jeg spørger. Delt med min vejleder.',
    subject: 'Matematik',
    ageBand: 'kl0-3',
    methods: ['Synlig læring', 'Feedback'],
    pillars: ['laering', 'dialog'],
    owner: DEMO_COACHING_OWNER,
    kind: 'private',
    visibility: 'private',
  },
];

export const DEMO_COACHING_SETTING = 'demo_coaching_seeded';

/** The ids of the two demo lessons (undefined when the catalogue was seeded without them). */
export async function demoCoachingVideoIds(
  db: DbOrTx,
): Promise<{ earlier: string | undefined; later: string | undefined }> {
  const rows = await db
    .select({ id: videos.id, file: videos.originalFilename })
    .from(videos)
    .innerJoin(users, eq(users.id, videos.ownerId))
    .where(
      and(
        inArray(videos.originalFilename, [
          `demo-${DEMO_COACHING_EARLIER_SLUG}.mp4`,
          `demo-${DEMO_COACHING_LATER_SLUG}.mp4`,
        ]),
        eq(users.email, `${DEMO_COACHING_OWNER}@${DEMO_DOMAIN}`),
      ),
    );
  const by = new Map(rows.map((r) => [r.file, r.id]));
  return {
    earlier: by.get(`demo-${DEMO_COACHING_EARLIER_SLUG}.mp4`),
    later: by.get(`demo-${DEMO_COACHING_LATER_SLUG}.mp4`),
  };
}

/**
 * Once (instance setting), after the catalogue: dates the two lessons six weeks apart and shares the later one
 * with the coach (no end date). Does nothing (and is tried again next start) when the lessons are not there.
 * True when it seeded.
 */
export async function seedDemoCoaching(db: Db, opts: { now?: Date } = {}): Promise<boolean> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const ids = await demoCoachingVideoIds(tx);
    if (!ids.earlier || !ids.later) return false;
    const [first] = await tx
      .insert(instanceSettings)
      .values({ key: DEMO_COACHING_SETTING, value: now.toISOString() })
      .onConflictDoNothing()
      .returning({ key: instanceSettings.key });
    if (!first) return false;
    const people = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(
        inArray(users.email, [
          `${DEMO_COACHING_OWNER}@${DEMO_DOMAIN}`,
          `${DEMO_COACHING_COACH}@${DEMO_DOMAIN}`,
        ]),
      );
    const idOf = (local: string) => {
      const p = people.find((x) => x.email === `${local}@${DEMO_DOMAIN}`);
      if (!p) throw new Error(`demo coaching needs ${local}`);
      return p.id;
    };
    for (const [id, days] of [
      [ids.earlier, EARLIER_DAYS_AGO],
      [ids.later, LATER_DAYS_AGO],
    ] as const)
      await tx
        .update(videos)
        .set({ createdAt: new Date(now.getTime() - days * DAY) })
        .where(eq(videos.id, id));
    await tx
      .insert(videoGrants)
      .values({
        videoId: ids.later,
        granteeId: idOf(DEMO_COACHING_COACH),
        grantedBy: idOf(DEMO_COACHING_OWNER),
        createdAt: new Date(now.getTime() - (LATER_DAYS_AGO - 1) * DAY),
        expiresAt: null,
      })
      .onConflictDoNothing();
    return true;
  });
}
