import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type * as c from '../../../../shared/contracts/stories.js';
import { DEFAULT_MIN_GROUP_SIZE, type SchemaDefinition } from '../../../../shared/observation.js';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../db/rows.js';
import { hideLine } from '../../../privacy/suppression.js';

type StoryData = z.output<typeof c.StoryData>;

/**
 * A story's data before and after (ADR 0009): computed when read, from the completed, unflagged observation
 * visits linked to the story's cycle as evidence, per indicator with a number (scale, yes/no, count): the mean
 * before `splitOn` and on or after it, and how many teachers stand behind each. A figure with fewer teachers
 * than the institution's minimum group is hidden (privacy/suppression.ts) — at once, whenever a visit leaves the
 * cycle or the minimum is raised. Aggregates only: never a visit, never a teacher.
 */
export async function storyData(
  db: DbOrTx,
  story: { cycleId: string | null; dataSplitOn: string | null; institutionId: string },
): Promise<StoryData | null> {
  if (!story.cycleId || !story.dataSplitOn) return null;
  const [setting] = await rows<{ min: number }>(
    db,
    sql`select min_group_size as min from observation_settings where institution_id = ${story.institutionId}`,
  );
  const min = setting?.min ?? DEFAULT_MIN_GROUP_SIZE;
  const figures = await rows<{
    item: string;
    before: boolean;
    mean: number;
    teachers: number;
  }>(
    db,
    sql`
    select a.item_key::text as item, v.planned_for < ${story.dataSplitOn}::date as before,
      avg(a.value_num)::float8 as mean, count(distinct v.teacher_id)::int as teachers
    from inquiry_evidence e
    join observation_visits v on v.id = e.visit_id
    join observation_answers a on a.visit_id = v.id and a.pupil = 0 and a.value_num is not null
    where e.cycle_id = ${story.cycleId} and e.kind = 'visit'
      and v.kind = 'visit' and v.status = 'completed' and v.flag is null
    group by 1, 2`,
  );
  const definitions = await rows<{ definition: SchemaDefinition }>(
    db,
    sql`
    select s.definition from observation_schemas s
    where s.id in (select v.schema_id from inquiry_evidence e join observation_visits v on v.id = e.visit_id
                   where e.cycle_id = ${story.cycleId} and e.kind = 'visit')
    order by s.version desc`,
  );
  // Each indicator's words from the newest schema version that has it (keys carry over between versions).
  type Kind = StoryData['indicators'][number]['kind'];
  const items = new Map<string, { label: string; kind: Kind; scale: string | null; order: number }>();
  for (const d of definitions)
    for (const area of d.definition.focusAreas)
      for (const i of area.indicators)
        if (!items.has(i.key) && i.type !== 'text')
          items.set(i.key, {
            label: i.text,
            kind: i.type === 'scale' ? 'scale' : i.type === 'yesno' ? 'share' : 'count',
            scale: i.type === 'scale' && i.scale ? `${i.scale.min}–${i.scale.max}` : null,
            order: items.size,
          });
  const byItem = new Map<string, { before?: (typeof figures)[number]; after?: (typeof figures)[number] }>();
  for (const f of figures) {
    if (!items.has(f.item)) continue;
    const entry = byItem.get(f.item) ?? {};
    entry[f.before ? 'before' : 'after'] = f;
    byItem.set(f.item, entry);
  }
  const indicators = [...byItem.entries()]
    .sort(([a], [b]) => (items.get(a)?.order ?? 0) - (items.get(b)?.order ?? 0))
    .map(([key, e]) => {
      const cells = [e.before, e.after].map((f) => ({ people: f?.teachers ?? 0, size: f?.teachers ?? 0 }));
      // No total is shown: a line of two figures, each hidden below the minimum group.
      const hidden = hideLine(cells, true, min);
      const figure = (f: (typeof figures)[number] | undefined, hide: boolean) =>
        !f || hide
          ? { value: null, teachers: null, suppressed: !!f && hide }
          : {
              value: Math.round(Number(f.mean) * 100) / 100,
              teachers: Number(f.teachers),
              suppressed: false,
            };
      const item = items.get(key) as { label: string; kind: Kind; scale: string | null };
      return {
        label: item.label,
        kind: item.kind,
        scale: item.scale,
        before: figure(e.before, hidden[0]),
        after: figure(e.after, hidden[1]),
      };
    });
  return { splitOn: story.dataSplitOn, minGroup: min, indicators };
}
