import { describe, expect, it } from 'vitest';
import type { RawRow } from './csv.js';
import { clean, type ExistingPerson, type Lookups, type ManagedInstitution, planImport } from './plan.js';

const sol: ManagedInstitution = {
  id: 'i-sol',
  name: 'Solsikkeskolen',
  kommuneId: 'k-fjord',
  kommuneName: 'Fjordby Kommune',
  teams: [
    { id: 't-mat', name: 'Matematikteamet' },
    { id: 't-3', name: '3. årgang' },
  ],
};
const maelk: ManagedInstitution = {
  id: 'i-maelk',
  name: 'Børnehuset Mælkebøtten',
  kommuneId: 'k-fjord',
  kommuneName: 'Fjordby Kommune',
  teams: [],
};

let nextLine = 2;
function row(values: Partial<RawRow['values']>, extraFields = false): RawRow {
  return {
    line: nextLine++,
    values: {
      name: 'Anna',
      email: 'anna@x.dk',
      institution: 'Solsikkeskolen',
      team: '',
      role: 'medarbejder',
      ...values,
    },
    extraFields,
  };
}

function lookups(over: Partial<Lookups> = {}): Lookups {
  return { institutions: [sol, maelk], existing: new Map(), mayGrant: () => true, ...over };
}

const errorsOf = (rows: RawRow[], l = lookups()) =>
  planImport(rows, l, 'da').rows.map((r) => r.errors.map((e) => [e.column, e.code, e.message]));

describe('clean', () => {
  it('trims and collapses whitespace, line breaks and control characters', () => {
    expect(clean('  Anna \t\n  Berg\u0000x ')).toBe('Anna Berg x');
  });
});

describe('planImport', () => {
  it('plans a valid row as create with canonical institution, team and role names', () => {
    const plan = planImport(
      [
        row({
          name: ' Anna   Berg ',
          institution: 'SOLSIKKESKOLEN',
          team: 'matematikteamet | 3. ÅRGANG|',
          role: 'Medarbejder',
        }),
      ],
      lookups(),
      'da',
    );
    expect(plan.rows[0]).toMatchObject({
      name: 'Anna Berg',
      institution: 'Solsikkeskolen',
      team: 'Matematikteamet|3. årgang',
      role: 'medarbejder',
      action: 'create',
      errors: [],
    });
    expect(plan.targets[0]).toMatchObject({
      addGrant: true,
      addTeamIds: ['t-mat', 't-3'],
      role: 'medarbejder',
    });
    expect(plan.summary).toEqual({ total: 1, valid: 1, invalid: 0, create: 1, update: 0, unchanged: 0 });
  });

  it('keeps HTML in names as plain text', () => {
    const plan = planImport([row({ name: '<script>alert(1)</script> <b>Bo</b>' })], lookups(), 'da');
    expect(plan.rows[0].name).toBe('<script>alert(1)</script> <b>Bo</b>');
    expect(plan.rows[0].errors).toEqual([]);
  });

  it('reports each bad field in Danish', () => {
    expect(
      errorsOf([
        row({ name: '', email: 'ikke-en-mail', institution: 'Bakkeskolen', role: 'chef' }),
        row({ name: 'x'.repeat(201), email: '', institution: '', role: '' }),
        row({ team: 'Matematikteamet|Fodboldholdet' }),
      ]),
    ).toEqual([
      [
        ['navn', 'import.name_required', 'Navn mangler.'],
        ['e-mail', 'import.email_invalid', '»ikke-en-mail« er ikke en gyldig e-mailadresse.'],
        ['institution', 'import.institution_unknown', 'Ukendt institution »Bakkeskolen«.'],
        [
          'rolle',
          'import.role_invalid',
          'Ukendt rolle »chef«. Brug Leder, Ressourceperson eller Medarbejder.',
        ],
      ],
      [
        ['navn', 'import.name_too_long', 'Navnet er for langt (højst 200 tegn).'],
        ['e-mail', 'import.email_required', 'E-mail mangler.'],
        ['institution', 'import.institution_required', 'Institution mangler.'],
        ['rolle', 'import.role_required', 'Rolle mangler.'],
      ],
      [['team', 'import.team_unknown', 'Teamet »Fodboldholdet« findes ikke på Solsikkeskolen.']],
    ]);
  });

  it('answers in English when asked', () => {
    const plan = planImport([row({ role: 'boss' })], lookups(), 'en');
    expect(plan.rows[0].errors[0].message).toBe(
      'Unknown role “boss”. Use Leder, Ressourceperson or Medarbejder.',
    );
  });

  it('accepts only institution roles', () => {
    expect(errorsOf([row({ role: 'administrator' })])[0][0][1]).toBe('import.role_invalid');
  });

  it('marks later duplicates of an e-mail (any case) with the first line', () => {
    const rows = [row({ email: 'bo@x.dk' }), row({ email: 'BO@x.dk ' }), row({ email: 'bo@x.dk' })];
    const plan = planImport(rows, lookups(), 'da');
    expect(plan.rows.map((r) => r.errors.map((e) => e.message))).toEqual([
      [],
      [`E-mailadressen står allerede i linje ${rows[0].line}.`],
      [`E-mailadressen står allerede i linje ${rows[0].line}.`],
    ]);
    expect(plan.summary).toMatchObject({ total: 3, valid: 1, invalid: 2, create: 1 });
  });

  it('flags a line with extra fields', () => {
    expect(errorsOf([row({}, true)])[0][0].slice(0, 2)).toEqual(['', 'import.too_many_fields']);
  });

  it('needs the kommune to tell apart two institutions with the same name', () => {
    const other = { ...sol, id: 'i-sol2', kommuneId: 'k-bakke', kommuneName: 'Bakkedal Kommune' };
    const l = lookups({ institutions: [sol, other] });
    expect(errorsOf([row({})], l)[0][0][1]).toBe('import.institution_ambiguous');
    const plan = planImport([row({ institution: 'solsikkeskolen (bakkedal kommune)' })], l, 'da');
    expect(plan.targets[0].institution.id).toBe('i-sol2');
  });

  it('refuses a role the policy does not let the actor grant', () => {
    const l = lookups({ mayGrant: (role) => role !== 'leder' });
    expect(errorsOf([row({ role: 'Leder' })], l)[0][0][1]).toBe('import.role_forbidden');
  });

  it('plans existing visible people as update or unchanged, invisible ones as create', () => {
    const person = (p: Partial<ExistingPerson>): ExistingPerson => ({
      id: 'u',
      visible: true,
      grants: [],
      teamIds: new Set(),
      ...p,
    });
    const existing = new Map([
      ['same@x.dk', person({ id: 'u1', grants: [{ role: 'medarbejder', institutionId: 'i-sol' }] })],
      [
        'team@x.dk',
        person({
          id: 'u2',
          grants: [{ role: 'medarbejder', institutionId: 'i-sol' }],
          teamIds: new Set(['t-mat']),
        }),
      ],
      ['newrole@x.dk', person({ id: 'u3', grants: [{ role: 'medarbejder', institutionId: 'i-sol' }] })],
      [
        'hidden@x.dk',
        person({ id: 'u4', visible: false, grants: [{ role: 'leder', institutionId: 'i-bakke' }] }),
      ],
    ]);
    const plan = planImport(
      [
        row({ email: 'Same@x.dk' }),
        row({ email: 'team@x.dk', team: 'Matematikteamet|3. årgang' }),
        row({ email: 'newrole@x.dk', role: 'ressourceperson' }),
        row({ email: 'hidden@x.dk' }),
      ],
      lookups({ existing }),
      'da',
    );
    expect(plan.rows.map((r) => r.action)).toEqual(['unchanged', 'update', 'update', 'create']);
    expect(plan.targets.map((t) => [t.existing?.id, t.addGrant, t.addTeamIds])).toEqual([
      ['u1', false, []],
      ['u2', false, ['t-3']],
      ['u3', true, []],
      ['u4', true, []],
    ]);
    expect(plan.summary).toEqual({ total: 4, valid: 4, invalid: 0, create: 1, update: 2, unchanged: 1 });
  });
});
