import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, VISIBILITIES } from '../../shared/constants.js';
import { actorOf as toActor } from '../auth/session.js';
import type { Db } from '../db/index.js';
import { institutions, kommuner, roleGrants, teamMemberships, teams, users } from '../db/schema.js';
import { videos } from '../db/videos-schema.js';
import { seedDemo } from '../demo/index.js';
import { personDetail } from '../modules/people/index.js';
import { createTestDatabase } from '../testing/harness.js';
import {
  type Actor,
  ANONYMOUS,
  policySql,
  seesInstitution,
  seesKommune,
  seesPerson,
  seesVideo,
} from './index.js';
import { classActor, classSeesVideo, ownVideos, searchableVideos, visibilityClass } from './sql-search.js';

/*
 * The list endpoints filter with policy/sql.ts; single reads decide with policy/rules.ts. Both must agree for
 * every actor over the same rows, or a list would show what a read refuses (or hide what it allows).
 */
let db: Db;
let drop: () => Promise<void>;
const userId: Record<string, string> = {};

async function addUser(key: string, grants: { role: Role; kommune?: string; institution?: string }[]) {
  const [u] = await db
    .insert(users)
    .values({ email: `${key}@example.dk`, name: key, status: 'active' })
    .returning();
  userId[key] = u.id;
  for (const g of grants) {
    const kommuneId = g.kommune ? await idOf(kommuner, g.kommune) : null;
    const institutionId = g.institution ? await idOf(institutions, g.institution) : null;
    await db.insert(roleGrants).values({ userId: u.id, role: g.role, kommuneId, institutionId });
  }
}
async function idOf(table: typeof kommuner | typeof institutions | typeof teams, name: string) {
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.name, name));
  if (!row) throw new Error(`no ${name}`);
  return row.id;
}

beforeAll(async () => {
  const t = await createTestDatabase();
  db = t.database.db;
  drop = t.drop;
  await seedDemo(db);
  // Extra rows: a third kommune with two institutions, and people whose roles cut across kommuner.
  const [soeby] = await db.insert(kommuner).values({ name: 'Søby Kommune' }).returning();
  await db.insert(institutions).values([
    { kommuneId: soeby.id, name: 'Søby Skole', type: 'skole' },
    { kommuneId: soeby.id, name: 'Søby Klub', type: 'klub' },
  ]);
  for (const u of await db.select({ id: users.id, email: users.email }).from(users))
    userId[u.email.split('@')[0]] = u.id;
  await addUser('teacher-and-leder', [
    { role: 'medarbejder', institution: 'Solsikkeskolen' },
    { role: 'leder', institution: 'Bakkeskolen' },
  ]);
  await addUser('two-forvaltninger', [
    { role: 'forvaltning', kommune: 'Bakkedal Kommune' },
    { role: 'forvaltning', kommune: 'Søby Kommune' },
  ]);
  await addUser('forvaltning-and-pedagogue', [
    { role: 'forvaltning', kommune: 'Søby Kommune' },
    { role: 'medarbejder', institution: 'Børnehuset Mælkebøtten' },
  ]);
  await addUser('redaktoer-and-leder', [{ role: 'redaktoer' }, { role: 'leder', institution: 'Klub Lynet' }]);
  await addUser('two-kommuner-teacher', [
    { role: 'medarbejder', institution: 'Søby Skole' },
    { role: 'ressourceperson', institution: 'Klub Lynet' },
  ]);
  await addUser('second-admin', [{ role: 'administrator' }]);
  await addUser('nobody', []);

  // Teams: the seed makes medarbejder, ressourceperson, leder and medarbejder2 members. Add a team in Søby, and
  // members who cross the usual lines: in a team of an institution where they hold no role, or with no role at all.
  const soebySkole = await idOf(institutions, 'Søby Skole');
  await db.insert(teams).values({ institutionId: soebySkole, name: 'Søby Indskoling', type: 'afdeling' });
  const memberships: [string, string][] = [
    ['teacher-and-leder', 'Naturfagsteamet'],
    ['teacher-and-leder', 'Vuggestuen'], // no role at Mælkebøtten
    ['two-kommuner-teacher', 'Søby Indskoling'],
    ['two-kommuner-teacher', 'Klubteamet'],
    ['forvaltning-and-pedagogue', 'Børnehaven'],
    ['redaktoer-and-leder', 'Udskolingen'], // no role at Solsikkeskolen
    ['nobody', 'Dansk på mellemtrinnet'], // no role anywhere
    ['karin.thomsen', 'Naturfagsteamet'],
  ];
  for (const [key, team] of memberships)
    await db.insert(teamMemberships).values({ userId: userId[key], teamId: await idOf(teams, team) });

  // Videos: every institution × visibility × ready/unfinished, with rotating owners (actors among them, so
  // "own" cases occur), team videos for each team of the institution and for a team that is gone (null), and
  // a team id also on non-team videos (it must not matter there).
  const owners = [
    'medarbejder',
    'leder',
    'administrator',
    'anders.lund',
    'karin.thomsen',
    'teacher-and-leder',
    'nobody',
    'two-kommuner-teacher',
    'forvaltning',
    'redaktoer',
    'medarbejder2',
  ];
  const allTeams = await db.select({ id: teams.id, institutionId: teams.institutionId }).from(teams);
  const rows: (typeof videos.$inferInsert)[] = [];
  let n = 0;
  for (const inst of await db.select().from(institutions)) {
    const instTeams = allTeams.filter((t) => t.institutionId === inst.id).map((t) => t.id);
    for (const visibility of VISIBILITIES)
      for (const status of ['ready', 'processing'] as const) {
        const teamChoices =
          visibility === 'team'
            ? [...instTeams, null]
            : [instTeams.length ? instTeams[n % instTeams.length] : null];
        for (const teamId of teamChoices)
          for (let k = 0; k < 2; k++) {
            const owner = owners[n++ % owners.length];
            rows.push({
              ownerId: userId[owner],
              institutionId: inst.id,
              kommuneId: inst.kommuneId,
              teamId,
              title: `${inst.name} ${visibility} ${status} by ${owner}`,
              originalFilename: `v${n}.mp4`,
              originalSize: 1000 + n,
              status,
              visibility,
              // Half are submitted to the catalogue: editors see those (unless private).
              editorialState: k === 1 ? 'in_review' : 'none',
            });
          }
      }
  }
  await db.insert(videos).values(rows);
});
afterAll(() => drop?.());

async function actorOf(key: string): Promise<Actor> {
  const person = await personDetail(db, userId[key]);
  if (!person) throw new Error(`no user ${key}`);
  return toActor(person);
}

const sorted = (xs: string[]) => [...xs].sort();

async function pureAndSql(actor: Actor) {
  const allInstitutions = await db
    .select({ id: institutions.id, kommuneId: institutions.kommuneId })
    .from(institutions);
  const allKommuner = await db.select({ id: kommuner.id }).from(kommuner);
  const grantRows = await db
    .select({ userId: roleGrants.userId, institutionId: institutions.id, kommuneId: institutions.kommuneId })
    .from(roleGrants)
    .innerJoin(institutions, eq(institutions.id, roleGrants.institutionId));
  const allUsers = await db.select({ id: users.id }).from(users);
  const allVideos = await db.select().from(videos);

  const pure = {
    institutions: sorted(allInstitutions.filter((i) => seesInstitution(actor, i)).map((i) => i.id)),
    kommuner: sorted(allKommuner.filter((k) => seesKommune(actor, k.id)).map((k) => k.id)),
    people: sorted(
      allUsers
        .filter((u) =>
          seesPerson(actor, {
            id: u.id,
            institutions: grantRows
              .filter((g) => g.userId === u.id)
              .map((g) => ({ id: g.institutionId, kommuneId: g.kommuneId })),
          }),
        )
        .map((u) => u.id),
    ),
    videos: pureVideos(actor, allVideos),
  };
  const viaSql = {
    institutions: sorted(
      (
        await db
          .select({ id: institutions.id })
          .from(institutions)
          .where(policySql.visibleInstitutions(actor))
      ).map((r) => r.id),
    ),
    kommuner: sorted(
      (await db.select({ id: kommuner.id }).from(kommuner).where(policySql.visibleKommuner(actor))).map(
        (r) => r.id,
      ),
    ),
    people: sorted(
      (await db.select({ id: users.id }).from(users).where(policySql.visiblePeople(actor))).map((r) => r.id),
    ),
    videos: await sqlVideos(actor),
  };
  return { pure, viaSql };
}

type VideoRow = typeof videos.$inferSelect;
/** The video as the policy sees it: finished means status 'ready'. */
const pureVideos = (actor: Actor, rows: VideoRow[]) =>
  sorted(rows.filter((v) => seesVideo(actor, { ...v, ready: v.status === 'ready' })).map((v) => v.id));
const sqlVideos = async (actor: Actor) =>
  sorted(
    (await db.select({ id: videos.id }).from(videos).where(policySql.visibleVideos(actor))).map((r) => r.id),
  );

const ACTORS = [
  'administrator',
  'redaktoer',
  'forvaltning',
  'leder',
  'ressourceperson',
  'medarbejder',
  'medarbejder2',
  'leder2',
  'anders.lund',
  'karin.thomsen',
  'teacher-and-leder',
  'two-forvaltninger',
  'forvaltning-and-pedagogue',
  'redaktoer-and-leder',
  'two-kommuner-teacher',
  'second-admin',
  'nobody',
];

describe('policy SQL agrees with the pure rules', () => {
  it.each(ACTORS)('%s sees the same institutions, kommuner, people and videos both ways', async (key) => {
    const { pure, viaSql } = await pureAndSql(await actorOf(key));
    expect(viaSql).toEqual(pure);
  });

  it('ANONYMOUS sees the same videos both ways: exactly the ready public ones', async () => {
    const all = await db.select().from(videos);
    const viaSql = await sqlVideos(ANONYMOUS);
    expect(viaSql).toEqual(pureVideos(ANONYMOUS, all));
    expect(viaSql).toEqual(
      sorted(all.filter((v) => v.visibility === 'public' && v.status === 'ready').map((v) => v.id)),
    );
  });

  it('the video comparison is not vacuous: it follows "private is private" and the team lists', async () => {
    const all = await db.select().from(videos);
    const ready = (v: VideoRow) => v.status === 'ready';
    const idsOf = (xs: VideoRow[]) => sorted(xs.map((v) => v.id));
    const seen = async (key: string) => sqlVideos(await actorOf(key));
    expect(all.length).toBeGreaterThan(150);

    // Administrators: their own, and every ready non-private video.
    expect(await seen('administrator')).toEqual(
      idsOf(
        all.filter((v) => v.ownerId === userId.administrator || (ready(v) && v.visibility !== 'private')),
      ),
    );
    // Nobody sees someone else's private or unfinished video.
    for (const key of ACTORS) {
      const others = new Set(
        all
          .filter((v) => v.ownerId !== userId[key] && (v.visibility === 'private' || !ready(v)))
          .map((v) => v.id),
      );
      expect((await seen(key)).filter((id) => others.has(id))).toEqual([]);
    }
    // The leder of Solsikkeskolen: own videos, ready public, Fjordby kommune videos, Solsikkeskolen's institution
    // videos and Ledelsesteamet's team videos.
    const solsikke = await idOf(institutions, 'Solsikkeskolen');
    const fjordby = await idOf(kommuner, 'Fjordby Kommune');
    const ledelse = await idOf(teams, 'Ledelsesteamet');
    expect(await seen('leder')).toEqual(
      idsOf(
        all.filter(
          (v) =>
            v.ownerId === userId.leder ||
            (ready(v) &&
              (v.visibility === 'public' ||
                (v.visibility === 'kommune' && v.kommuneId === fjordby) ||
                (v.visibility === 'institution' && v.institutionId === solsikke) ||
                (v.visibility === 'team' && v.teamId === ledelse))),
        ),
      ),
    );
    // Someone with no role but a team membership: own, ready public and that team's ready team videos.
    const dansk = await idOf(teams, 'Dansk på mellemtrinnet');
    const nobodySees = all.filter(
      (v) =>
        v.ownerId === userId.nobody ||
        (ready(v) && (v.visibility === 'public' || (v.visibility === 'team' && v.teamId === dansk))),
    );
    expect(nobodySees.some((v) => v.visibility === 'team' && v.ownerId !== userId.nobody)).toBe(true);
    expect(await seen('nobody')).toEqual(idsOf(nobodySees));
  });

  it('the comparison is not vacuous: the sets differ between actors as the roles say', async () => {
    const count = async (key: string) => {
      const { viaSql } = await pureAndSql(await actorOf(key));
      return [viaSql.institutions.length, viaSql.kommuner.length, viaSql.people.length];
    };
    const [allI, allK, allP] = await count('administrator');
    expect([allI, allK]).toEqual([8, 3]);
    expect(await count('nobody')).toEqual([0, 0, 1]);
    expect(await count('redaktoer')).toEqual([0, 0, 1]);
    // Fjordby's five institutions; its kommune only.
    expect((await count('forvaltning')).slice(0, 2)).toEqual([5, 1]);
    // Bakkeskolen + Søby Skole + Søby Klub; Bakkedal and Søby.
    expect((await count('two-forvaltninger')).slice(0, 2)).toEqual([3, 2]);
    // Solsikkeskolen and Bakkeskolen; Fjordby and Bakkedal.
    expect((await count('teacher-and-leder')).slice(0, 2)).toEqual([2, 2]);
    expect((await count('medarbejder'))[2]).toBeLessThan(allP);
  });
});

/*
 * The search caches share one answer between every actor of a visibility class (sql-search.visibilityClass), and
 * add each person's own videos on top. That is right only if the class holds everything the scope depends on.
 */
describe('the search visibility class agrees with the video scope', () => {
  const ids = async (where: ReturnType<typeof searchableVideos>) =>
    sorted((await db.select({ id: videos.id }).from(videos).where(where)).map((r) => r.id));

  it.each(ACTORS)(
    '%s: the class scope plus their own finished videos is exactly what they may find',
    async (key) => {
      const actor = await actorOf(key);
      const own = await ids(
        and(ownVideos(actor), eq(videos.status, 'ready')) as ReturnType<typeof searchableVideos>,
      );
      const shared = await ids(searchableVideos(classActor(actor)));
      expect(sorted([...new Set([...shared, ...own])])).toEqual(await ids(searchableVideos(actor)));
    },
  );

  it.each(ACTORS)('%s: search memory’s class rule picks the same videos as the class scope', async (key) => {
    const actor = await actorOf(key);
    const all = await db.select().from(videos).where(eq(videos.status, 'ready'));
    const sees = classSeesVideo(actor);
    const inMemory = sorted(all.filter((v) => sees({ ...v, teamId: v.teamId ?? null })).map((v) => v.id));
    expect(inMemory).toEqual(await ids(searchableVideos(classActor(actor))));
  });

  it('actors of one class get one scope, whoever they are (over the demo roles and each one narrowed)', async () => {
    const people = await Promise.all(ACTORS.map(actorOf));
    // Every actor, the same grants and teams under another person's id, and each one without one of its grants
    // or teams: the variations a class that forgot a field would confuse.
    const family: Actor[] = people.flatMap((a, i) => [
      a,
      { ...a, id: people[(i + 1) % people.length].id },
      ...a.grants.map((_, g) => ({ ...a, grants: a.grants.filter((_x, k) => k !== g) })),
      ...(a.teamIds ?? []).map((t) => ({ ...a, teamIds: (a.teamIds ?? []).filter((x) => x !== t) })),
    ]);
    const scopeOf = new Map<string, string>();
    for (const a of family) {
      const scope = JSON.stringify(await ids(searchableVideos(classActor(a))));
      const cls = visibilityClass(a);
      if (scopeOf.has(cls)) expect(scope, cls).toBe(scopeOf.get(cls));
      else scopeOf.set(cls, scope);
    }
    // Not vacuous: many classes with different scopes, and classes shared by several members of the family.
    expect(family.length).toBeGreaterThan(scopeOf.size + 15);
    expect(new Set(scopeOf.values()).size).toBeGreaterThan(8);
  });
});
