import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.js';
import { rows } from '../../db/rows.js';

type PreviewLine = { kind: string; action: 'remove' | 'anonymise' | 'keep'; count: number | null };

/** Counted in one query: [kind, action, SQL counting rows; $id is the person]. */
const LINES: [string, PreviewLine['action'], (id: string) => ReturnType<typeof sql>][] = [
  ['videos', 'remove', (id) => sql`(select count(*) from videos where owner_id = ${id})`],
  [
    'comments_on_own_videos',
    'remove',
    (id) =>
      sql`(select count(*) from comments c join videos v on v.id = c.video_id where v.owner_id = ${id})`,
  ],
  ['profile_and_roles', 'remove', (id) => sql`(select count(*) from role_grants where user_id = ${id})`],
  ['teams', 'remove', (id) => sql`(select count(*) from team_memberships where user_id = ${id})`],
  [
    'notes_and_signals',
    'remove',
    (id) =>
      sql`((select count(*) from video_notes where user_id = ${id}) + (select count(*) from video_signals where user_id = ${id}))`,
  ],
  [
    'observation_visits',
    'remove',
    (id) => sql`(select count(*) from observation_visits where teacher_id = ${id})`,
  ],
  [
    'training',
    'remove',
    (id) =>
      sql`((select count(*) from training_requests where user_id = ${id}) + (select count(*) from training_enrolments where user_id = ${id}))`,
  ],
  ['notifications', 'remove', (id) => sql`(select count(*) from notifications where user_id = ${id})`],
  ['sessions', 'remove', (id) => sql`(select count(*) from sessions where user_id = ${id})`],
  ['exports', 'remove', (id) => sql`(select count(*) from data_exports where user_id = ${id})`],
  [
    'comments',
    'anonymise',
    (id) =>
      sql`(select count(*) from comments c left join videos v on v.id = c.video_id where c.author_id = ${id} and v.owner_id is distinct from ${id})`,
  ],
  [
    'feedback',
    'anonymise',
    (id) =>
      sql`(select count(*) from video_feedback f join videos v on v.id = f.video_id where f.author_id = ${id} and v.owner_id <> ${id})`,
  ],
  [
    'community_posts',
    'anonymise',
    (id) => sql`(select count(*) from community_posts where author_id = ${id})`,
  ],
  [
    'meeting_contributions',
    'anonymise',
    (id) => sql`(select count(*) from meeting_contributions where author_id = ${id})`,
  ],
  [
    'learning_packages',
    'anonymise',
    (id) => sql`(select count(*) from learning_packages where owner_id = ${id})`,
  ],
  [
    'courses_trained',
    'anonymise',
    (id) => sql`(select count(*) from training_course_trainers where user_id = ${id})`,
  ],
  [
    'visits_observed',
    'keep',
    (id) => sql`(select count(*) from observation_visits where observer_id = ${id} and teacher_id <> ${id})`,
  ],
  ['audit', 'keep', (id) => sql`(select count(*) from audit_log where actor_id = ${id})`],
];

/** The erasure preview's lines; the aggregates and anonymous survey answers are kept (not counted: not personal). */
export async function previewCounts(db: DbOrTx, id: string): Promise<PreviewLine[]> {
  const select = sql.join(
    LINES.map(([kind, , q]) => sql`${q(id)}::int as ${sql.identifier(kind)}`),
    sql`, `,
  );
  const [counts] = await rows<Record<string, number>>(db, sql`select ${select}`);
  return [
    ...LINES.map(([kind, action]) => ({ kind, action, count: Number(counts?.[kind] ?? 0) })),
    { kind: 'observation_aggregates', action: 'keep', count: null },
    { kind: 'survey_answers', action: 'keep', count: null },
  ];
}
