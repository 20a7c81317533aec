import type { z } from 'zod';
import type { ResultGroup } from '../../../../shared/contracts/survey.js';
import {
  type RoleGroup,
  SURVEY_DIMENSIONS,
  type SurveyDimension,
  scaleScore,
} from '../../../../shared/survey.js';
import { type Atom, type Coarsening, coarsen } from '../../../privacy/suppression.js';

/**
 * The survey's figures (issue 18, S1), pure. The people behind a round's figures fall apart by institution: each
 * institution is a **population** (ADR 0009, privacy/suppression.ts), its answers broken down by department and
 * role group — the coarsening's two dimensions, most important first. `decideInstitution` keeps or withholds
 * departments and role groups from the institution's own answer counts only (never from the request), so that every
 * class holds no one or at least the round's minimum group. A line (the institution, a department, a role group,
 * a department × role group) is shown only when all its values are kept, so every figure shown — a mean, a "ved
 * ikke" share, an answer count — is a sum over whole classes, and so is every difference of two figures (the
 * institution minus its departments, staff against the whole, one question against another). A kommune's lines add
 * up its institutions' shown lines only: a withheld institution is counted nowhere.
 */

export type Score = { sum: number; n: number };
/** One group's answers, summed in SQL: how many answered, and per score the sum and count of answers having it. */
export type GroupSums = { answered: number; scores: Record<SurveyDimension, Score>; socialCapital: Score };
/** One group × scale question: answers carrying it (`rows`), of those not "ved ikke" (`n`), their values' sum. */
export type ItemSums = { rows: number; n: number; sum: number };

/** A group of one institution as the coarsening sees it. */
export type PopulationGroup = { department: string; roleGroup: RoleGroup; answered: number };

/** What an institution may show, decided once from its own answer counts. */
export type Decision = {
  /** The whole institution has fewer than the minimum: nothing of it is shown or counted anywhere. */
  withheld: boolean;
  department: (d: string) => boolean;
  role: (r: RoleGroup) => boolean;
  cell: (d: string, r: RoleGroup) => boolean;
  /** A department × role group whose class is its own (both values kept): an analysis point. */
  kept: (d: string, r: RoleGroup) => boolean;
  /** A department kept (its line shown, at least the minimum behind it): its people's open answers may show. */
  keptDepartment: (d: string) => boolean;
};

const NOTHING: Decision = {
  withheld: true,
  department: () => false,
  role: () => false,
  cell: () => false,
  kept: () => false,
  keptDepartment: () => false,
};

function decisionOf(c: Coarsening, rolesIn: Map<string, Set<string>>): Decision {
  if (c.withheld) return NOTHING;
  const seenD = (d: string) => c.seen[0].has(d);
  const seenR = (r: string) => c.seen[1].has(r);
  const keptD = (d: string) => c.kept[0].has(d);
  const keptR = (r: string) => c.kept[1].has(r);
  // A kept department whose answers are all of one role group: its cell of that role is the department's own line
  // (already shown), and its cell of the other role is empty — neither tells more than the line. So a staff
  // department stays a staff point when a small leader group withholds the role split (leaders are one group per
  // institution, never in a department).
  const onlyRole = (d: string, r: string) => {
    const roles = rolesIn.get(d);
    return !roles || !roles.has(r) || roles.size === 1;
  };
  const kept = (d: string, r: RoleGroup) =>
    keptD(d) && (keptR(r) || (rolesIn.get(d)?.has(r) === true && onlyRole(d, r)));
  return {
    withheld: false,
    // A value nobody answered in has nothing to hide: its figure is an empty sum (0 answered).
    department: (d) => !seenD(d) || keptD(d),
    role: (r) => !seenR(r) || keptR(r),
    cell: (d, r) => !seenD(d) || !seenR(r) || (keptD(d) && (keptR(r) || onlyRole(d, r))),
    kept,
    keptDepartment: keptD,
  };
}

/**
 * Decides one institution: `coarsen` over its groups with answers (an answer is one person: n stand-ins per group,
 * distinct across groups because a person answers once, in one group). When every group with answers already holds
 * at least `min`, every group is a class of its own and everything is kept — what coarsen answers, without it.
 */
export function decideInstitution(groups: PopulationGroup[], min: number): Decision {
  const withAnswers = groups.filter((x) => x.answered > 0);
  const values = (i: number) => new Set(withAnswers.map((x) => (i === 0 ? x.department : x.roleGroup)));
  const rolesIn = new Map<string, Set<string>>();
  for (const x of withAnswers)
    rolesIn.set(x.department, (rolesIn.get(x.department) ?? new Set()).add(x.roleGroup));
  if (withAnswers.every((x) => x.answered >= min))
    return decisionOf(
      { kept: [values(0), values(1)], seen: [values(0), values(1)], withheld: false },
      rolesIn,
    );
  const atoms: Atom[] = withAnswers.map((x, i) => ({
    values: [x.department, x.roleGroup],
    people: Array.from({ length: x.answered }, (_, k) => `${i}#${k}`),
  }));
  return decisionOf(coarsen(atoms, 2, min), rolesIn);
}

/** A line's running sums: the groups added into it. */
export type Line = {
  answered: number;
  invited: number;
  scores: Record<SurveyDimension, Score>;
  socialCapital: Score;
  items: Map<string, ItemSums>;
};

const zero = (): Score => ({ sum: 0, n: 0 });
export const emptyLine = (): Line => ({
  answered: 0,
  invited: 0,
  scores: Object.fromEntries(SURVEY_DIMENSIONS.map((d) => [d, zero()])) as Record<SurveyDimension, Score>,
  socialCapital: zero(),
  items: new Map(),
});

const addScore = (to: Score, s: Score) => {
  to.sum += s.sum;
  to.n += s.n;
};

/** Adds a group (its sums, its item sums, its invited) or another line into `line`. */
export function addInto(
  line: Line,
  part: { invited: number; sums?: GroupSums; items?: Map<string, ItemSums> },
): Line {
  line.invited += part.invited;
  if (part.sums) {
    line.answered += part.sums.answered;
    for (const d of SURVEY_DIMENSIONS) addScore(line.scores[d], part.sums.scores[d]);
    addScore(line.socialCapital, part.sums.socialCapital);
  }
  // In place: a kommune's lines add up tens of thousands of these per request.
  for (const [id, s] of part.items ?? []) {
    const to = line.items.get(id);
    if (!to) line.items.set(id, { rows: s.rows, n: s.n, sum: s.sum });
    else {
      to.rows += s.rows;
      to.n += s.n;
      to.sum += s.sum;
    }
  }
  return line;
}

/** A line's sums as a group's (to add a shown institution line into a kommune line). */
export const lineAsPart = (l: Line) => ({
  invited: l.invited,
  sums: { answered: l.answered, scores: l.scores, socialCapital: l.socialCapital },
  items: l.items,
});

/** A mean on 0–100 (one decimal), or null without answers. */
export const mean = (s: Score) => (s.n ? Math.round((s.sum / s.n) * 10) / 10 : null);
/** The same without rounding (the analysis fits on it). */
export const exactMean = (s: Score) => (s.n ? s.sum / s.n : null);

export type ResultLine = z.infer<typeof ResultGroup>;
export type LineLabel = Pick<ResultLine, 'institutionId' | 'institutionName' | 'department' | 'roleGroup'>;

/** A line as the contract shows it: its figures, or only its invited count when withheld (no question figures). */
export function present(label: LineLabel, line: Line, shown: boolean, itemIds: string[]): ResultLine {
  const scores = Object.fromEntries(
    SURVEY_DIMENSIONS.map((d) => [d, shown ? mean(line.scores[d]) : null]),
  ) as Record<SurveyDimension, number | null>;
  return {
    ...label,
    withheld: !shown,
    answered: shown ? line.answered : null,
    invited: line.invited,
    scores,
    socialCapital: shown ? mean(line.socialCapital) : null,
    // A withheld line has no question figures at all (an empty list, not forty empty figures).
    items: (shown ? itemIds : []).map((itemId) => {
      const s = line.items.get(itemId);
      if (!s) return { itemId, mean: null, dontKnow: null };
      const m = s.n ? Math.round(scaleScore(s.sum / s.n) * 10) / 10 : null;
      return {
        itemId,
        mean: m,
        dontKnow: s.rows ? Math.round(((s.rows - s.n) / s.rows) * 1000) / 1000 : null,
      };
    }),
  };
}

/** Danish alphabetical order (one collator: `localeCompare(…, 'da')` would make one per comparison). */
export const danish = new Intl.Collator('da').compare;

/** Danish order of department names, "Uden afdeling" ('') last. */
export const byDepartment = (x: string, y: string) =>
  x === y ? 0 : x === '' ? 1 : y === '' ? -1 : danish(x, y);
