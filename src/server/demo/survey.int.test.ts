import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/rows.js';
import { institutions, teams, users } from '../db/schema.js';
import { surveyAnswers, surveyGroups, surveyInvitations, surveyRounds } from '../db/survey-schema.js';
import { coarsen } from '../privacy/suppression.js';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { DEMO_DOMAIN } from './constants.js';
import { seedDemoSurvey } from './survey.js';

/*
 * The demo staff survey (issue 18 "Demo"): Fjordby's two closed rounds with a clear positive slope between social
 * capital and the PLF score at department level (computed here from the stored answers, independently of the
 * analysis service), some departments too small to show, and the open round in which `medarbejder` has an
 * unused invitation. Seeded once.
 */
let t: TestApp;
const NOW = new Date('2026-12-07T10:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemoSurvey(t.ctx.db, { now: NOW })).toBe(true);
}, 180_000);
afterAll(() => t?.close());

type Line = {
  institution: string;
  department: string;
  roleGroup: string;
  answers: string[];
  sc: number;
  plf: number;
};

/** Each group of a round with its answers' ids and mean scores. */
async function groupsOf(roundId: string): Promise<Line[]> {
  return rows<Line>(
    t.ctx.db,
    sql`select i.name as institution, g.department_name as department, g.role_group as "roleGroup",
          array_agg(a.id::text) as answers, avg(a.social_capital)::float8 as sc, avg(a.plf)::float8 as plf
        from survey_groups g join institutions i on i.id = g.institution_id
        join survey_answers a on a.group_id = g.id
        where g.round_id = ${roundId}
        group by i.name, g.department_name, g.role_group`,
  );
}

/**
 * The points the analysis may show: per institution, the department × role-group classes that coarsening keeps
 * whole (privacy/suppression.ts, min 5, each answer one person).
 */
function shownPoints(lines: Line[]) {
  const out: Line[] = [];
  for (const inst of new Set(lines.map((l) => l.institution))) {
    const mine = lines.filter((l) => l.institution === inst);
    const c = coarsen(
      mine.map((l) => ({ values: [l.department, l.roleGroup], people: l.answers })),
      2,
      5,
    );
    out.push(...mine.filter((l) => c.kept[0].has(l.department) && c.kept[1].has(l.roleGroup)));
  }
  return out;
}

/** Least squares of y on x, written out. */
function leastSquares(points: { x: number; y: number }[]) {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
  }
  const slope = sxy / sxx;
  return { n, slope, intercept: my - slope * mx, r2: (sxy * sxy) / (sxx * syy) };
}

async function rounds() {
  return t.ctx.db.select().from(surveyRounds).orderBy(surveyRounds.opensOn);
}

describe('the demo staff survey', () => {
  it('has two closed rounds and one open round in Fjordby Kommune, over its institutions and departments', async () => {
    const all = await rounds();
    expect(all.map((r) => [r.name, r.opensOn, r.closesOn])).toEqual([
      ['Medarbejderundersøgelse 2024', '2024-03-03', '2024-03-21'],
      ['Medarbejderundersøgelse 2025', '2025-03-03', '2025-03-21'],
      ['Medarbejderundersøgelse 2026', '2026-12-04', '2026-12-21'],
    ]);
    // Every department is a real team of type afdeling at the group's institution.
    const groups = await t.ctx.db
      .select({ name: surveyGroups.departmentName, inst: surveyGroups.institutionId, team: teams })
      .from(surveyGroups)
      .leftJoin(teams, eq(teams.id, surveyGroups.teamId));
    for (const g of groups.filter((x) => x.name !== '')) {
      expect(g.team?.type).toBe('afdeling');
      expect(g.team?.institutionId).toBe(g.inst);
      expect(g.team?.name).toBe(g.name);
    }
    expect(new Set(groups.map((g) => g.name)).size).toBeGreaterThanOrEqual(12);
  });

  it('shows a clear positive slope per role group in both closed rounds, with some departments withheld', async () => {
    const [earlier, later] = await rounds();
    for (const round of [earlier, later]) {
      const lines = await groupsOf(round.id);
      const shown = shownPoints(lines);
      const staff = leastSquares(
        shown.filter((l) => l.roleGroup === 'medarbejder').map((l) => ({ x: l.sc, y: l.plf })),
      );
      const leaders = leastSquares(
        shown.filter((l) => l.roleGroup === 'leder').map((l) => ({ x: l.sc, y: l.plf })),
      );
      console.info(round.name, JSON.stringify({ staff, leaders, withheld: lines.length - shown.length }));
      expect(staff.n).toBeGreaterThanOrEqual(8);
      expect(staff.slope).toBeGreaterThan(0.75);
      expect(staff.slope).toBeLessThan(1.05);
      expect(staff.r2).toBeGreaterThan(0.65);
      expect(staff.r2).toBeLessThan(0.95);
      expect(leaders.n).toBe(3);
      expect(leaders.slope).toBeGreaterThan(0.6);
      expect(leaders.slope).toBeLessThan(1);
      expect(leaders.r2).toBeGreaterThan(0.65);
      // Small departments (fewer than 5) and their complements are withheld.
      expect(lines.length - shown.length).toBeGreaterThanOrEqual(1);
    }
    const small = (await groupsOf(later.id)).filter((l) => l.answers.length < 5);
    expect(small.map((l) => l.department).sort()).toEqual(['SFO Solsikken', 'Ungdomsklubben']);
  });

  it('answers carry only their round, group, day and scores (on 0–100), inside the round’s days', async () => {
    const [earlier] = await rounds();
    const found = await rows<{ outside: number; bad: number }>(
      t.ctx.db,
      sql`select count(*) filter (where a.answered_on < r.opens_on or a.answered_on > r.closes_on)::int as outside,
            count(*) filter (where a.social_capital not between 0 and 100 or a.plf not between 0 and 100)::int as bad
          from survey_answers a join survey_rounds r on r.id = a.round_id`,
    );
    expect(found[0]).toEqual({ outside: 0, bad: 0 });
    const [n] = await t.ctx.db
      .select({ n: count() })
      .from(surveyAnswers)
      .where(eq(surveyAnswers.roundId, earlier.id));
    expect(n.n).toBeGreaterThan(100);
  });

  it('the open round: medarbejder has an unused invitation, a few colleagues have answered', async () => {
    const open = (await rounds())[2];
    const [mette] = await t.ctx.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, `medarbejder@${DEMO_DOMAIN}`));
    const [mine] = await t.ctx.db
      .select()
      .from(surveyInvitations)
      .where(and(eq(surveyInvitations.roundId, open.id), eq(surveyInvitations.userId, mette.id)));
    expect(mine.used).toBe(false);
    const used = await t.ctx.db
      .select({ n: count() })
      .from(surveyInvitations)
      .where(and(eq(surveyInvitations.roundId, open.id), eq(surveyInvitations.used, true)));
    const answers = await t.ctx.db
      .select({ n: count() })
      .from(surveyAnswers)
      .where(eq(surveyAnswers.roundId, open.id));
    expect(used[0].n).toBe(6);
    expect(answers[0].n).toBe(6);
    // Groups' invited counts add up to the invitations; the teachers placed in a department are in its group.
    const groups = await t.ctx.db.select().from(surveyGroups).where(eq(surveyGroups.roundId, open.id));
    const invitations = await t.ctx.db
      .select({ n: count() })
      .from(surveyInvitations)
      .where(eq(surveyInvitations.roundId, open.id));
    expect(groups.reduce((a, g) => a + g.invited, 0)).toBe(invitations[0].n);
    expect(groups.find((g) => g.departmentName === 'Indskolingen')?.invited).toBe(3);
    const lene = groups.find((g) => g.roleGroup === 'leder' && g.departmentName === '');
    expect(lene).toBeTruthy();
  });

  it('open answers speak the words of the place (børn in a dagtilbud, unge in a klub)', async () => {
    const texts = await rows<{ type: string; text: string }>(
      t.ctx.db,
      sql`select i.type, x.text from survey_answer_texts x
          join survey_groups g on g.id = x.group_id join institutions i on i.id = g.institution_id`,
    );
    const of = (type: string) => texts.filter((x) => x.type === type).map((x) => x.text.toLowerCase());
    expect(of('dagtilbud').length).toBeGreaterThan(0);
    expect(of('dagtilbud').some((x) => x.includes('børn'))).toBe(true);
    expect(of('dagtilbud').some((x) => x.includes('elev'))).toBe(false);
    expect(of('klub').some((x) => x.includes('unge'))).toBe(true);
    expect(of('klub').some((x) => x.includes('elev') || x.includes('børn'))).toBe(false);
  });

  it('seeds once: a second seed changes nothing', async () => {
    const before = await t.ctx.db.select({ n: count() }).from(surveyAnswers);
    const teamsBefore = await t.ctx.db.select({ n: count() }).from(teams);
    expect(await seedDemoSurvey(t.ctx.db, { now: NOW })).toBe(false);
    expect(await t.ctx.db.select({ n: count() }).from(surveyAnswers)).toEqual(before);
    expect(await t.ctx.db.select({ n: count() }).from(teams)).toEqual(teamsBefore);
    const places = await t.ctx.db
      .select({ n: count() })
      .from(institutions)
      .where(inArray(institutions.name, ['Solsikkeskolen', 'Kildeskolen']));
    expect(places[0].n).toBe(2);
  });
});
