import type { z } from 'zod';
import type { InstitutionTrend, Results, RoundSummary } from '../../../../shared/contracts/survey.js';
import { ROLE_GROUPS, type RoleGroup, SURVEY_DIMENSIONS } from '../../../../shared/survey.js';
import type { DbOrTx } from '../../../db/index.js';
import { AppError } from '../../../http/errors.js';
import type { Actor } from '../../../policy/index.js';
import {
  managesRounds,
  readsInstitutionTrend,
  readsResults,
  readsSomeResults,
} from '../../../policy/rules-survey.js';
import { danishToday, roundState } from '../days.js';
import {
  addInto,
  byDepartment,
  type Decision,
  danish,
  decideInstitution,
  emptyLine,
  type GroupSums,
  type ItemSums,
  type Line,
  lineAsPart,
  mean,
  present,
  type ResultLine,
} from './figures.js';
import * as repo from './repo.js';
import { closedRoundSums, type RoundSums } from './sums.js';

/**
 * Results of a closed round (issue 18, S1): the kommune's (its forvaltning) or one institution's (its people and
 * the forvaltning), every line decided through figures.ts; and an institution's own trend over the closed rounds
 * that asked it. Figures come from per-group sums (repo.ts), never from single answers.
 */

export type ResultsOut = z.infer<typeof Results>;
export type RoundSummaryOut = z.infer<typeof RoundSummary>;

/** A round whose last day has passed (or that was closed early), on a Danish day. */
export const isClosed = (r: { opensOn: string; closedOn: string | null; closesOn: string }, today: string) =>
  roundState(r, today) === 'closed';

export function roundSummary(actor: Actor, r: repo.RoundRow, today: string): RoundSummaryOut {
  return {
    id: r.id,
    kommuneId: r.kommuneId,
    name: r.name,
    opensOn: r.opensOn,
    closesOn: r.closesOn,
    closedOn: r.closedOn,
    state: roundState(r, today),
    minGroup: r.minGroup,
    questionnaire: { id: r.questionnaireId, name: r.questionnaireName, version: r.questionnaireVersion },
    institutionCount: r.institutionIds.length,
    invited: r.invited,
    answered: r.answered,
    version: r.version,
    canManage: managesRounds(actor, r.kommuneId),
  };
}

/** The round's data, grouped per institution: groups with their sums. */
export type RoundData = {
  groups: repo.GroupRow[];
  sums: Map<string, GroupSums>;
  items?: Map<string, Map<string, ItemSums>>;
};

export type InstitutionFigures = {
  institutionId: string;
  decision: Decision;
  total: Line;
  roles: Map<RoleGroup, Line>;
  departments: Map<string, Line>;
  cells: Map<string, Line>;
  groups: repo.GroupRow[];
};

const cellKey = (d: string, r: RoleGroup) => `${d}\u0001${r}`;

/** One institution's lines (summed from its groups) and what it may show. */
export function institutionFigures(
  institutionId: string,
  data: RoundData,
  minGroup: number,
): InstitutionFigures {
  const groups = data.groups.filter((x) => x.institutionId === institutionId);
  const decision = decideInstitution(
    groups.map((x) => ({
      department: x.department,
      roleGroup: x.roleGroup,
      answered: data.sums.get(x.id)?.answered ?? 0,
    })),
    minGroup,
  );
  const total = emptyLine();
  const roles = new Map<RoleGroup, Line>();
  const departments = new Map<string, Line>();
  const cells = new Map<string, Line>();
  const get = <K>(m: Map<K, Line>, k: K) => {
    let l = m.get(k);
    if (!l) {
      l = emptyLine();
      m.set(k, l);
    }
    return l;
  };
  for (const x of groups) {
    const part = { invited: x.invited, sums: data.sums.get(x.id), items: data.items?.get(x.id) };
    addInto(total, part);
    addInto(get(roles, x.roleGroup), part);
    addInto(get(departments, x.department), part);
    addInto(get(cells, cellKey(x.department, x.roleGroup)), part);
  }
  return { institutionId, decision, total, roles, departments, cells, groups };
}

const roleOrder = (m: Map<RoleGroup, Line>) => ROLE_GROUPS.filter((r) => m.has(r));

/** An institution's lines: its whole, its role groups, then each department and its role groups. */
function institutionLines(f: InstitutionFigures, name: string, itemIds: string[]): ResultLine[] {
  const d = f.decision;
  const label = (department: string | null, roleGroup: RoleGroup | null) => ({
    institutionId: f.institutionId,
    institutionName: name,
    department,
    roleGroup,
  });
  const out = [present(label(null, null), f.total, !d.withheld, itemIds)];
  for (const r of roleOrder(f.roles))
    out.push(present(label(null, r), f.roles.get(r) as Line, d.role(r), itemIds));
  for (const dep of [...f.departments.keys()].sort(byDepartment)) {
    out.push(present(label(dep, null), f.departments.get(dep) as Line, d.department(dep), itemIds));
    for (const r of ROLE_GROUPS) {
      const cell = f.cells.get(cellKey(dep, r));
      if (cell) out.push(present(label(dep, r), cell, d.cell(dep, r), itemIds));
    }
  }
  return out;
}

/** Which institution's results: the one asked for; else the kommune (forvaltning) or the asker's own one. */
function scopeOf(actor: Actor, r: repo.RoundRow, asked: string | undefined): string | null {
  if (asked !== undefined || managesRounds(actor, r.kommuneId)) return asked ?? null;
  const own = r.institutionIds.filter((id) => readsResults(actor, r, id));
  return own.length === 1 ? own[0] : null;
}

/**
 * The results of a round for `actor`: the kommune's (institutionId absent, forvaltning) or one institution's.
 * Someone who may read none of the round's results: survey.round_not_found; results of another institution than
 * their own: survey.institution_not_found; a round not closed yet: survey.results_not_ready (409).
 */
export async function results(
  db: DbOrTx,
  actor: Actor,
  roundId: string,
  asked?: string,
  now?: Date,
): Promise<ResultsOut> {
  return (await resultsAndScope(db, actor, roundId, asked, now)).results;
}

/** The results and the name of their whole (the kommune's or the institution's): for the exports. */
export async function resultsAndScope(
  db: DbOrTx,
  actor: Actor,
  roundId: string,
  asked?: string,
  now?: Date,
): Promise<{ results: ResultsOut; scopeName: string }> {
  const r = await repo.round(db, roundId);
  if (!r || !readsSomeResults(actor, r)) throw new AppError('survey.round_not_found');
  const institutionId = scopeOf(actor, r, asked);
  if (!readsResults(actor, r, institutionId)) throw new AppError('survey.institution_not_found');
  const today = danishToday(now);
  if (!isClosed(r, today)) throw new AppError('survey.results_not_ready');
  const [groups, byRound, allItems] = await Promise.all([
    repo.groups(db, [r.id], institutionId ?? undefined),
    closedRoundSums(db, [r.id]),
    repo.items(db, r.questionnaireId),
  ]);
  const { sums, items } = byRound.get(r.id) as RoundSums;
  const scale = allItems.filter((x) => x.kind === 'scale').map((x) => x.id);
  const instIds = institutionId ? [institutionId] : r.institutionIds;
  const names = await repo.institutionNames(db, instIds);
  const data = { groups, sums, items };
  const figures = instIds
    .map((id) => institutionFigures(id, data, r.minGroup))
    .sort((x, y) => danish(names.get(x.institutionId) ?? '', names.get(y.institutionId) ?? ''));

  const lines: ResultLine[] = [];
  if (!institutionId) {
    // The kommune's whole and role groups: sums of the institutions' shown lines only.
    // A kommune line with answers behind it but none in a shown institution line is withheld (not "0 answered").
    const whole = emptyLine();
    let wholeHidden = 0;
    const roles = new Map<RoleGroup, Line>();
    const rolesHidden = new Map<RoleGroup, number>();
    for (const f of figures) {
      if (!f.decision.withheld) addInto(whole, lineAsPart(f.total));
      else wholeHidden += f.total.answered;
      for (const [role, line] of f.roles) {
        if (!roles.has(role)) roles.set(role, emptyLine());
        if (f.decision.role(role)) addInto(roles.get(role) as Line, lineAsPart(line));
        else rolesHidden.set(role, (rolesHidden.get(role) ?? 0) + line.answered);
      }
    }
    const shows = (l: Line, hidden: number) => l.answered > 0 || hidden === 0;
    const label = (roleGroup: RoleGroup | null) => ({
      institutionId: null,
      institutionName: null,
      department: null,
      roleGroup,
    });
    lines.push(present(label(null), whole, shows(whole, wholeHidden), scale));
    for (const role of roleOrder(roles)) {
      const l = roles.get(role) as Line;
      lines.push(present(label(role), l, shows(l, rolesHidden.get(role) ?? 0), scale));
    }
  }
  for (const f of figures) lines.push(...institutionLines(f, names.get(f.institutionId) ?? '', scale));

  // Open answers: only from departments kept (shown, at least the minimum behind them) of institutions shown, and
  // shown per institution — never per department or role group, never beside a withheld line.
  const textGroups = figures.flatMap((f) =>
    f.groups.filter((x) => f.decision.keptDepartment(x.department)).map((x) => x.id),
  );
  const found = await repo.texts(db, r.id, textGroups);
  const instOf = new Map(groups.map((x) => [x.id, x.institutionId]));
  const texts = new Map<string, { itemId: string; institutionName: string; texts: string[] }>();
  for (const t of found) {
    const inst = instOf.get(t.groupId) as string;
    const key = `${inst}\u0001${t.itemId}`;
    let entry = texts.get(key);
    if (!entry) {
      entry = { itemId: t.itemId, institutionName: names.get(inst) ?? '', texts: [] };
      texts.set(key, entry);
    }
    entry.texts.push(t.text);
  }
  const position = new Map(allItems.map((x) => [x.id, x.position]));
  const out: ResultsOut = {
    round: roundSummary(actor, r, today),
    items: allItems.map(({ id, key, position, kind, dimension, textDa, textEn }) => ({
      id,
      key,
      position,
      kind,
      dimension,
      textDa,
      textEn,
    })),
    groups: lines,
    texts: [...texts.values()]
      .sort(
        (x, y) =>
          danish(x.institutionName, y.institutionName) ||
          (position.get(x.itemId) ?? 0) - (position.get(y.itemId) ?? 0),
      )
      .map((x) => ({
        itemId: x.itemId,
        institutionName: x.institutionName,
        department: null,
        texts: x.texts.sort((a, b) => danish(a, b)),
      })),
  };
  return { results: out, scopeName: institutionId ? (names.get(institutionId) ?? '') : r.kommuneName };
}

const TREND_ROUNDS = 20;

/**
 * An institution's own trend (its people and its kommune's forvaltning; others institution.not_found): per closed
 * round that asked it, newest last, its whole's scores — or withheld, as in the round's results.
 */
export async function institutionTrend(
  db: DbOrTx,
  actor: Actor,
  institutionId: string,
  now?: Date,
): Promise<z.infer<typeof InstitutionTrend>> {
  const inst = await repo.institution(db, institutionId);
  if (!inst || !readsInstitutionTrend(actor, inst)) throw new AppError('survey.institution_not_found');
  const rounds = (await repo.closedRoundsOf(db, inst.id, danishToday(now), TREND_ROUNDS)).reverse();
  const ids = rounds.map((x) => x.id);
  const [groups, sums] = await Promise.all([repo.groups(db, ids, inst.id), repo.groupSums(db, ids, inst.id)]);
  return {
    rounds: rounds.map((r) => {
      const f = institutionFigures(
        inst.id,
        { groups: groups.filter((x) => x.roundId === r.id), sums },
        r.minGroup,
      );
      const shown = !f.decision.withheld;
      return {
        roundId: r.id,
        name: r.name,
        closesOn: r.closedOn ?? r.closesOn,
        withheld: !shown,
        answered: shown ? f.total.answered : null,
        scores: Object.fromEntries(
          SURVEY_DIMENSIONS.map((d) => [d, shown ? mean(f.total.scores[d]) : null]),
        ) as Record<(typeof SURVEY_DIMENSIONS)[number], number | null>,
        socialCapital: shown ? mean(f.total.socialCapital) : null,
      };
    }),
  };
}
