import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../../db/index.js';
import { inquiryCycles } from '../../../db/inquiry-schema.js';

/** Test helpers for tasks and evidence: a cycle row straight in the database (the cycles service is elsewhere). */
export async function makeCycle(
  db: DbOrTx,
  teamId: string,
  opts: {
    sharedWithLeaders?: boolean;
    state?: 'foer' | 'under' | 'efter' | 'afsluttet';
    title?: string;
  } = {},
): Promise<string> {
  const seriesId = randomUUID();
  const [row] = await db
    .insert(inquiryCycles)
    .values({
      id: seriesId,
      teamId,
      templateName: 'Læringscirklen',
      phases: [],
      seriesId,
      title: opts.title ?? 'Hvordan taler eleverne om matematik?',
      state: opts.state ?? 'under',
      sharedWithLeaders: opts.sharedWithLeaders ?? false,
    })
    .returning({ id: inquiryCycles.id });
  return row.id;
}
