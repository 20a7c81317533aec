import { and, desc, eq, inArray } from 'drizzle-orm';
import { videoFeedback } from '../db/coaching-schema.js';
import type { Db } from '../db/index.js';
import { observationSchemas } from '../db/observation-schema.js';
import { instanceSettings, users } from '../db/schema.js';
import { videos } from '../db/videos-schema.js';
import { DEMO_COACHING_COACH, DEMO_COACHING_OWNER, demoCoachingVideoIds } from './coaching.js';
import { DEMO_DOMAIN } from './constants.js';

/*
 * Typed feedback in the demo (issue 19 part B): ressourceperson's comments on medarbejder's later, shared lesson
 * (DEMO_COACHING_LATER_TITLE in coaching.ts) — a styrke, a spørgsmål and a forslag at times in it, two tied to
 * one of Solsikkeskolen's learning focus areas; medarbejder's reply to the question, and the strength marked
 * "drøftet". The demo lessons are short generated clips (6–10 s), so the times are within the first seconds.
 */
export const DEMO_COACHING_FEEDBACK_SETTING = 'demo_coaching_feedback_seeded';
const MINUTE = 60_000;

/** Once (instance setting), after seedDemoCoaching. Tried again next start while the lesson is missing. */
export async function seedDemoCoachingFeedback(db: Db, opts: { now?: Date } = {}): Promise<boolean> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const { later } = await demoCoachingVideoIds(tx);
    if (!later) return false;
    const [first] = await tx
      .insert(instanceSettings)
      .values({ key: DEMO_COACHING_FEEDBACK_SETTING, value: now.toISOString() })
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
    const idOf = (local: string) => people.find((p) => p.email === `${local}@${DEMO_DOMAIN}`)?.id ?? null;
    const owner = idOf(DEMO_COACHING_OWNER);
    const coach = idOf(DEMO_COACHING_COACH);
    if (!owner || !coach) return false;
    const [video] = await tx
      .select({ institutionId: videos.institutionId })
      .from(videos)
      .where(eq(videos.id, later));
    // The school's current learning focus (observation O1): its newest schema's first area, when it has one.
    const [schema] = await tx
      .select({ definition: observationSchemas.definition })
      .from(observationSchemas)
      .where(and(eq(observationSchemas.institutionId, video.institutionId)))
      .orderBy(desc(observationSchemas.version))
      .limit(1);
    const focus = schema?.definition.focusAreas[0]?.key ?? null;
    const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * MINUTE);
    const [strength, question] = await tx
      .insert(videoFeedback)
      .values([
        {
          videoId: later,
          authorId: coach,
          atSeconds: 1,
          kind: 'strength',
          focusAreaKey: focus,
          body: 'Du venter længe, efter du har stillet spørgsmålet — og tre elever rækker hånden, som ikke sagde noget i første optagelse.',
          createdAt: at(3 * 24 * 60),
          updatedAt: at(3 * 24 * 60),
          discussedAt: at(2 * 24 * 60),
          discussedBy: owner,
        },
        {
          videoId: later,
          authorId: coach,
          atSeconds: 2.5,
          kind: 'question',
          focusAreaKey: focus,
          body: 'Hvad hørte du makkerparrene sige til hinanden her? Var der nogen, der forklarede på en ny måde?',
          createdAt: at(3 * 24 * 60 - 5),
          updatedAt: at(3 * 24 * 60 - 5),
        },
        {
          videoId: later,
          authorId: coach,
          atSeconds: 4,
          kind: 'suggestion',
          body: 'Prøv at lade en elev gentage makkerens forklaring for klassen, før du selv siger noget.',
          createdAt: at(3 * 24 * 60 - 9),
          updatedAt: at(3 * 24 * 60 - 9),
        },
      ])
      .returning({ id: videoFeedback.id });
    await tx.insert(videoFeedback).values({
      videoId: later,
      authorId: owner,
      parentId: question.id,
      body: 'To af drengene brugte tallinjen til at forklare 7 + 5 — det har jeg ikke set dem gøre før. Det tager vi op på mandag.',
      createdAt: at(2 * 24 * 60),
      updatedAt: at(2 * 24 * 60),
    });
    return !!strength;
  });
}
