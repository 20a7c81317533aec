import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationPackages } from '../../db/conversations-schema.js';
import { teamMeetings } from '../../db/inquiry-schema.js';
import { progressionConferences, progressionGroups } from '../../db/progression-schema.js';
import { teamMemberships, teams } from '../../db/schema.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { API, addItem, item, YEAR } from './evaluation.testing.js';

/*
 * P1: an item of the year wheel links the meeting records it is analysed in — found near its analysis day — and
 * only the records the reader may open: a class conference (per-child data: the class team, leders, delegated
 * ressourcepersoner; never forvaltning), a team meeting (its members only) and a learning conversation with
 * forvaltning (forvaltning, and leders once shared).
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
let sol: string;
/** Records near the default item's analysis day (2032-04-05, school year 2031/32), made straight in the tables. */
const rec = { teamId: '', groupId: '', conferenceId: '', meetingId: '', conversationId: '' };

type Link = { kind: string; path: string };

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  sol = ids.institution.Solsikkeskolen;
  for (const who of ['leder', 'medarbejder', 'forvaltning']) c[who] = await t.as(who);
  const db = t.ctx.db;
  const [team] = await db
    .select({ id: teams.id })
    .from(teams)
    .innerJoin(teamMemberships, eq(teamMemberships.teamId, teams.id))
    .where(and(eq(teams.institutionId, sol), eq(teamMemberships.userId, ids.user.medarbejder)))
    .limit(1);
  rec.teamId = team.id;
  const [group] = await db
    .insert(progressionGroups)
    .values({ institutionId: sol, teamId: team.id, name: 'Prøveklassen', schoolYear: YEAR })
    .returning();
  rec.groupId = group.id;
  const [conf] = await db
    .insert(progressionConferences)
    .values({ groupId: group.id, heldOn: '2032-04-08', snapshot: {} as never })
    .returning();
  rec.conferenceId = conf.id;
  const [meeting] = await db
    .insert(teamMeetings)
    .values({
      teamId: team.id,
      title: 'Teammøde om elevernes opgaver',
      startsAt: new Date('2032-04-06T12:00:00Z'),
    })
    .returning();
  rec.meetingId = meeting.id;
  const [conversation] = await db
    .insert(conversationPackages)
    .values({ institutionId: sol, title: 'Læringssamtale foråret 2032', plannedOn: '2032-04-10' })
    .returning();
  rec.conversationId = conversation.id;
});
afterAll(() => t?.close());

/** The meeting links of one item in `who`'s wheel, as "kind path". */
const links = async (who: string, itemId: string) => {
  const res = await c[who].get(`${API}/evaluation/wheel?institutionId=${sol}&year=${YEAR}`);
  expect(res.statusCode).toBe(200);
  const found = res.json().items.find((x: { id: string }) => x.id === itemId);
  expect(found).toBeDefined();
  return found.meetings.map((m: Link) => `${m.kind} ${m.path}`);
};
const add = (extra: Record<string, unknown>) =>
  addItem(c.leder, item({ scope: 'institution', ownerId: sol }, extra)).then((x) => x.id);

describe('meeting records beside a wheel item (analysed 2032-04-05)', () => {
  it('a class conference of the team: the team and leders see the link, forvaltning never; not 14+ days away', async () => {
    const id = await add({ meetingKind: 'laeringssamtale', meetingTeamId: rec.teamId });
    const link = `conference /progression/grupper/${rec.groupId}/samtaler/${rec.conferenceId}`;
    expect(await links('leder', id)).toEqual([link]);
    expect(await links('medarbejder', id)).toEqual([link]);
    expect(await links('forvaltning', id)).toEqual([]);
    const far = await add({
      analyseOn: '2032-03-20',
      meetingKind: 'laeringssamtale',
      meetingTeamId: rec.teamId,
    });
    expect(await links('leder', far)).toEqual([]);
  });

  it("a team meeting: the team's members see the link, the leder does not", async () => {
    const id = await add({ meetingKind: 'teammoede', meetingTeamId: rec.teamId });
    expect(await links('medarbejder', id)).toEqual([`team_meeting /moede/${rec.meetingId}`]);
    expect(await links('leder', id)).toEqual([]);
  });

  it('a learning conversation with forvaltning: forvaltning, leders once it is shared, never the staff', async () => {
    const id = await add({ meetingKind: 'laeringssamtale' });
    const link = `conversation /laeringssamtaler/${rec.conversationId}`;
    expect(await links('forvaltning', id)).toEqual([link]);
    expect(await links('leder', id)).toEqual([]);
    await t.ctx.db
      .update(conversationPackages)
      .set({ state: 'shared', snapshot: [], sharedAt: new Date() })
      .where(eq(conversationPackages.id, rec.conversationId));
    expect(await links('leder', id)).toEqual([link]);
    expect(await links('medarbejder', id)).toEqual([]);
  });
});
