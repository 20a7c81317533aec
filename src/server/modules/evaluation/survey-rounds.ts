import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.js';
import { rows } from '../../db/rows.js';
import type { ItemOut } from './present.js';

/**
 * The staff survey's rounds in a year wheel (issue 18 item 5): a kommune's rounds as read-only items of kind
 * 'medarbejderundersoegelse' from the kommune, collecting from the day a round opens to the day it closes (or was
 * closed). An institution's wheel shows the rounds that ask it; the kommune's wheel all of its rounds. Only what a
 * round is and when — who answered is the survey's own business. `surveyRoundId` lets the web link to the survey.
 */
export async function surveyRoundItems(
  db: DbOrTx,
  where: { kommuneId: string; institutionId?: string },
  bounds: { from: string; to: string },
): Promise<ItemOut[]> {
  const found = await rows<{
    id: string;
    name: string;
    kommuneName: string;
    opensOn: string;
    closesOn: string;
    version: number;
    createdAt: Date | string;
  }>(
    db,
    sql`select r.id, r.name, k.name as "kommuneName", r.opens_on::text as "opensOn",
          coalesce(r.closed_on, r.closes_on)::text as "closesOn", r.version, r.created_at as "createdAt"
        from survey_rounds r join kommuner k on k.id = r.kommune_id
        where r.kommune_id = ${where.kommuneId}
          and r.opens_on <= ${bounds.to}::date and coalesce(r.closed_on, r.closes_on) >= ${bounds.from}::date
          ${
            where.institutionId
              ? sql`and exists (select 1 from survey_round_institutions ri
                   where ri.round_id = r.id and ri.institution_id = ${where.institutionId})`
              : sql``
          }
        order by r.opens_on, r.name
        limit 50`,
  );
  return found.map((r) => ({
    id: r.id,
    planId: r.id,
    scope: 'kommune',
    ownerId: where.kommuneId,
    ownerName: r.kommuneName,
    title: r.name,
    kind: 'medarbejderundersoegelse',
    groups: '',
    responsible: null,
    responsibleText: '',
    collectFrom: r.opensOn,
    collectTo: r.closesOn,
    analyseOn: null,
    meetingKind: null,
    meetingTeam: null,
    note: '',
    remindCollectDays: null,
    remindAnalysisDays: null,
    version: r.version,
    updatedAt: new Date(r.createdAt),
    canEdit: false,
    surveyRoundId: r.id,
  }));
}

/** Items in the wheel's order: by the day collecting starts (a stable sort: the plans' own order otherwise). */
export const byStart = (a: ItemOut, b: ItemOut) => a.collectFrom.localeCompare(b.collectFrom);
