/**
 * Inquiry benchmark (issue 16): 500 teams × 10 cycles × 40 pieces of evidence (inquiry-data.ts) and, once the
 * practice stories exist, 20,000 published stories; then over HTTP against the real server:
 *
 * - the team page (GET /teams/:id/space) and the cycle page (GET /cycles/:id) at 10 and 20 connections, each
 *   request from the next of ~180 signed-in people (staff of 1–2 teams, and leaders who read the cycles shared
 *   with them) for one of the teams or cycles THEY may read — a mixed workload, never one repeated request;
 * - story search with facets at 20 connections (several queries × the same people), when the stories exist;
 * - a bare Fastify route returning a team page's and a cycle page's bytes, in the same run;
 * - meeting mode: 30 members on a meeting's live stream (SSE), contributions posted by the members in turn (open
 *   loop, one every BENCH_MEETING_INTERVAL_MS) and the time from sending the POST to the event that carries it on
 *   the shared screen's stream (and on the last of the 30 streams); on PostgreSQL also with two app processes:
 *   the screen and half the phones on process A, the other phones and every POST on process B (LISTEN/NOTIFY).
 *
 * PGlite by default; BENCH_DATABASE_URL=postgres://… runs it on a fresh database next to that one (dropped after).
 * BENCH_INQUIRY_PARTS (pages,search,meeting) picks parts; `search-uncached` adds story search once more on a
 * restarted server whose search memory is off (AMONGI_STORY_SEARCH_MEMORY=0): what a request costs without it.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../src/server/db/index.js';
import { rows } from '../src/server/db/rows.js';
import { seedDemo } from '../src/server/demo/index.js';
import { syncBuiltinTemplates } from '../src/server/modules/inquiry/templates/sync.js';
import { generateInquiry, generateStories, INQUIRY_SIZES, personEmail } from './inquiry-data.js';
import {
  freePort,
  freshPostgres,
  type LoadResult,
  loadAvg,
  loadRotating,
  percentile,
  type RealServer,
  round,
  rssMiB,
  signIn,
  startNode,
  startServer,
  writeResult,
} from './lib.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
/** People in the mixed runs: staff spread over the institutions, and leaders. */
const STAFF_SAMPLE = 160;
const LEADER_SAMPLE = 20;
const TARGET = { pagesP99Ms: { postgresql: 50, pglite: 100 }, meetingP99Ms: 1000 };
const PARTS = new Set((process.env.BENCH_INQUIRY_PARTS ?? 'pages,search,meeting').split(','));

type CacheStats = { hits: number; misses: number; refreshes: number; size: number; max: number };
/**
 * The story search memory's hits (served from memory), misses (computed while the request waited) and refreshes
 * (computed again in the background shortly before expiry): the shared parts per query, and each reader's own
 * rest per institutions + kommuner + teams.
 */
const storyCacheStats = async (base: string) =>
  (await (await fetch(`${base}/api/v1/stories/cache-stats`)).json()) as CacheStats;
const statsDelta = (a: CacheStats, b: CacheStats) => {
  const hits = b.hits - a.hits;
  const misses = b.misses - a.misses;
  return {
    hits,
    misses,
    refreshes: b.refreshes - a.refreshes,
    hitRate: round(hits / Math.max(1, hits + misses), 3),
    size: b.size,
  };
};

const summary = (ms: number[]) => ({
  n: ms.length,
  p50Ms: round(percentile(ms, 50), 1),
  p99Ms: round(percentile(ms, 99), 1),
  maxMs: round(Math.max(...ms), 1),
});

/** User + system CPU time a process has used, in ms (/proc/<pid>/stat, clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  if (!fs.existsSync(`/proc/${pid}/stat`)) return 0;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The server processes of the connections to a PostgreSQL database (pg_stat_activity, not this one). */
async function backendPids(url: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const res = await c.query(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  await c.end();
  return res.rows
    .map((r: { pid: number }) => r.pid)
    .filter((pid: number) => fs.existsSync(`/proc/${pid}/stat`));
}

/** Runs `fn` over `items` with at most `n` at once. */
async function pool<T, R>(items: T[], n: number, fn: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

type Reader = { email: string; teams: string[]; cycles: string[]; leader: boolean };

/** The sampled people and, for each, the teams whose page they may open and the cycles they may read. */
async function readers(db: Parameters<typeof rows>[0]): Promise<Reader[]> {
  const N = INQUIRY_SIZES.institutions;
  const emails = [
    ...Array.from({ length: STAFF_SAMPLE }, (_, i) => personEmail(1 + ((i * 7) % N), 1 + ((i * 13) % 30))),
    ...Array.from({ length: LEADER_SAMPLE }, (_, i) => personEmail(1 + ((i * 5 + 2) % N), 0)),
  ];
  const unique = [...new Set(emails)];
  // Built here from the rows (the rule: members read their teams' cycles, leaders the shared ones).
  const people = await rows<{ id: string; email: string; leads: string | null }>(
    db,
    sql`select u.id, u.email, (select g.institution_id from role_grants g where g.user_id = u.id and g.role = 'leder'
        limit 1) as leads from users u where u.email like 'inq-%'`,
  );
  const memberships = await rows<{ teamId: string; userId: string }>(
    db,
    sql`select team_id as "teamId", user_id as "userId" from team_memberships`,
  );
  const teams = await rows<{ id: string; institutionId: string; name: string }>(
    db,
    sql`select id, institution_id as "institutionId", name from teams`,
  );
  const cycles = await rows<{ id: string; teamId: string; shared: boolean }>(
    db,
    sql`select id, team_id as "teamId", shared_with_leaders as shared from inquiry_cycles`,
  );
  const wanted = new Set(unique);
  return people
    .filter((p) => wanted.has(p.email))
    .map((p) => {
      const mine = new Set(memberships.filter((m) => m.userId === p.id).map((m) => m.teamId));
      const led = new Set(teams.filter((t) => t.institutionId === p.leads).map((t) => t.id));
      return {
        email: p.email,
        leader: p.leads !== null,
        teams: [...new Set([...mine, ...led])].sort(),
        cycles: cycles
          .filter((c) => mine.has(c.teamId) || (c.shared && led.has(c.teamId)))
          .map((c) => c.id)
          .sort(),
      };
    })
    .filter((r) => r.teams.length > 0 && r.cycles.length > 0);
}

/** A signed-in person: the cookie and CSRF header a browser sends. */
type Session = Record<string, string> & { cookie: string };

/** The run's rotation: request i goes to person i·7 mod P and to the next of THEIR teams or cycles. */
function rotation(people: { session: Session; reader: Reader }[], of: 'teams' | 'cycles') {
  let turn = 0;
  const cursor = new Map<number, number>();
  return () => {
    turn++;
    const p = (turn * 7) % people.length;
    const k = cursor.get(p) ?? p; // each person starts at a different item
    cursor.set(p, k + 1);
    const { session, reader } = people[p];
    const list = reader[of];
    const id = list[(k * 3) % list.length];
    return {
      path: of === 'teams' ? `/api/v1/teams/${id}/space` : `/api/v1/cycles/${id}`,
      cookie: session.cookie,
    };
  };
}

// ——— Meeting mode ———

type Stream = { req: http.ClientRequest; events: number; close(): void };

/**
 * A member's live stream: every `state` event is searched for the pending markers (a contribution's text), and
 * `seen(marker, at)` is called the first time one appears.
 */
function openLive(
  base: string,
  session: Session,
  meetingId: string,
  seen: (marker: string, at: number) => void,
  pending: () => Iterable<string>,
): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const s: Stream = { req: null as unknown as http.ClientRequest, events: 0, close: () => s.req.destroy() };
    s.req = http.get(
      `${base}/api/v1/meetings/${meetingId}/live`,
      { headers: { cookie: session.cookie, accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`live: ${res.statusCode}`));
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (chunk: string) => {
          buf += chunk;
          for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            if (!block.startsWith('event: state')) continue;
            const at = performance.now();
            s.events++;
            if (s.events === 1) resolve(s);
            for (const m of pending()) if (block.includes(m)) seen(m, at);
          }
        });
      },
    );
    s.req.on('error', (err) => {
      if (s.events === 0) reject(err);
    });
  });
}

async function api(base: string, session: Session, method: string, url: string, body?: unknown) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...session, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return JSON.parse(text);
}

/**
 * One meeting with all 30 members connected; `count` contributions, one every `intervalMs`, from member i mod 30
 * in turn, POSTed to `postTo`; the screen (the facilitator's stream) on `screenOn`, the phones alternately on
 * the servers of `phonesOn`. Latency: POST sent → the state event that first carries it.
 */
async function meetingRun(o: {
  screenOn: string;
  phonesOn: string[];
  postTo: string;
  teamId: string;
  members: { id: string; session: Session }[];
  count: number;
  intervalMs: number;
  label: string;
}) {
  const [facilitator] = o.members;
  const meeting = await api(o.screenOn, facilitator.session, 'POST', `/api/v1/teams/${o.teamId}/meetings`, {
    title: `Benchmøde ${o.label}`,
    startsAt: new Date().toISOString(),
    facilitatorId: facilitator.id,
  });
  const started = await api(
    o.screenOn,
    facilitator.session,
    'POST',
    `/api/v1/meetings/${meeting.id}/rounds`,
    {
      prompt: 'Hvad lagde du mærke til i dine data?',
      speakerIds: o.members.map((m) => m.id),
      turnSeconds: 1800,
    },
  );
  const roundId = started.rounds.at(-1).id as string;

  const sentAt = new Map<string, number>();
  const screenAt = new Map<string, number>();
  /** Per marker: how many streams have shown it, and when the last one did. */
  const phonesSeen = new Map<string, { n: number; last: number }>();
  const screenPending = new Set<string>();
  const phonesPending = new Set<string>();
  const screen = await openLive(
    o.screenOn,
    facilitator.session,
    meeting.id,
    (m, at) => {
      screenAt.set(m, at);
      screenPending.delete(m);
    },
    () => screenPending,
  );
  const phones: Stream[] = [];
  for (const [i, member] of o.members.slice(1).entries()) {
    const seenHere = new Set<string>();
    phones.push(
      await openLive(
        o.phonesOn[i % o.phonesOn.length],
        member.session,
        meeting.id,
        (m, at) => {
          if (seenHere.has(m)) return;
          seenHere.add(m);
          const x = phonesSeen.get(m) ?? { n: 0, last: 0 };
          x.n++;
          x.last = at;
          phonesSeen.set(m, x);
          if (x.n === o.members.length - 1) phonesPending.delete(m);
        },
        () => [...phonesPending].filter((m) => !seenHere.has(m)),
      ),
    );
  }

  const postMs: number[] = [];
  let errors = 0;
  const loadAverage = loadAvg();
  const posts: Promise<void>[] = [];
  for (let i = 0; i < o.count; i++) {
    const member = o.members[i % o.members.length];
    const marker = `Bidrag ${o.label} #${String(i).padStart(4, '0')}`;
    const post = async () => {
      const t = performance.now();
      sentAt.set(marker, t);
      screenPending.add(marker);
      phonesPending.add(marker);
      const res = await fetch(`${o.postTo}/api/v1/rounds/${roundId}/contributions`, {
        method: 'POST',
        headers: { ...member.session, 'content-type': 'application/json' },
        body: JSON.stringify({
          body: `${marker}: Jeg så at flere elever bød ind, når de havde talt med en makker først.`,
          clientKey: `bench-${o.label}-${i}`,
        }),
      });
      await res.text();
      postMs.push(performance.now() - t);
      if (res.status !== 201) errors++;
    };
    posts.push(post());
    await new Promise((r) => setTimeout(r, o.intervalMs));
  }
  await Promise.all(posts);
  const deadline = performance.now() + 5000;
  while ((screenPending.size > 0 || phonesPending.size > 0) && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  for (const s of [screen, ...phones]) s.close();

  const toScreen = [...sentAt].filter(([m]) => screenAt.has(m)).map(([m, t]) => (screenAt.get(m) ?? 0) - t);
  const toAllPhones = [...sentAt]
    .filter(([m]) => phonesSeen.get(m)?.n === o.members.length - 1)
    .map(([m, t]) => (phonesSeen.get(m)?.last ?? 0) - t);
  return {
    members: o.members.length,
    contributions: o.count,
    intervalMs: o.intervalMs,
    loadAverage,
    postErrors: errors,
    lostOnScreen: o.count - toScreen.length,
    lostOnSomePhone: o.count - toAllPhones.length,
    post: summary(postMs),
    toScreen: summary(toScreen),
    toLastOfAllPhones: summary(toAllPhones),
    screenStateEvents: screen.events,
  };
}

export async function inquiryBench() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const meetingCount = PARTS.has('meeting') ? Number(process.env.BENCH_MEETING_CONTRIBUTIONS ?? 200) : 0;
  // The server reports its story search memory's hits (a hidden route).
  process.env.AMONGI_SEARCH_CACHE_STATS = '1';
  const meetingInterval = Number(process.env.BENCH_MEETING_INTERVAL_MS ?? 300);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? '';
  const dbName = serverUrl ? 'postgresql' : 'pglite';
  const loadBefore = loadAvg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-inquiry-'));
  const pgDb = serverUrl ? await freshPostgres(serverUrl, 'inquiry') : null;
  const servers: RealServer[] = [];
  let bare: Awaited<ReturnType<typeof startNode>> | null = null;
  try {
    const database = await openDatabase(pgDb ? { url: pgDb.url } : { dir: `${dataDir}/pglite` });
    await database.migrate();
    await syncBuiltinTemplates(database.db);
    await seedDemo(database.db);
    const started = performance.now();
    const { counts, meetingTeamId } = await generateInquiry(database.db);
    const generateSeconds = round((performance.now() - started) / 1000, 1);
    console.log(`generated ${JSON.stringify(counts)} in ${generateSeconds} s`);
    // Practice stories: once their schema exists (issue 16 part 4).
    const [{ ok: hasStories }] = await rows<{ ok: boolean }>(
      database.db,
      sql`select to_regclass('practice_stories') is not null as ok`,
    );
    const storiesStarted = performance.now();
    const stories = hasStories ? await generateStories(database.db) : null;
    const storiesSeconds = round((performance.now() - storiesStarted) / 1000, 1);
    if (stories) console.log(`stories: ${JSON.stringify(stories)} in ${storiesSeconds} s`);
    const sample = await readers(database.db);
    const meetingMembers = await rows<{ id: string; email: string }>(
      database.db,
      sql`select u.id, u.email from team_memberships m join users u on u.id = m.user_id
        where m.team_id = ${meetingTeamId} order by u.email`,
    );
    await database.close();

    let server = await startServer(await freePort(), pgDb?.url ?? '', dataDir);
    servers.push(server);
    const people = await pool(sample, 4, async (reader) => ({
      reader,
      session: (await signIn(server.base, reader.email)) as Session,
    }));
    console.log(
      `${people.length} people signed in (${people.filter((p) => p.reader.leader).length} leaders); ` +
        `${new Set(people.flatMap((p) => p.reader.teams)).size} teams, ${new Set(people.flatMap((p) => p.reader.cycles)).size} cycles in the rotation`,
    );

    // Every route answers before we measure; one team page and one cycle page are the bare server's bytes.
    const bodies: Record<string, string> = {};
    for (const [name, next] of [
      ['team', rotation(people, 'teams')],
      ['cycle', rotation(people, 'cycles')],
    ] as const) {
      for (let i = 0; i < 50; i++) {
        const r = next();
        const res = await fetch(`${server.base}${r.path}`, { headers: { cookie: r.cookie } });
        const text = await res.text();
        if (!res.ok) {
          const who = people.find((p) => p.session.cookie === r.cookie)?.reader;
          throw new Error(`${r.path}: ${res.status} ${text} (${who?.email}, leader ${who?.leader})`);
        }
        if (i === 0) bodies[`/bare/${name}`] = text;
      }
    }
    // Story search: several queries with and without text and facets (the facet values from a first answer).
    const storyQueries: string[] = [];
    if (stories) {
      const first = await fetch(`${server.base}/api/v1/stories?q=${encodeURIComponent('prøvehandling')}`, {
        headers: { cookie: people[0].session.cookie },
      });
      if (first.ok) {
        const f = ((await first.json()) as { facets: Record<string, { value: string }[]> }).facets;
        const top = (name: string, k = 0) => f[name][k % f[name].length]?.value ?? '';
        const enc = encodeURIComponent;
        storyQueries.push(
          `/api/v1/stories?q=${enc('prøvehandling')}`,
          `/api/v1/stories?q=makkerpar&ageBand=${top('ageBand')}`,
          `/api/v1/stories?q=${enc('overgange signaler')}&subject=${top('subject')}`,
          `/api/v1/stories?q=legegrupper&pillar=${top('pillar')}&method=${top('method')}`,
          `/api/v1/stories?q=${enc('feedback kriterium')}`,
          `/api/v1/stories?q=${enc('dialogisk læsning')}&ageBand=${top('ageBand', 1)}`,
          `/api/v1/stories?subject=${top('subject', 1)}&ageBand=${top('ageBand', 2)}`,
          `/api/v1/stories?method=${top('method', 1)}`,
          `/api/v1/stories?q=${enc('exit tickets')}&pillar=${top('pillar', 1)}`,
          '/api/v1/stories',
        );
        for (const q of storyQueries) {
          const res = await fetch(`${server.base}${q}`, { headers: { cookie: people[1].session.cookie } });
          const text = await res.text();
          if (!res.ok) throw new Error(`${q}: ${res.status} ${text}`);
          if (q === storyQueries[1]) bodies['/bare/stories'] = text;
        }
      } else console.log(`story search not measured: GET /api/v1/stories answers ${first.status}`);
    }
    const bodiesFile = path.join(dataDir, 'bodies.json');
    fs.writeFileSync(bodiesFile, JSON.stringify(bodies));
    const barePort = await freePort();
    bare = await startNode(['bench/bare-server.ts', bodiesFile, String(barePort)], {}, (o) =>
      o.includes('ready'),
    );
    const bareBase = `http://127.0.0.1:${barePort}`;

    const httpRuns: Record<string, unknown>[] = [];
    const run = async (
      name: string,
      base: string,
      connections: number,
      next: () => { path: string; cookie?: string },
      bytes?: number,
      extra: Record<string, unknown> = {},
    ) => {
      const loadAverage = loadAvg();
      const real = base === server.base;
      const cpuBefore = cpuMs(server.pid);
      const dbPids = real && pgDb ? await backendPids(pgDb.url) : [];
      const dbBefore = dbPids.reduce((sum, pid) => sum + cpuMs(pid), 0);
      const r: LoadResult = await loadRotating(base, { connections, seconds, next });
      const requests = Math.max(1, r.reqPerSec * seconds);
      // PostgreSQL: the CPU of the app's backends (its pool's connections to the bench database).
      const dbCpuPerRequestMs = dbPids.length
        ? round((dbPids.reduce((sum, pid) => sum + cpuMs(pid), 0) - dbBefore) / requests, 2)
        : null;
      // CPU the app process spent per request (PGlite: the database too): less sensitive to outside load
      // than req/s. Not meaningful for the bare server's runs (another process).
      const cpuPerRequestMs = real ? round((cpuMs(server.pid) - cpuBefore) / requests, 2) : null;
      httpRuns.push({
        name,
        connections,
        loadAverage,
        cpuPerRequestMs,
        dbCpuPerRequestMs,
        bytes,
        ...extra,
        ...r,
        serverRssMiB: round(rssMiB(server.pid) ?? 0, 0),
      });
      console.log(
        `${name} @${connections}: ${r.reqPerSec.toFixed(0)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, errors ${r.errors}, app CPU ${cpuPerRequestMs ?? '–'} ms/req, db CPU ${dbCpuPerRequestMs ?? '–'} ms/req (load ${loadAverage[0]})`,
      );
    };
    if (PARTS.has('pages')) {
      // Warm-up (JIT, the database's caches): 3 s of each page.
      await loadRotating(server.base, { connections: 10, seconds: 3, next: rotation(people, 'teams') });
      await loadRotating(server.base, { connections: 10, seconds: 3, next: rotation(people, 'cycles') });
      const teamBytes = Buffer.byteLength(bodies['/bare/team']);
      const cycleBytes = Buffer.byteLength(bodies['/bare/cycle']);
      await run('bare team page bytes', bareBase, 20, () => ({ path: '/bare/team' }), teamBytes);
      for (const c of [10, 20]) await run('team page', server.base, c, rotation(people, 'teams'));
      for (const c of [10, 20]) await run('cycle page', server.base, c, rotation(people, 'cycles'));
      await run('bare cycle page bytes', bareBase, 20, () => ({ path: '/bare/cycle' }), cycleBytes);
    }
    if (storyQueries.length && PARTS.has('search')) {
      let turn = 0;
      // Request i: the next of the 10 queries, from person 7i mod P (180 people, 10 queries: a mixed workload).
      const nextStory = () => {
        turn++;
        return {
          path: storyQueries[turn % storyQueries.length],
          cookie: people[(turn * 7) % people.length].session.cookie,
        };
      };
      const searchRun = async (name: string) => {
        // Warm-up: 3 s of the same mix (not counted).
        await loadRotating(server.base, { connections: 20, seconds: 3, next: nextStory });
        const before = await storyCacheStats(server.base);
        await run(name, server.base, 20, nextStory);
        const cache = statsDelta(before, await storyCacheStats(server.base));
        Object.assign(httpRuns[httpRuns.length - 1], { cache });
        console.log(`${name}: search memory ${JSON.stringify(cache)}`);
      };
      await searchRun('story search');
      const storyBytes = Buffer.byteLength(bodies['/bare/stories']);
      await run('bare story search bytes', bareBase, 20, () => ({ path: '/bare/stories' }), storyBytes);
      if (PARTS.has('search-uncached')) {
        // The same server and data once more, its search memory off: every request computes every part.
        await server.stop(true);
        servers.splice(servers.indexOf(server), 1);
        process.env.AMONGI_STORY_SEARCH_MEMORY = '0';
        server = await startServer(await freePort(), pgDb?.url ?? '', dataDir);
        delete process.env.AMONGI_STORY_SEARCH_MEMORY;
        servers.push(server);
        await searchRun('story search, memory off');
      }
    }

    // Meeting mode (BENCH_MEETING_CONTRIBUTIONS=0 leaves it out).
    const members = await pool(meetingCount > 0 ? meetingMembers : [], 4, async (m) => ({
      id: m.id,
      session: (await signIn(server.base, m.email)) as Session,
    }));
    const meeting: Record<string, unknown> = {};
    const base = { teamId: meetingTeamId, members, count: meetingCount, intervalMs: meetingInterval };
    if (meetingCount > 0) {
      meeting.oneProcess = await meetingRun({
        ...base,
        screenOn: server.base,
        phonesOn: [server.base],
        postTo: server.base,
        label: 'A',
      });
      console.log(`meeting, one process: ${JSON.stringify(meeting.oneProcess)}`);
    }
    if (pgDb && meetingCount > 0) {
      const b = await startServer(await freePort(), pgDb.url);
      servers.push(b);
      meeting.twoProcesses = await meetingRun({
        ...base,
        screenOn: server.base,
        phonesOn: [server.base, b.base],
        postTo: b.base,
        label: 'AB',
      });
      console.log(
        `meeting, two processes (screen on A, posts to B): ${JSON.stringify(meeting.twoProcesses)}`,
      );
    }

    if (SCALE !== 1) {
      console.log('BENCH_SCALE is not 1: nothing recorded');
      return;
    }
    const p99Target = TARGET.pagesP99Ms[dbName];
    await writeResult(`inquiry-${dbName}`, loadBefore, {
      database: dbName,
      data: { ...counts, stories },
      generateSeconds,
      storiesSeconds,
      storyQueries,
      parts: [...PARTS],
      people: { total: people.length, leaders: people.filter((p) => p.reader.leader).length },
      durationSeconds: seconds,
      target: { pagesAndSearchP99Ms: p99Target, meetingToScreenP99Ms: TARGET.meetingP99Ms },
      http: httpRuns,
      meeting,
    });
  } finally {
    bare?.kill('SIGTERM');
    for (const s of servers.reverse()) await s.stop();
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
