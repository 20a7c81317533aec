import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { institutions, kommuner, roleGrants, teamMemberships, teams, users } from '../db/schema.js';
import { trainingCoverage, trainingRequests } from '../db/training-schema.js';
import { taxonomyTerms } from '../db/videos-schema.js';
import { DEMO_DOMAIN } from './constants.js';
import type { DemoPeople } from './types.js';

/**
 * Demo staff and demand for demand-driven training (issue 5): enough teachers at two schools of one kommune
 * that twelve can ask for training in a method (some as a team), the resource person's methods, and a little
 * demand in the demo catalogue so a fresh start shows progress toward the threshold.
 */

export const DEMO_STAFF_SETTING = 'demo_staff_seeded';

/** The second school in Fjordby Kommune, beside Solsikkeskolen. */
export const DEMO_SECOND_SCHOOL = 'Kildeskolen';
export const DEMO_TEAM = 'Indskolingsteamet';

/** Teachers who sign in with the demo password: laerer1@… to laerer14@…, in two schools of Fjordby Kommune. */
export const DEMO_TEACHERS: { email: string; name: string; at: string; teams: string[] }[] = (
  [
    ['Sofie Mikkelsen', 'Solsikkeskolen'],
    ['Henrik Bruun', 'Solsikkeskolen'],
    ['Ida Laursen', 'Solsikkeskolen'],
    ['Morten Kristiansen', 'Solsikkeskolen'],
    ['Julie Skov', 'Solsikkeskolen'],
    ['Peter Dam', 'Solsikkeskolen'],
    ['Nanna Eriksen', 'Solsikkeskolen'],
    ['Kasper Winther', DEMO_SECOND_SCHOOL, [DEMO_TEAM]],
    ['Louise Jepsen', DEMO_SECOND_SCHOOL, [DEMO_TEAM]],
    ['Thomas Friis', DEMO_SECOND_SCHOOL, [DEMO_TEAM]],
    ['Maria Bertelsen', DEMO_SECOND_SCHOOL, [DEMO_TEAM]],
    ['Søren Lykke', DEMO_SECOND_SCHOOL, [DEMO_TEAM]],
    ['Anne Mortensen', DEMO_SECOND_SCHOOL],
    ['Jesper Kofoed', DEMO_SECOND_SCHOOL],
  ] as [string, string, string[]?][]
).map(([name, at, teamNames], i) => ({
  email: `laerer${i + 1}@${DEMO_DOMAIN}`,
  name,
  at,
  teams: teamNames ?? [],
}));

/** Methods the demo resource person can train in (training_coverage), by label. */
export const DEMO_COVERAGE: Record<string, string[]> = {
  ressourceperson: ['Feedback', 'Klasseledelse'],
};

/** Demo demand (demo content only): who asked for training in which method, from which demo video. */
export const DEMO_TRAINING_DEMAND: { method: string; video: string; people: string[]; daysAgo: number }[] = [
  {
    method: 'Klasseledelse',
    video: 'idraet-fem-minutter',
    people: ['medarbejder', 'laerer2', 'laerer5'],
    daysAgo: 9,
  },
  { method: 'Klasseledelse', video: 'tydelige-overgange', people: ['laerer9', 'laerer13'], daysAgo: 4 },
  // Børnehuset Mælkebøtten's pædagoger, from the dagtilbud videos, so its leder (leder2) sees the house's demand.
  {
    method: 'Relationskompetence',
    video: 'putteritual',
    people: ['medarbejder2', 'signe.kjeldsen', 'emma.krogh'],
    daysAgo: 12,
  },
  { method: 'Relationskompetence', video: 'garderoben', people: ['pernille.holm'], daysAgo: 6 },
  { method: 'Psykologisk tryghed', video: 'sige-fra', people: ['pernille.holm', 'ahmed.nasser'], daysAgo: 8 },
  { method: 'Inklusion', video: 'legegrupper', people: ['ahmed.nasser'], daysAgo: 3 },
];

async function methodIds(tx: DbOrTx, labels: string[]): Promise<Map<string, string>> {
  if (labels.length === 0) return new Map();
  const rows = await tx
    .select({ id: taxonomyTerms.id, label: taxonomyTerms.label })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.kind, 'method'), inArray(taxonomyTerms.label, labels)));
  const ids = new Map(rows.map((r) => [r.label, r.id]));
  for (const l of labels) if (!ids.has(l)) throw new Error(`demo training: no method "${l}" in the taxonomy`);
  return ids;
}

/**
 * The second school with its team, the teachers (all sharing one password hash: hashing is slow), and the
 * resource person's methods. Needs the demo organisation (Fjordby Kommune, Solsikkeskolen, ressourceperson).
 */
export async function seedDemoStaff(tx: DbOrTx, passwordHash: string): Promise<void> {
  const [fjordby] = await tx
    .select({ id: kommuner.id })
    .from(kommuner)
    .where(eq(kommuner.name, 'Fjordby Kommune'));
  if (!fjordby) throw new Error('demo staff needs the demo organisation first');
  const [school] = await tx
    .insert(institutions)
    .values({ name: DEMO_SECOND_SCHOOL, type: 'skole', kommuneId: fjordby.id })
    .returning({ id: institutions.id });
  const [team] = await tx
    .insert(teams)
    .values({ name: DEMO_TEAM, type: 'aargangsteam', institutionId: school.id })
    .returning({ id: teams.id });
  const places = await tx
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(
      inArray(
        institutions.name,
        DEMO_TEACHERS.map((t) => t.at),
      ),
    );
  const placeId = new Map(places.map((p) => [p.name, p.id]));
  const made = await tx
    .insert(users)
    .values(
      DEMO_TEACHERS.map((t) => ({ email: t.email, name: t.name, passwordHash, status: 'active' as const })),
    )
    .returning({ id: users.id, email: users.email });
  const idOf = new Map(made.map((u) => [u.email, u.id]));
  await tx.insert(roleGrants).values(
    DEMO_TEACHERS.map((t) => ({
      userId: idOf.get(t.email) as string,
      role: 'medarbejder' as const,
      institutionId: placeId.get(t.at) as string,
    })),
  );
  await tx.insert(teamMemberships).values(
    DEMO_TEACHERS.filter((t) => t.teams.includes(DEMO_TEAM)).map((t) => ({
      teamId: team.id,
      userId: idOf.get(t.email) as string,
    })),
  );

  const methods = await methodIds(tx, [...new Set(Object.values(DEMO_COVERAGE).flat())]);
  for (const [local, labels] of Object.entries(DEMO_COVERAGE)) {
    const [person] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, `${local}@${DEMO_DOMAIN}`));
    if (!person) throw new Error(`demo staff needs ${local} first`);
    await tx
      .insert(trainingCoverage)
      .values(labels.map((l) => ({ userId: person.id, methodId: methods.get(l) as string })))
      .onConflictDoNothing();
  }
}

/**
 * The demo demand (part of the demo content, inside its one-off transaction): training requests as the demand
 * service would write them below the threshold — one per person and method, with the video asked from and the
 * person's institution, counting toward no course yet. Demand from a video that was not seeded is left out.
 */
export async function seedDemoTrainingDemand(
  tx: DbOrTx,
  d: { people: DemoPeople; videos: Map<string, string>; now: Date },
): Promise<void> {
  const wanted = DEMO_TRAINING_DEMAND.filter((x) => d.videos.get(x.video));
  if (wanted.length === 0) return;
  const methods = await methodIds(tx, [...new Set(wanted.map((x) => x.method))]);
  const values = wanted.flatMap((x) =>
    x.people.map((local, i) => {
      const p = d.people.get(local);
      if (!p) throw new Error(`demo training: unknown person ${local}`);
      return {
        methodId: methods.get(x.method) as string,
        userId: p.id,
        videoId: d.videos.get(x.video) as string,
        requestedBy: p.id,
        institutionId: p.institutionId,
        createdAt: new Date(d.now.getTime() - (x.daysAgo * 24 - i) * 3600_000),
      };
    }),
  );
  await tx.insert(trainingRequests).values(values).onConflictDoNothing();
}
