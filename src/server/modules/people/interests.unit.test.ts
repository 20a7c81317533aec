import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../auth/session-cache.js';
import { DAGTILBUD_THEMES, suggestInterests, teamBands } from './interests.js';

type Grant = SessionUser['grants'][number];
const grant = (institutionId: string, type: Grant['institutionType']): Grant => ({
  id: `g-${institutionId}`,
  role: 'medarbejder',
  institutionId,
  institutionName: institutionId,
  institutionType: type,
  kommuneId: 'k',
  kommuneName: 'K',
});
const team = (name: string, institutionId: string) => ({
  id: `t-${name}`,
  name,
  type: 'afdeling' as const,
  institutionId,
});

describe('teamBands: what a team name tells', () => {
  it.each([
    ['3. årgang', ['kl0-3']],
    ['4.–6. klasse', ['kl4-6']],
    ['5.-8. årgang', ['kl4-6', 'kl7-10']],
    ['Udskolingen', ['kl7-10']],
    ['Dansk på mellemtrinnet', ['kl4-6']],
    ['Indskolingsteamet', ['kl0-3']],
    ['Børnehaveklassen', ['kl0-3']],
    ['Vuggestuen', ['0-2']],
    ['Børnehaven', ['3-5']],
    ['Klubteamet', ['klub']],
    ['Matematikteamet', []],
    ['Ledelsesteamet', []],
    ['12. årgang', []],
  ])('%s → %j', (name, bands) => expect(teamBands(name)).toEqual(bands));
});

describe('suggestInterests', () => {
  it('a pædagog in a vuggestue: 0–2 years and the læreplanstemaer', () => {
    expect(suggestInterests({ grants: [grant('b', 'dagtilbud')], teams: [team('Vuggestuen', 'b')] })).toEqual(
      { ageBands: ['0-2'], subjectLabels: DAGTILBUD_THEMES },
    );
  });
  it('a pædagog without a telling team: every dagtilbud age band', () => {
    expect(suggestInterests({ grants: [grant('b', 'dagtilbud')], teams: [] }).ageBands).toEqual([
      '0-2',
      '3-5',
    ]);
  });
  it('a teacher: the grades their teams tell, no subjects; else every school band', () => {
    const s = suggestInterests({
      grants: [grant('s', 'skole')],
      teams: [team('Matematikteamet', 's'), team('3. årgang', 's')],
    });
    expect(s).toEqual({ ageBands: ['kl0-3'], subjectLabels: [] });
    expect(suggestInterests({ grants: [grant('s', 'skole')], teams: [] }).ageBands).toEqual([
      'kl0-3',
      'kl4-6',
      'kl7-10',
    ]);
  });
  it('a team at another institution, or telling a band the type does not have, does not count', () => {
    const s = suggestInterests({
      grants: [grant('s', 'skole')],
      teams: [team('Vuggestuen', 's'), team('3. årgang', 'other')],
    });
    expect(s.ageBands).toEqual(['kl0-3', 'kl4-6', 'kl7-10']);
  });
  it('a klub: klub ages', () => {
    expect(suggestInterests({ grants: [grant('k', 'klub')], teams: [] }).ageBands).toEqual(['klub']);
  });
  it('several places: the union; a fællesfunktion or no institution narrows nothing', () => {
    expect(suggestInterests({ grants: [grant('b', 'dagtilbud'), grant('k', 'klub')], teams: [] })).toEqual({
      ageBands: ['0-2', '3-5', 'klub'],
      subjectLabels: [],
    });
    expect(
      suggestInterests({ grants: [grant('s', 'skole'), grant('f', 'faellesfunktion')], teams: [] }),
    ).toEqual({ ageBands: [], subjectLabels: [] });
    expect(suggestInterests({ grants: [], teams: [] })).toEqual({ ageBands: [], subjectLabels: [] });
  });
});
