/**
 * Typed feedback benchmark (issue 19 part B): the video page of a recording with 300 feedback comments (and a
 * reply to every fifth). 12 private recordings of different owners, each shared with four colleagues; over HTTP
 * on the real server, many signed-in people (owners and their grantees) each open their recordings' pages:
 * - `list`: GET /videos/:id/feedback (the panel's list, 300 comments + 60 replies, ~110 kB);
 * - `page`: the three API calls of the video page mixed (the video, its feedback, its focus areas).
 * At 1 connection (the latency the target speaks of) and at 10. Target on PostgreSQL: list p99 < 50 ms.
 * PGlite by default (reported); BENCH_DATABASE_URL=postgres://… runs on a fresh database beside it (dropped after).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, inArray, isNotNull, like } from 'drizzle-orm';
import { videoFeedback, videoGrants } from '../src/server/db/coaching-schema.js';
import { openDatabase } from '../src/server/db/index.js';
import { institutions, roleGrants, users } from '../src/server/db/schema.js';
import { videos } from '../src/server/db/videos-schema.js';
import { seedDemo } from '../src/server/demo/index.js';
import { FEEDBACK_KINDS } from '../src/shared/coaching.js';
import {
  freshPostgres,
  type LoadResult,
  loadAvg,
  loadRotating,
  signIn,
  startServer,
  writeResult,
} from './lib.js';

const PORT = 3198;
const COMMENTS = 300;
const RECORDINGS = 12;
const TARGET = { listP99Ms: 50 };

export async function feedbackBench() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? '';
  const loadBefore = loadAvg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-feedback-'));
  const pgDb = serverUrl ? await freshPostgres(serverUrl, 'feedback') : null;
  const database = await openDatabase(pgDb ? { url: pgDb.url } : { dir: `${dataDir}/pglite` });
  const dbName = pgDb ? 'postgresql' : 'pglite';
  let serverStop: (() => Promise<void>) | null = null;
  try {
    await database.migrate();
    await seedDemo(database.db);
    const db = database.db;
    // The demo's staff with an institution (teachers, pædagoger, leaders, resource people).
    const staff = await db
      .selectDistinctOn([users.id], {
        id: users.id,
        email: users.email,
        institutionId: roleGrants.institutionId,
      })
      .from(users)
      .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
      .where(
        and(like(users.email, '%@demo.amongi.dk'), eq(users.status, 'active'), isNotNull(users.passwordHash)),
      );
    const withPlace = staff.filter((s) => s.institutionId);
    if (withPlace.length < 5) throw new Error(`too few demo staff: ${withPlace.length}`);
    const kommuneOf = new Map(
      (await db.select({ id: institutions.id, kommuneId: institutions.kommuneId }).from(institutions)).map(
        (i) => [i.id, i.kommuneId],
      ),
    );
    const people = new Map<string, { email: string; videoIds: string[] }>();
    const videoIds: string[] = [];
    for (let r = 0; r < RECORDINGS; r++) {
      const owner = withPlace[r % withPlace.length];
      const [v] = await db
        .insert(videos)
        .values({
          ownerId: owner.id,
          institutionId: owner.institutionId as string,
          kommuneId: kommuneOf.get(owner.institutionId as string) as string,
          title: `Bench-lektion ${r + 1}`,
          status: 'ready',
          visibility: 'private',
          originalFilename: 'bench.mp4',
          originalSize: 1000,
          durationSeconds: 45 * 60,
          width: 1280,
          height: 720,
        })
        .returning({ id: videos.id });
      videoIds.push(v.id);
      const grantees = [1, 2, 3, 4]
        .map((k) => withPlace[(r + k) % withPlace.length])
        .filter((g) => g.id !== owner.id);
      await db
        .insert(videoGrants)
        .values(grantees.map((g) => ({ videoId: v.id, granteeId: g.id, grantedBy: owner.id })))
        .onConflictDoNothing();
      for (const p of [owner, ...grantees]) {
        const known = people.get(p.id) ?? { email: p.email, videoIds: [] };
        known.videoIds.push(v.id);
        people.set(p.id, known);
      }
      const comments = Array.from({ length: COMMENTS }, (_, i) => ({
        videoId: v.id,
        authorId: grantees[i % grantees.length].id,
        atSeconds: Math.round(((i + 0.5) / COMMENTS) * 45 * 60 * 10) / 10,
        kind: FEEDBACK_KINDS[i % 3],
        body: `Kommentar ${i + 1}: eleverne arbejder i makkerpar, og læreren venter, før hun spørger igen. `.repeat(
          2,
        ),
      }));
      const made = await db.insert(videoFeedback).values(comments).returning({ id: videoFeedback.id });
      await db.insert(videoFeedback).values(
        made
          .filter((_, i) => i % 5 === 0)
          .map((c) => ({
            videoId: v.id,
            authorId: owner.id,
            parentId: c.id,
            body: 'Tak — det tager vi op.',
          })),
      );
    }
    const [{ n }] = await db
      .select({ n: count() })
      .from(videoFeedback)
      .where(inArray(videoFeedback.videoId, videoIds));
    console.log(`seeded ${RECORDINGS} recordings with ${n} feedback rows, ${people.size} people`);
    await database.close();

    const server = await startServer(PORT, pgDb?.url ?? '', dataDir);
    serverStop = () => server.stop(true);
    const signedIn = [];
    for (const p of people.values())
      signedIn.push({ ...p, cookie: (await signIn(server.base, p.email)).cookie });
    const API = '/api/v1/videos';
    const list = signedIn.flatMap((p) =>
      p.videoIds.map((id) => ({ path: `${API}/${id}/feedback`, cookie: p.cookie })),
    );
    const page = signedIn.flatMap((p) =>
      p.videoIds.flatMap((id) =>
        [`${API}/${id}`, `${API}/${id}/feedback`, `${API}/${id}/focus-areas`].map((x) => ({
          path: x,
          cookie: p.cookie,
        })),
      ),
    );
    // Interleave people so consecutive requests are different people's.
    const mix = <T>(xs: T[]) =>
      xs
        .map((x, i) => ({ x, k: (i * 7919) % xs.length }))
        .sort((a, b) => a.k - b.k)
        .map((e) => e.x);
    const groups = { list: mix(list), page: mix(page) };
    for (const r of groups.page.slice(0, 6)) {
      const res = await fetch(`${server.base}${r.path}`, { headers: { cookie: r.cookie } });
      if (!res.ok) throw new Error(`${r.path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    }
    const sample = await fetch(`${server.base}${groups.list[0].path}`, {
      headers: { cookie: groups.list[0].cookie },
    });
    const bytes = (await sample.arrayBuffer()).byteLength;
    const http: Record<string, Record<string, LoadResult & { loadAverage: number[] }>> = {};
    for (const [name, reqs] of Object.entries(groups)) {
      http[name] = {};
      let i = 0;
      const next = () => reqs[i++ % reqs.length];
      await loadRotating(server.base, { connections: 4, seconds: Math.min(3, seconds), next });
      for (const connections of [1, 10]) {
        const loadAverage = loadAvg();
        const r = await loadRotating(server.base, { connections, seconds, next });
        http[name][`c${connections}`] = { ...r, loadAverage };
        console.log(
          `HTTP ${name} (${connections} conn, ${reqs.length} distinct requests): ${r.reqPerSec} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, errors ${r.errors}`,
        );
      }
    }
    const listP99 = http.list.c1.p99Ms;
    await writeResult(`feedback-${dbName}`, loadBefore, {
      database: dbName,
      data: {
        recordings: RECORDINGS,
        commentsPerRecording: COMMENTS,
        repliesPerRecording: COMMENTS / 5,
        people: people.size,
        listBytes: bytes,
      },
      target: { ...TARGET, on: 'postgresql', list: 'HTTP at 1 connection' },
      http,
      meetsTarget: dbName === 'postgresql' ? { list: listP99 < TARGET.listP99Ms } : null,
    });
  } finally {
    await serverStop?.();
    await database.close().catch(() => {});
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
