import {
  decide,
  institutionIdsWithRole,
  isAdmin,
  isForvaltningOf,
  isLederOf,
  isMemberOf,
} from './predicates.js';
import type { Actor, Decision } from './types.js';

/**
 * Rules for the staff survey (issue 18, S1–S2). Pure, like the rest of the policy; every survey service asks here
 * before it reads or writes. A thing the actor may not know of is 404 (never a 403 that tells it exists).
 * - Questionnaires: the instance's (kommuneId null) are read by every forvaltning and by administrators, and
 *   edited (drafts, new versions, publishing) by administrators; a kommune's are read and edited by its
 *   forvaltning (administrators read them). A published version is never edited (the service says so).
 * - Rounds: made, moved, closed and reminded by the kommune's forvaltning. A round's detail (summary and response
 *   counts) is read by the forvaltning and by leders and ressourcepersoner of an institution it asked — their own
 *   institutions' lines only. Everyone at an asked institution sees it in the institution's list (its name,
 *   days and state), to find their own results.
 * - Code list: forvaltning for any asked institution, a leder for their own.
 * - Results, once closed: forvaltning the kommune's (all institutions); everyone at an institution (leder,
 *   ressourceperson, medarbejder) their own institution's. Analysis: forvaltning. An institution's trend: its
 *   people and the kommune's forvaltning.
 * Administrators have no place in a kommune's rounds, answers or results.
 */

/** A questionnaire version as the policy sees it: whose it is (null: the instance's). */
export type SurveyQuestionnaireRef = { kommuneId: string | null };
/** A round as the policy sees it: its kommune and the institutions it asked. */
export type SurveyRoundRef = { kommuneId: string; institutionIds: readonly string[] };

const signedIn = (a: Actor) => a.id !== '';
const leadsOrGuides = (a: Actor, institutionId: string) =>
  isLederOf(a, institutionId) || institutionIdsWithRole(a, 'ressourceperson').includes(institutionId);

/** May the actor read this questionnaire version (and list it)? */
export function readsQuestionnaire(a: Actor, q: SurveyQuestionnaireRef): boolean {
  if (!signedIn(a)) return false;
  if (isAdmin(a)) return true;
  if (q.kommuneId === null) return a.grants.some((g) => g.role === 'forvaltning');
  return isForvaltningOf(a, q.kommuneId);
}

/** May the actor edit drafts of, make new versions for, publish and delete drafts of this owner's questionnaires? */
export function editsQuestionnaire(a: Actor, q: SurveyQuestionnaireRef): boolean {
  if (!signedIn(a)) return false;
  return q.kommuneId === null ? isAdmin(a) : isForvaltningOf(a, q.kommuneId);
}

/** May the actor make, move, close and remind the kommune's rounds (and list them all)? */
export const managesRounds = (a: Actor, kommuneId: string) => signedIn(a) && isForvaltningOf(a, kommuneId);

/** The asked institutions whose lines the actor may read in a round's detail ('all': the forvaltning). */
export function roundInstitutionsSeen(a: Actor, r: SurveyRoundRef): 'all' | string[] {
  if (managesRounds(a, r.kommuneId)) return 'all';
  if (!signedIn(a)) return [];
  return r.institutionIds.filter((id) => leadsOrGuides(a, id));
}

/** May the actor read the round's detail (summary and response counts)? */
export function seesRound(a: Actor, r: SurveyRoundRef): boolean {
  const seen = roundInstitutionsSeen(a, r);
  return seen === 'all' || seen.length > 0;
}

/** May the actor list the rounds that asked this institution? Everyone at it, and the kommune's forvaltning. */
export const listsInstitutionRounds = (a: Actor, inst: { id: string; kommuneId: string }) =>
  signedIn(a) && (isMemberOf(a, inst.id) || isForvaltningOf(a, inst.kommuneId));

/** May the actor print fresh codes for this asked institution's staff? */
export function printsCodes(a: Actor, r: SurveyRoundRef, institutionId: string): boolean {
  if (!signedIn(a) || !r.institutionIds.includes(institutionId)) return false;
  return managesRounds(a, r.kommuneId) || isLederOf(a, institutionId);
}

/**
 * May the actor read the round's results for this institution (null: the whole kommune)? Only the kommune's
 * forvaltning reads the whole; an institution's people read their own institution's. The round must also be
 * closed (the results service checks that: survey.results_not_ready).
 */
export function readsResults(a: Actor, r: SurveyRoundRef, institutionId: string | null): boolean {
  if (!signedIn(a)) return false;
  if (managesRounds(a, r.kommuneId))
    return institutionId === null || r.institutionIds.includes(institutionId);
  return institutionId !== null && r.institutionIds.includes(institutionId) && isMemberOf(a, institutionId);
}

/** May the actor see a round at all in a results context (a 404 otherwise)? Some institution's results. */
export const readsSomeResults = (a: Actor, r: SurveyRoundRef) =>
  managesRounds(a, r.kommuneId) || r.institutionIds.some((id) => readsResults(a, r, id));

/** May the actor read the kommune's department analysis? */
export const analyses = (a: Actor, kommuneId: string) => managesRounds(a, kommuneId);

/** May the actor read the institution's own trend? Its people and the kommune's forvaltning. */
export const readsInstitutionTrend = (a: Actor, inst: { id: string; kommuneId: string }) =>
  listsInstitutionRounds(a, inst);

export type SurveyAction =
  | 'questionnaire.read'
  | 'questionnaire.edit'
  | 'round.read'
  | 'round.manage'
  | 'round.codes'
  | 'round.results';

/**
 * The same rules as a decision (hidden → 404, forbidden → 403): on a questionnaire, or on a round with an
 * institution (codes, results; null: the kommune's whole).
 */
export function decideSurvey(
  a: Actor,
  action: SurveyAction,
  r: { questionnaire: SurveyQuestionnaireRef } | { round: SurveyRoundRef; institutionId?: string | null },
): Decision {
  if ('questionnaire' in r) {
    const visible = readsQuestionnaire(a, r.questionnaire);
    if (action === 'questionnaire.read') return decide(visible, true);
    if (action === 'questionnaire.edit') return decide(visible, editsQuestionnaire(a, r.questionnaire));
    return decide(visible, false);
  }
  const { round } = r;
  const institutionId = r.institutionId ?? null;
  switch (action) {
    case 'round.read':
      return decide(seesRound(a, round), true);
    case 'round.manage':
      return decide(seesRound(a, round), managesRounds(a, round.kommuneId));
    case 'round.codes':
      return decide(
        seesRound(a, round) || readsSomeResults(a, round),
        !!institutionId && printsCodes(a, round, institutionId),
      );
    case 'round.results':
      return decide(readsSomeResults(a, round), readsResults(a, round, institutionId));
    default:
      return decide(false, false);
  }
}
