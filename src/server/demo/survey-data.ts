import type { InstitutionType } from '../../shared/constants.js';
import {
  type RoleGroup,
  SCALE_MAX,
  SCALE_MIN,
  SOCIAL_CAPITAL_DIMENSIONS,
  type SurveyDimension,
  scaleScore,
} from '../../shared/survey.js';

/*
 * The demo staff survey's data (issue 18 "Demo"): Fjordby Kommune's departments, how many answered in the two
 * closed rounds, and the level each department's answers are drawn around. Levels are chosen so that, department
 * by department, the PLF score follows social capital with a slope near the seed's (+0.9 for staff, +0.8 for
 * leaders) and about 80 % explained; each answer is then drawn around its department's level by a seeded PRNG, so
 * the demo is the same every time. Small groups (fewer than 5 answers) are there on purpose: the results and the
 * analysis withhold them.
 */

/** mulberry32: the same demo every time. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A normal draw (Box–Muller) from a uniform source. */
function normal(rnd: () => number) {
  const u = Math.max(rnd(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

/** Fjordby's departments: teams of type afdeling the demo makes where they are missing. */
export const DEMO_DEPARTMENTS: Record<string, string[]> = {
  Solsikkeskolen: ['Indskolingen', 'Mellemtrinnet', 'Udskolingen', 'SFO Solsikken'],
  Kildeskolen: ['Yngste afdeling', 'Mellemste afdeling', 'Ældste afdeling', 'SFO Kildehuset'],
  'Børnehuset Mælkebøtten': ['Vuggestuen', 'Børnehaven'],
  'Klub Lynet': ['Klubteamet', 'Juniorklubben', 'Ungdomsklubben'],
};

/** Demo teachers placed in a department (the open round's groups follow them). */
export const DEMO_DEPARTMENT_MEMBERS: Record<string, string[]> = {
  Indskolingen: ['laerer1', 'laerer2', 'laerer3'],
  Mellemtrinnet: ['laerer4', 'laerer5'],
  Udskolingen: ['laerer6', 'laerer7'],
  'Yngste afdeling': ['laerer8', 'laerer9', 'laerer10', 'laerer11', 'laerer12'],
  'Ældste afdeling': ['laerer13', 'laerer14'],
};

/**
 * A group of a closed round: its institution, department ('' for the leaders, who belong to no department),
 * role group, answers in the later and the earlier round, the social-capital level and the PLF level's distance
 * from the fitted line in the later round (the earlier round is a little lower for most).
 */
type DemoGroup = {
  institution: string;
  department: string;
  roleGroup: RoleGroup;
  answered: [later: number, earlier: number];
  level: number;
  off: number;
  /** The earlier round's level, when it differs from `level - 3`. */
  earlier?: number;
};

export const DEMO_GROUPS: DemoGroup[] = (
  [
    // institution, department, role group, [answers later, earlier], level, off (, earlier level)
    ['Solsikkeskolen', 'Indskolingen', 'medarbejder', [14, 13], 68, 3],
    ['Solsikkeskolen', 'Mellemtrinnet', 'medarbejder', [12, 12], 61, -4],
    ['Solsikkeskolen', 'Udskolingen', 'medarbejder', [13, 11], 55, 2, 49],
    ['Solsikkeskolen', 'SFO Solsikken', 'medarbejder', [4, 6], 58, 0],
    ['Solsikkeskolen', '', 'leder', [6, 6], 70, 2],
    ['Kildeskolen', 'Yngste afdeling', 'medarbejder', [11, 10], 72, -2],
    ['Kildeskolen', 'Mellemste afdeling', 'medarbejder', [9, 10], 64, 4],
    ['Kildeskolen', 'Ældste afdeling', 'medarbejder', [12, 11], 50, -3, 52],
    ['Kildeskolen', 'SFO Kildehuset', 'medarbejder', [7, 6], 60, 2],
    ['Kildeskolen', '', 'leder', [5, 5], 76, -1],
    ['Børnehuset Mælkebøtten', 'Vuggestuen', 'medarbejder', [8, 7], 75, 1],
    ['Børnehuset Mælkebøtten', 'Børnehaven', 'medarbejder', [11, 10], 70, -3, 63],
    ['Børnehuset Mælkebøtten', '', 'leder', [5, 5], 62, -1],
    ['Klub Lynet', 'Klubteamet', 'medarbejder', [7, 6], 57, -2],
    ['Klub Lynet', 'Juniorklubben', 'medarbejder', [6, 6], 66, 3],
    ['Klub Lynet', 'Ungdomsklubben', 'medarbejder', [3, 4], 48, 0],
  ] as [string, string, RoleGroup, [number, number], number, number, number?][]
).map(([institution, department, roleGroup, answered, level, off, earlier]) => ({
  institution,
  department,
  roleGroup,
  answered,
  level,
  off,
  earlier,
}));

/** The department-level line the levels are drawn around, per role group: PLF = centre + slope × (SC − centre). */
const DEMO_LINE: Record<RoleGroup, { slope: number; centre: number }> = {
  medarbejder: { slope: 0.9, centre: 62 },
  leder: { slope: 0.8, centre: 68 },
};

/** Of every 100 asked, about this many answered (invited counts of the closed rounds). */
const RESPONSE_RATE = 0.82;
export const invitedFor = (answered: number) => Math.max(answered, Math.round(answered / RESPONSE_RATE));

/** The levels of a group in a round (0: the later, 1: the earlier). */
export function groupLevels(g: DemoGroup, round: 0 | 1): { sc: number; plf: number } {
  const line = DEMO_LINE[g.roleGroup];
  const sc = round === 0 ? g.level : (g.earlier ?? g.level - 3);
  return { sc, plf: line.centre + line.slope * (sc - line.centre) + g.off };
}

/** Dimensions a little apart from each other, as real answers are (trust highest, involvement lowest). */
const DIMENSION_OFFSET: Record<SurveyDimension, number> = {
  tillid: 5,
  kerneopgave: 1,
  ledelse: -2,
  involvering: -4,
  plf: 0,
};

export type DemoItem = { id: string; kind: 'scale' | 'text'; dimension: SurveyDimension | null };
export type DemoAnswer = {
  values: { itemId: string; value: number | null }[];
  scores: Record<SurveyDimension, number | null> & { socialCapital: number | null };
};

/** A 0–100 level as a 1–5 answer, rounded up or down at random so that the mean stays where it was. */
function asScale(level: number, rnd: () => number) {
  const x = SCALE_MIN + ((SCALE_MAX - SCALE_MIN) * Math.min(100, Math.max(0, level))) / 100;
  const low = Math.floor(x);
  return Math.min(SCALE_MAX, low + (rnd() < x - low ? 1 : 0));
}

/**
 * An answer's scores as the answering service stores them: per dimension the mean of its questions on 0–100
 * ("ved ikke" left out; null when all were), social capital the mean of the four dimensions answered.
 */
function scoresOf(items: DemoItem[], values: { itemId: string; value: number | null }[]) {
  const dim = new Map(items.map((i) => [i.id, i.dimension]));
  const sums = new Map<SurveyDimension, number[]>();
  for (const v of values) {
    const d = dim.get(v.itemId);
    if (!d || v.value === null) continue;
    sums.set(d, [...(sums.get(d) ?? []), scaleScore(v.value)]);
  }
  const mean = (xs: number[] | undefined) => (xs?.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const scores = Object.fromEntries(
    (['tillid', 'kerneopgave', 'ledelse', 'involvering', 'plf'] as const).map((d) => [d, mean(sums.get(d))]),
  ) as Record<SurveyDimension, number | null>;
  const sc = SOCIAL_CAPITAL_DIMENSIONS.map((d) => scores[d]).filter((x): x is number => x !== null);
  return { ...scores, socialCapital: mean(sc) };
}

/**
 * `n` answers around a group's levels: each person's own level (drawn, then centred so the group's mean stays on
 * the department's level), each question drawn around it, now and then "ved ikke".
 */
export function drawAnswers(
  n: number,
  levels: { sc: number; plf: number },
  items: DemoItem[],
  rnd: () => number,
): DemoAnswer[] {
  const people = Array.from({ length: n }, () => ({ u: normal(rnd) * 10, w: normal(rnd) * 7 }));
  const mu = people.reduce((a, p) => a + p.u, 0) / Math.max(1, n);
  const mw = people.reduce((a, p) => a + p.w, 0) / Math.max(1, n);
  const scale = items.filter((i) => i.kind === 'scale');
  const drawn = people.map((p) => {
    const sc = levels.sc + p.u - mu;
    const plf = levels.plf + 0.5 * (p.u - mu) + p.w - mw;
    const values = scale.map((i) => {
      if (rnd() < 0.03) return { itemId: i.id, value: null };
      const base = i.dimension === 'plf' ? plf : sc + DIMENSION_OFFSET[i.dimension ?? 'plf'];
      return { itemId: i.id, value: asScale(base + normal(rnd) * 8, rnd) };
    });
    return values;
  });
  // Rounding wanders: answers are nudged, one question at a time, until the group's means are on its levels.
  nudge(drawn, items, true, levels.plf, rnd);
  nudge(drawn, items, false, levels.sc, rnd);
  return drawn.map((values) => ({ values, scores: scoresOf(items, values) }));
}

type Values = { itemId: string; value: number | null }[];

/** Moves single answers one step up or down until the group's mean PLF (or social capital) is within a point. */
function nudge(answers: Values[], items: DemoItem[], plf: boolean, target: number, rnd: () => number) {
  const mine = new Set(
    items
      .filter((i) => i.kind === 'scale' && i.dimension && (i.dimension === 'plf') === plf)
      .map((i) => i.id),
  );
  for (let step = 0; step < 400; step++) {
    const got = answers
      .map((a) => scoresOf(items, a))
      .map((s) => (plf ? s.plf : s.socialCapital))
      .filter((x): x is number => x !== null);
    const diff = target - got.reduce((a, b) => a + b, 0) / Math.max(1, got.length);
    if (Math.abs(diff) < 1) return;
    const dir = diff > 0 ? 1 : -1;
    const can = answers.flatMap((a) =>
      a.filter(
        (v) =>
          mine.has(v.itemId) && v.value !== null && v.value + dir >= SCALE_MIN && v.value + dir <= SCALE_MAX,
      ),
    );
    if (!can.length) return;
    const v = can[Math.floor(rnd() * can.length)];
    v.value = (v.value as number) + dir;
  }
}

/** Open answers in the words of the place (elever, børn, unge). */
const TEXTS: Record<'skole' | 'dagtilbud' | 'klub', string[]> = {
  skole: [
    'Vi lærer meget af at se hinandens undervisning, men der er for sjældent tid til det.',
    'Teammøderne handler mest om praktiske ting. Jeg savner at tale om elevernes læring.',
    'Det er godt, at ledelsen spørger, hvad vi ser i klasserne, før der bliver besluttet noget.',
    'Vi deler mange gode materialer på tværs af årgangene.',
    'Data fra de nationale test bliver brugt mere til kontrol end til at blive klogere sammen.',
  ],
  dagtilbud: [
    'Vi taler ofte om børnenes trivsel på stuemøderne, og det gør en forskel.',
    'Jeg vil gerne have mere tid til at observere hinanden i legen.',
    'Vuggestuen og børnehaven kunne lære mere af hinanden ved overgangene.',
    'Lederen er god til at spørge ind til, hvad vi oplever med børnene.',
  ],
  klub: [
    'Vi snakker meget om de unge, der er svære at nå, og det hjælper.',
    'De unge går mellem juniorklubben og ungdomsklubben, men vi voksne taler for lidt sammen.',
    'Jeg vil gerne have mere sparring om, hvordan vi møder de unge på aftenvagterne.',
  ],
};

export const demoTexts = (type: InstitutionType) =>
  TEXTS[type === 'dagtilbud' ? 'dagtilbud' : type === 'klub' ? 'klub' : 'skole'];
