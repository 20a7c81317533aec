import type { z } from 'zod';
import type { Analysis } from '../../../../shared/contracts/survey.js';
import { AARHUS_REFERENCE, ROLE_GROUPS, type RoleGroup } from '../../../../shared/survey.js';
import type { DbOrTx } from '../../../db/index.js';
import { AppError } from '../../../http/errors.js';
import type { Actor } from '../../../policy/index.js';
import { analyses } from '../../../policy/rules-survey.js';
import { danishToday } from '../days.js';
import { byDepartment, danish, exactMean } from '../results/figures.js';
import * as repo from '../results/repo.js';
import { type InstitutionFigures, institutionFigures, isClosed, roundSummary } from '../results/service.js';
import { leastSquares } from './fit.js';

/**
 * The department analysis (issue 18, S2), for the kommune's forvaltning: per department × role group of a closed
 * round, social capital against the PLF score — only for groups whose class the institution's coarsening keeps (at
 * least the minimum, and not giving away a smaller group) — a least-squares line per role group over those points,
 * the seed's Aarhus reference, and year over year per department and role group across the kommune's closed
 * rounds up to this one (matched by institution and department name). Per-group sums only (results/repo.ts).
 */

export type AnalysisOut = z.infer<typeof Analysis>;

/** How many earlier closed rounds the year-over-year view reaches back (this one included). */
const TREND_ROUNDS = 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const cellKey = (d: string, r: RoleGroup) => `${d}\u0001${r}`;

type Cell = {
  department: string;
  roleGroup: RoleGroup;
  answered: number;
  socialCapital: number | null;
  plf: number | null;
};

/** The shown department × role group figures of one institution in one round (withheld: null means). */
function shownCells(f: InstitutionFigures): (Cell & { shown: boolean })[] {
  const out: (Cell & { shown: boolean })[] = [];
  for (const dep of [...f.departments.keys()].sort(byDepartment))
    for (const role of ROLE_GROUPS) {
      const line = f.cells.get(cellKey(dep, role));
      if (!line) continue;
      const shown = f.decision.cell(dep, role) && line.answered > 0;
      out.push({
        department: dep,
        roleGroup: role,
        answered: line.answered,
        socialCapital: shown ? exactMean(line.socialCapital) : null,
        plf: shown ? exactMean(line.scores.plf) : null,
        shown,
      });
    }
  return out;
}

export async function analysis(
  db: DbOrTx,
  actor: Actor,
  kommuneId: string,
  roundId?: string,
  now?: Date,
): Promise<AnalysisOut> {
  const k = await repo.kommune(db, kommuneId);
  if (!k || !analyses(actor, k.id)) throw new AppError('survey.kommune_not_found');
  const today = danishToday(now);
  let r: repo.RoundRow | undefined;
  if (roundId) {
    r = await repo.round(db, roundId);
    if (!r || r.kommuneId !== k.id) throw new AppError('survey.round_not_found');
    if (!isClosed(r, today)) throw new AppError('survey.results_not_ready');
  } else [r] = await repo.closedRounds(db, k.id, today, { limit: 1 });
  if (!r) throw new AppError('survey.results_not_ready');
  const chosen = r;

  // The rounds of the year-over-year view: the kommune's closed rounds up to this one (this one always in).
  const earlier = await repo.closedRounds(db, k.id, today, { upTo: chosen.opensOn, limit: TREND_ROUNDS });
  const rounds = [chosen, ...earlier.filter((x) => x.id !== chosen.id)]
    .slice(0, TREND_ROUNDS)
    .sort((a, b) => (a.opensOn < b.opensOn ? -1 : a.opensOn > b.opensOn ? 1 : 0));
  const ids = rounds.map((x) => x.id);
  const [groups, sums] = await Promise.all([repo.groups(db, ids), repo.groupSums(db, ids)]);
  const names = await repo.institutionNames(db, [...new Set(groups.map((g) => g.institutionId))]);

  const perRound = new Map<string, { institutionId: string; cells: (Cell & { shown: boolean })[] }[]>();
  for (const round of rounds) {
    const data = { groups: groups.filter((g) => g.roundId === round.id), sums };
    const insts = [...new Set(data.groups.map((g) => g.institutionId))];
    perRound.set(
      round.id,
      insts.map((id) => ({
        institutionId: id,
        cells: shownCells(institutionFigures(id, data, round.minGroup)),
      })),
    );
  }

  const points: AnalysisOut['points'] = [];
  let withheldDepartments = 0;
  for (const inst of perRound.get(chosen.id) ?? [])
    for (const cell of inst.cells) {
      if (!cell.shown) {
        if (cell.answered > 0) withheldDepartments++;
        continue;
      }
      if (cell.socialCapital === null || cell.plf === null) continue;
      points.push({
        institutionName: names.get(inst.institutionId) ?? '',
        department: cell.department,
        roleGroup: cell.roleGroup,
        answered: cell.answered,
        socialCapital: cell.socialCapital,
        plf: cell.plf,
      });
    }
  points.sort(
    (a, b) =>
      danish(a.institutionName, b.institutionName) ||
      byDepartment(a.department, b.department) ||
      ROLE_GROUPS.indexOf(a.roleGroup) - ROLE_GROUPS.indexOf(b.roleGroup),
  );
  const fits = Object.fromEntries(
    ROLE_GROUPS.map((role) => [
      role,
      leastSquares(points.filter((p) => p.roleGroup === role).map((p) => ({ x: p.socialCapital, y: p.plf }))),
    ]),
  ) as AnalysisOut['fits'];

  // Year over year: per institution, department and role group, its figure in each round that had the group.
  const trend = new Map<string, AnalysisOut['trend'][number]>();
  for (const round of rounds)
    for (const inst of perRound.get(round.id) ?? [])
      for (const cell of inst.cells) {
        const key = `${inst.institutionId}\u0001${cellKey(cell.department, cell.roleGroup)}`;
        let entry = trend.get(key);
        if (!entry) {
          entry = {
            institutionName: names.get(inst.institutionId) ?? '',
            department: cell.department,
            roleGroup: cell.roleGroup,
            rounds: [],
          };
          trend.set(key, entry);
        }
        entry.rounds.push({
          roundId: round.id,
          name: round.name,
          opensOn: round.opensOn,
          socialCapital: cell.socialCapital === null ? null : round2(cell.socialCapital),
          plf: cell.plf === null ? null : round2(cell.plf),
        });
      }

  return {
    round: roundSummary(actor, chosen, today),
    points: points.map((p) => ({ ...p, socialCapital: round2(p.socialCapital), plf: round2(p.plf) })),
    fits,
    withheldDepartments,
    reference: {
      medarbejder: { ...AARHUS_REFERENCE.medarbejder },
      leder: { ...AARHUS_REFERENCE.leder },
      source: AARHUS_REFERENCE.source,
    },
    trend: [...trend.values()]
      .filter((e) => e.rounds.some((x) => x.socialCapital !== null || x.plf !== null))
      .sort(
        (a, b) =>
          danish(a.institutionName, b.institutionName) ||
          byDepartment(a.department, b.department) ||
          ROLE_GROUPS.indexOf(a.roleGroup) - ROLE_GROUPS.indexOf(b.roleGroup),
      ),
  };
}
