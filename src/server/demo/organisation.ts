import { inArray, sql } from 'drizzle-orm';
import type { Pillar } from '../../shared/catalogue.js';
import type { InstitutionType, Role, TeamType } from '../../shared/constants.js';
import { hashPassword } from '../auth/crypto.js';
import type { Db, DbOrTx } from '../db/index.js';
import { getSetting, setSetting } from '../db/instance.js';
import { institutions, kommuner, roleGrants, teamMemberships, teams, users } from '../db/schema.js';
import { DEMO_DOMAIN, DEMO_PASSWORD } from './constants.js';
import { DEMO_STAFF_SETTING, seedDemoStaff } from './training.js';

type DemoAccount = { email: string; name: string; role: Role; at?: string; teams?: string[] };

/** The accounts the README lists; every one signs in with DEMO_PASSWORD, in demo mode only. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'administrator', name: 'Asta Administrator', role: 'administrator' },
  { email: 'forvaltning', name: 'Frederik Holm', role: 'forvaltning', at: 'Fjordby Kommune' },
  { email: 'leder', name: 'Lene Dalgaard', role: 'leder', at: 'Solsikkeskolen', teams: ['Ledelsesteamet'] },
  {
    email: 'ressourceperson',
    name: 'Rasmus Kjær',
    role: 'ressourceperson',
    at: 'Solsikkeskolen',
    teams: ['Matematikteamet'],
  },
  {
    email: 'medarbejder',
    name: 'Mette Nørgaard',
    role: 'medarbejder',
    at: 'Solsikkeskolen',
    teams: ['Matematikteamet', '3. årgang'],
  },
  { email: 'redaktoer', name: 'Rikke Bech', role: 'redaktoer' },
  {
    email: 'medarbejder2',
    name: 'Mads Østergaard',
    role: 'medarbejder',
    at: 'Børnehuset Mælkebøtten',
    teams: ['Vuggestuen'],
  },
  { email: 'leder2', name: 'Lise Frandsen', role: 'leder', at: 'Børnehuset Mælkebøtten' },
  // In another kommune (Bakkedal): finds Kildeskolen's practice story and starts a cycle from it.
  {
    email: 'medarbejder3',
    name: 'Tobias Kragh',
    role: 'medarbejder',
    at: 'Bakkeskolen',
    teams: ['Naturfagsteamet'],
  },
].map((a) => ({ ...a, email: `${a.email}@${DEMO_DOMAIN}` }) as DemoAccount);

/**
 * Fjordby names the PLF pillars in its own words, after the house an Aarhus-like kommune builds on (seed 002);
 * Bakkedal keeps the defaults (src/shared/pillars.ts).
 */
const FJORDBY_PILLARS: Record<Pillar, string> = {
  vision: 'Fælles værdier og vision',
  laering: 'Børn og unges læring og udvikling i centrum',
  samarbejde: 'Samarbejde om opgaven',
  dialog: 'Reflekterende dialoger',
  deprivatisering: 'En stærkere professionel dømmekraft',
};
const KOMMUNER = [
  { name: 'Fjordby Kommune', code: '901', pillarLabels: FJORDBY_PILLARS },
  { name: 'Bakkedal Kommune', code: '902' },
];
const INSTITUTIONS: { name: string; type: InstitutionType; kommune: string; teams: [string, TeamType][] }[] =
  [
    {
      name: 'Solsikkeskolen',
      type: 'skole',
      kommune: 'Fjordby Kommune',
      teams: [
        ['Matematikteamet', 'fagteam'],
        ['Dansk på mellemtrinnet', 'fagteam'],
        ['3. årgang', 'aargangsteam'],
        ['Udskolingen', 'afdeling'],
        ['Ledelsesteamet', 'ledelsesteam'],
      ],
    },
    {
      name: 'Børnehuset Mælkebøtten',
      type: 'dagtilbud',
      kommune: 'Fjordby Kommune',
      teams: [
        ['Vuggestuen', 'afdeling'],
        ['Børnehaven', 'afdeling'],
      ],
    },
    { name: 'Klub Lynet', type: 'klub', kommune: 'Fjordby Kommune', teams: [['Klubteamet', 'afdeling']] },
    { name: 'Pædagogisk Udviklingscenter', type: 'faellesfunktion', kommune: 'Fjordby Kommune', teams: [] },
    {
      name: 'Bakkeskolen',
      type: 'skole',
      kommune: 'Bakkedal Kommune',
      teams: [['Naturfagsteamet', 'fagteam']],
    },
  ];
/** Colleagues without sign-in, so lists look like a real school. */
const COLLEAGUES: [string, string][] = [
  ['Anders Lund', 'Solsikkeskolen'],
  ['Birgitte Sørensen', 'Solsikkeskolen'],
  ['Camilla Juhl', 'Solsikkeskolen'],
  ['Dennis Poulsen', 'Solsikkeskolen'],
  ['Emma Krogh', 'Børnehuset Mælkebøtten'],
  ['Jonas Vestergaard', 'Klub Lynet'],
  ['Karin Thomsen', 'Bakkeskolen'],
];

/**
 * Seeds the demo organisation once (marked in instance_settings), then the extra teachers for training
 * (training.ts; marked apart, so an instance seeded before them gets them too). True when it seeded.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  const org = !(await getSetting(db, 'demo_seeded'));
  const staff = !(await getSetting(db, DEMO_STAFF_SETTING));
  // Accounts added to the list after an instance was seeded (medarbejder3) are added then.
  const missing = org ? [] : await missingAccounts(db);
  if (!org && !staff && missing.length === 0) return false;
  // One hash for every demo account: hashing is deliberately slow and every test seeds the demo.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    if (org) await seedOrganisation(tx, passwordHash);
    else if (missing.length) await insertAccounts(tx, missing, passwordHash, await placesByName(tx));
    if (staff) {
      await seedDemoStaff(tx, passwordHash);
      await setSetting(tx, DEMO_STAFF_SETTING, new Date().toISOString());
    }
  });
  return true;
}

async function seedOrganisation(tx: DbOrTx, passwordHash: string) {
  const kommuneId = new Map<string, string>();
  for (const k of KOMMUNER) {
    const [row] = await tx.insert(kommuner).values(k).returning();
    kommuneId.set(k.name, row.id);
  }
  const institutionId = new Map<string, string>();
  const teamId = new Map<string, string>();
  for (const i of INSTITUTIONS) {
    const [row] = await tx
      .insert(institutions)
      .values({ name: i.name, type: i.type, kommuneId: kommuneId.get(i.kommune) as string })
      .returning();
    institutionId.set(i.name, row.id);
    for (const [name, type] of i.teams) {
      const [t] = await tx.insert(teams).values({ name, type, institutionId: row.id }).returning();
      teamId.set(name, t.id);
    }
  }
  await insertAccounts(tx, DEMO_ACCOUNTS, passwordHash, { kommuneId, institutionId, teamId });
  for (const [name, at] of COLLEAGUES) {
    const local = name
      .toLowerCase()
      .replace(/\s+/g, '.')
      .replace(/ø/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/å/g, 'aa');
    const [u] = await tx
      .insert(users)
      .values({ email: `${local}@${DEMO_DOMAIN}`, name, status: 'invited' })
      .returning();
    await tx
      .insert(roleGrants)
      .values({ userId: u.id, role: 'medarbejder', institutionId: institutionId.get(at) as string });
  }
  await setSetting(tx, 'demo_seeded', new Date().toISOString());
}

type Places = {
  kommuneId: Map<string, string>;
  institutionId: Map<string, string>;
  teamId: Map<string, string>;
};

/** The demo accounts with their role and teams (team names are unique among the demo's teams). */
async function insertAccounts(tx: DbOrTx, accounts: DemoAccount[], passwordHash: string, p: Places) {
  for (const a of accounts) {
    const [u] = await tx
      .insert(users)
      .values({ email: a.email, name: a.name, passwordHash, status: 'active' })
      .returning();
    await tx.insert(roleGrants).values({
      userId: u.id,
      role: a.role,
      kommuneId: a.role === 'forvaltning' ? p.kommuneId.get(a.at as string) : null,
      institutionId: a.at && a.role !== 'forvaltning' ? p.institutionId.get(a.at) : null,
    });
    for (const t of a.teams ?? [])
      await tx.insert(teamMemberships).values({ teamId: p.teamId.get(t) as string, userId: u.id });
  }
}

/** The demo accounts an instance seeded before they were listed does not have yet. */
async function missingAccounts(db: DbOrTx): Promise<DemoAccount[]> {
  const have = await db
    .select({ email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_ACCOUNTS.map((a) => a.email),
      ),
    );
  const known = new Set(have.map((u) => u.email));
  return DEMO_ACCOUNTS.filter((a) => !known.has(a.email));
}

async function placesByName(tx: DbOrTx): Promise<Places> {
  const byName = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.name, r.id]));
  return {
    kommuneId: byName(await tx.select({ id: kommuner.id, name: kommuner.name }).from(kommuner)),
    institutionId: byName(
      await tx.select({ id: institutions.id, name: institutions.name }).from(institutions),
    ),
    teamId: byName(await tx.select({ id: teams.id, name: teams.name }).from(teams)),
  };
}

/**
 * Outside demo mode, demo accounts must not be able to sign in: their passwords are removed and every demo
 * account is disabled, including the invited colleagues without a password (else a reset link would give
 * them one). Returns how many accounts it disabled now.
 */
export async function disableDemoPasswords(db: Db): Promise<number> {
  const rows = await db
    .update(users)
    .set({ passwordHash: null, status: 'disabled', disabledAt: sql`coalesce(${users.disabledAt}, now())` })
    .where(
      sql`lower(${users.email}) like ${`%@${DEMO_DOMAIN}`}
          and (${users.passwordHash} is not null or ${users.status} <> 'disabled')`,
    )
    .returning({ id: users.id });
  return rows.length;
}
