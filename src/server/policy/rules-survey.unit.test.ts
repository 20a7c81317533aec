import { describe, expect, it } from 'vitest';
import {
  analyses,
  decideSurvey,
  editsQuestionnaire,
  listsInstitutionRounds,
  printsCodes,
  readsInstitutionTrend,
  readsQuestionnaire,
  readsResults,
  roundInstitutionsSeen,
  seesRound,
} from './rules-survey.js';
import type { Actor, Grant } from './types.js';

/* The survey's rules (issue 18), allow and deny for every role: same kommune/institution and another. */
const K = 'k1';
const K2 = 'k2';
const I = 'i1';
const I2 = 'i2'; // asked too, same kommune
const X = 'x1'; // another kommune's institution
const g = (role: Grant['role'], kommuneId: string | null, institutionId: string | null): Grant => ({
  role,
  kommuneId,
  institutionId,
});
const actor = (...grants: Grant[]): Actor => ({ id: 'u', grants });
const A = {
  administrator: actor(g('administrator', null, null)),
  redaktoer: actor(g('redaktoer', null, null)),
  forvaltning: actor(g('forvaltning', K, null)),
  forvaltningOther: actor(g('forvaltning', K2, null)),
  leder: actor(g('leder', K, I)),
  lederOther: actor(g('leder', K2, X)),
  ressourceperson: actor(g('ressourceperson', K, I)),
  medarbejder: actor(g('medarbejder', K, I)),
  medarbejderI2: actor(g('medarbejder', K, I2)),
  anonymous: { id: '', grants: [] } as Actor,
};
const round = { kommuneId: K, institutionIds: [I, I2] };

describe('questionnaires', () => {
  it('the instance’s: read by administrators and every forvaltning, edited by administrators only', () => {
    const q = { kommuneId: null };
    const read = Object.entries(A)
      .filter(([, a]) => readsQuestionnaire(a, q))
      .map(([n]) => n);
    expect(read).toEqual(['administrator', 'forvaltning', 'forvaltningOther']);
    const edit = Object.entries(A)
      .filter(([, a]) => editsQuestionnaire(a, q))
      .map(([n]) => n);
    expect(edit).toEqual(['administrator']);
  });
  it('a kommune’s: read by its forvaltning and administrators, edited by its forvaltning only', () => {
    const q = { kommuneId: K };
    expect(
      Object.entries(A)
        .filter(([, a]) => readsQuestionnaire(a, q))
        .map(([n]) => n),
    ).toEqual(['administrator', 'forvaltning']);
    expect(
      Object.entries(A)
        .filter(([, a]) => editsQuestionnaire(a, q))
        .map(([n]) => n),
    ).toEqual(['forvaltning']);
    expect(decideSurvey(A.forvaltningOther, 'questionnaire.edit', { questionnaire: q })).toBe('hidden');
    expect(decideSurvey(A.administrator, 'questionnaire.edit', { questionnaire: q })).toBe('forbidden');
    expect(decideSurvey(A.forvaltning, 'questionnaire.edit', { questionnaire: q })).toBe('allow');
  });
});

describe('rounds', () => {
  it('the detail: forvaltning all lines; leders and ressourcepersoner their own institution’s; nobody else', () => {
    expect(roundInstitutionsSeen(A.forvaltning, round)).toBe('all');
    expect(roundInstitutionsSeen(A.leder, round)).toEqual([I]);
    expect(roundInstitutionsSeen(A.ressourceperson, round)).toEqual([I]);
    for (const who of [
      'administrator',
      'redaktoer',
      'forvaltningOther',
      'lederOther',
      'medarbejder',
      'anonymous',
    ] as const)
      expect(seesRound(A[who], round), who).toBe(false);
  });
  it('managing: the kommune’s forvaltning only; a leder who sees the round is forbidden, others hidden', () => {
    expect(decideSurvey(A.forvaltning, 'round.manage', { round })).toBe('allow');
    expect(decideSurvey(A.leder, 'round.manage', { round })).toBe('forbidden');
    expect(decideSurvey(A.ressourceperson, 'round.manage', { round })).toBe('forbidden');
    for (const who of ['administrator', 'forvaltningOther', 'medarbejder', 'lederOther'] as const)
      expect(decideSurvey(A[who], 'round.manage', { round }), who).toBe('hidden');
  });
  it('listing an institution’s rounds: everyone at it and the forvaltning', () => {
    const inst = { id: I, kommuneId: K };
    const yes = Object.entries(A)
      .filter(([, a]) => listsInstitutionRounds(a, inst))
      .map(([n]) => n);
    expect(yes).toEqual(['forvaltning', 'leder', 'ressourceperson', 'medarbejder']);
  });
  it('code lists: forvaltning for any asked institution, a leder for their own, nobody for one not asked', () => {
    expect(printsCodes(A.forvaltning, round, I2)).toBe(true);
    expect(printsCodes(A.forvaltning, round, X)).toBe(false);
    expect(printsCodes(A.leder, round, I)).toBe(true);
    expect(printsCodes(A.leder, round, I2)).toBe(false);
    expect(decideSurvey(A.ressourceperson, 'round.codes', { round, institutionId: I })).toBe('forbidden');
    expect(decideSurvey(A.medarbejder, 'round.codes', { round, institutionId: I })).toBe('forbidden');
    expect(decideSurvey(A.lederOther, 'round.codes', { round, institutionId: I })).toBe('hidden');
    expect(decideSurvey(A.administrator, 'round.codes', { round, institutionId: I })).toBe('hidden');
  });
  it('results: forvaltning the whole and each institution; an institution’s people their own only', () => {
    expect(readsResults(A.forvaltning, round, null)).toBe(true);
    expect(readsResults(A.forvaltning, round, I2)).toBe(true);
    for (const who of ['leder', 'ressourceperson', 'medarbejder'] as const) {
      expect(readsResults(A[who], round, I), who).toBe(true);
      expect(readsResults(A[who], round, I2), who).toBe(false);
      expect(readsResults(A[who], round, null), who).toBe(false);
      expect(decideSurvey(A[who], 'round.results', { round, institutionId: I2 }), who).toBe('forbidden');
    }
    for (const who of ['administrator', 'forvaltningOther', 'lederOther', 'anonymous'] as const)
      expect(decideSurvey(A[who], 'round.results', { round, institutionId: I }), who).toBe('hidden');
  });
  it('analysis: the kommune’s forvaltning; trend: the institution’s people and forvaltning', () => {
    expect(
      Object.entries(A)
        .filter(([, a]) => analyses(a, K))
        .map(([n]) => n),
    ).toEqual(['forvaltning']);
    expect(readsInstitutionTrend(A.medarbejder, { id: I, kommuneId: K })).toBe(true);
    expect(readsInstitutionTrend(A.medarbejderI2, { id: I, kommuneId: K })).toBe(false);
    expect(readsInstitutionTrend(A.administrator, { id: I, kommuneId: K })).toBe(false);
  });
});
