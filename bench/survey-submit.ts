/**
 * Survey benchmark, the submit part (issue 18: "200 respondents submitting at once: no error, p99 < 200 ms").
 * On the real server (src/server/main.ts with the demo organisation), WAVES rounds of 200 invited people each (8
 * groups: 4 departments × medarbejder/leder, the built-in questionnaire); per wave all 200 open their form at once
 * (GET /survey/answer) and then all 200 send it at once (POST, every scale question and an open text), each over
 * its own connection like 200 phones. Every answer must be 200 and the database must then hold exactly 200
 * answers and 200 used marks per round. Then, on the database directly, the anonymity mix of a round of 3,000
 * answers (it holds back answers to every round while it runs): its time.
 * PGlite by default (reported); BENCH_DATABASE_URL=postgres://… runs on a fresh database beside that one. Run by
 * `npm run bench -- survey` (bench/survey.ts), or alone: `npx tsx -e "import('./bench/survey-submit.ts').then((m) => m.surveySubmitBench())"`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase } from '../src/server/db/index.js';
import { rows } from '../src/server/db/rows.js';
import { seedDemo } from '../src/server/demo/index.js';
import { makeRound } from '../src/server/modules/survey/answer/answer.testing.js';
import { mixRound } from '../src/server/modules/survey/answer/mix.js';
import { BUILTIN_QUESTIONNAIRE_ID, ensureBuiltinQuestionnaire } from '../src/server/modules/survey/index.js';
import { freePort, freshPostgres, loadAvg, percentile, round, startServer, writeResult } from './lib.js';

const RESPONDENTS = 200;
const WAVES = Number(process.env.BENCH_WAVES ?? 3);
const MIX_ANSWERS = 3000;
/** Respondents who answer one after the other: the time of one answer without a queue. */
const ALONE = 50;
const TARGET = { submitP99Ms: 200, on: 'postgresql' };
const GROUPS = ['Indskoling', 'Mellemtrin', 'Udskoling', 'Pædagogisk personale'].flatMap((department) =>
  (['medarbejder', 'leder'] as const).map((roleGroup) => ({ department, roleGroup })),
);

type Item = { id: string; kind: 'scale' | 'text' };
type Timed = { ms: number; status: number };

const stats = (xs: Timed[]) => {
  const ms = xs.map((x) => x.ms);
  return {
    n: xs.length,
    p50Ms: round(percentile(ms, 50), 1),
    p99Ms: round(percentile(ms, 99), 1),
    maxMs: round(Math.max(...ms), 1),
    errors: xs.filter((x) => x.status !== 200).length,
  };
};

/** CPU time (user + system) the process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
const cpuMs = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

async function timed(url: string, init?: RequestInit): Promise<Timed> {
  const start = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return { ms: performance.now() - start, status: res.status };
}

/** The rounds (one per wave) with their invitations. */
async function prepare(database: Database) {
  const db = database.db;
  await seedDemo(db);
  await ensureBuiltinQuestionnaire(db);
  const [place] = await rows<{ kommuneId: string; institutionId: string }>(
    db,
    sql`select k.id as "kommuneId", i.id as "institutionId" from institutions i join kommuner k on k.id = i.kommune_id
      where i.name = 'Solsikkeskolen'`,
  );
  const items = await rows<Item>(
    db,
    sql`select id, kind from survey_items where questionnaire_id = ${BUILTIN_QUESTIONNAIRE_ID} order by position`,
  );
  const common = { ...place, questionnaireId: BUILTIN_QUESTIONNAIRE_ID, groups: GROUPS };
  const rounds = [];
  for (let w = 0; w < WAVES; w++) rounds.push(await makeRound(db, { ...common, people: RESPONDENTS }));
  const alone = await makeRound(db, { ...common, people: ALONE });
  return { items, rounds, alone, common };
}

/**
 * The mix's round: MIX_ANSWERS people, every one answered, each answer written alone as answering does (made
 * after the server ran: its worker's ticker would mix it at start, while the waves are measured).
 */
async function bigRound(
  database: Database,
  common: Omit<Parameters<typeof makeRound>[1], 'people'>,
  items: Item[],
) {
  const db = database.db;
  const big = await makeRound(db, { ...common, people: MIX_ANSWERS });
  const scale = items.filter((i) => i.kind === 'scale').map((i) => i.id);
  for (const p of big.people)
    await db.transaction(async (tx) => {
      await tx.execute(sql`update survey_invitations set used = true where round_id = ${big.roundId}
        and user_id = ${p.userId}`);
      await tx.execute(sql`with a as (insert into survey_answers (round_id, group_id, answered_on, tillid)
          values (${big.roundId}, ${p.groupId}, current_date, 50) returning id)
        insert into survey_answer_values (answer_id, item_id, value)
        select a.id, x.id, 1 + floor(random() * 5)::int from a, unnest(${`{${scale.join(',')}}`}::uuid[]) as x(id)`);
    });
  return big.roundId;
}

export async function surveySubmitBench() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? '';
  const loadBefore = loadAvg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-survey-submit-'));
  const pgDb = serverUrl ? await freshPostgres(serverUrl, 'survey_submit') : null;
  const dbName = pgDb ? 'postgresql' : 'pglite';
  let database = await openDatabase(pgDb ? { url: pgDb.url } : { dir: `${dataDir}/pglite` });
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    await database.migrate();
    const started = performance.now();
    const { items, rounds, alone, common } = await prepare(database);
    console.log(
      `prepared ${WAVES} rounds × ${RESPONDENTS} people in ${round((performance.now() - started) / 1000, 1)} s`,
    );
    await database.close();

    server = await startServer(await freePort(), pgDb?.url ?? '', dataDir);
    const base = server.base;
    const api = `${base}/api/v1/survey/answer`;
    const csrf = await fetch(`${base}/api/v1/auth/csrf`);
    const headers = {
      'content-type': 'application/json',
      cookie: csrf.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
      'x-csrf-token': ((await csrf.json()) as { token: string }).token,
    };
    const scale = items.filter((i) => i.kind === 'scale');
    const text = items.find((i) => i.kind === 'text');
    const bodyOf = (r: { roundId: string }, p: { token: string }, k: number) =>
      JSON.stringify({
        token: p.token,
        roundId: r.roundId,
        values: scale.map((i, n) => ({ itemId: i.id, value: n % 7 === 0 ? null : 1 + ((k + n) % 5) })),
        texts: text && k % 3 === 0 ? [{ itemId: text.id, text: `Et forslag fra svar ${k}` }] : [],
      });
    // One at a time first (this also warms the server): the time of one answer, form and send.
    const oneForm: Timed[] = [];
    const oneSubmit: Timed[] = [];
    for (const [k, p] of alone.people.entries()) {
      oneForm.push(await timed(`${api}?token=${p.token}`));
      oneSubmit.push(await timed(api, { method: 'POST', headers, body: bodyOf(alone, p, k) }));
    }
    // The same for the smallest request the server answers (the CSRF token): what the machine itself costs.
    const baseline: Timed[] = [];
    for (let k = 0; k < ALONE; k++) baseline.push(await timed(`${base}/api/v1/auth/csrf`));
    const oneAtATime = { form: stats(oneForm), submit: stats(oneSubmit), csrfBaseline: stats(baseline) };
    console.log(`one at a time: ${JSON.stringify(oneAtATime)}`);
    const forms: Timed[] = [];
    const submits: Timed[] = [];
    const waves = [];
    for (const [w, r] of rounds.entries()) {
      const cpu0 = cpuMs(server.pid);
      const form = await Promise.all(r.people.map((p) => timed(`${api}?token=${p.token}`)));
      const cpu1 = cpuMs(server.pid);
      const sent = await Promise.all(
        r.people.map((p, k) => timed(api, { method: 'POST', headers, body: bodyOf(r, p, k) })),
      );
      // The server process's CPU per request: what the burst costs whatever else runs on the machine (on PGlite
      // the database's work too; on PostgreSQL only the Node side).
      const serverCpuMsPerRequest = {
        form: round((cpu1 - cpu0) / RESPONDENTS, 2),
        submit: round((cpuMs(server.pid) - cpu1) / RESPONDENTS, 2),
      };
      forms.push(...form);
      submits.push(...sent);
      waves.push({ form: stats(form), submit: stats(sent), serverCpuMsPerRequest, loadAverage: loadAvg() });
      console.log(
        `wave ${w + 1}: form ${JSON.stringify(stats(form))}; submit ${JSON.stringify(stats(sent))}; server CPU ms per request ${JSON.stringify(serverCpuMsPerRequest)}`,
      );
    }
    await server.stop(true);
    server = null;

    // The database after: every answer once, and the mix of the big round.
    database = await openDatabase(pgDb ? { url: pgDb.url } : { dir: `${dataDir}/pglite` });
    const stored = [];
    for (const r of rounds) {
      const [n] = await rows<{ answers: number; used: number }>(
        database.db,
        sql`select (select count(*) from survey_answers where round_id = ${r.roundId})::int as answers,
          (select count(*) from survey_invitations where round_id = ${r.roundId} and used)::int as used`,
      );
      stored.push(n);
    }
    const consistent = stored.every((n) => n.answers === RESPONDENTS && n.used === RESPONDENTS);
    const bigRoundId = await bigRound(database, common, items);
    const mixStart = performance.now();
    const mixed = await mixRound({ db: database.db }, bigRoundId, { vacuum: false });
    const mixMs = round(performance.now() - mixStart, 0);
    const vacuumStart = performance.now();
    await database.db.execute(
      sql`vacuum survey_answers, survey_answer_values, survey_answer_texts, survey_invitations`,
    );
    const vacuumMs = round(performance.now() - vacuumStart, 0);
    console.log(
      `stored ${JSON.stringify(stored)} (consistent: ${consistent}); mix of ${mixed.answers} answers and ${mixed.invitations} invitations: ${mixMs} ms, vacuum ${vacuumMs} ms`,
    );
    const submit = stats(submits);
    await writeResult(`survey-submit-${dbName}`, loadBefore, {
      database: dbName,
      respondents: RESPONDENTS,
      waves: WAVES,
      items: { scale: scale.length, text: items.length - scale.length },
      target: TARGET,
      oneAtATime,
      form: stats(forms),
      submit,
      perWave: waves,
      stored,
      consistent,
      mix: { answers: mixed.answers, invitations: mixed.invitations, ms: mixMs, vacuumMs },
      meetsTarget: submit.errors === 0 && consistent && submit.p99Ms < TARGET.submitP99Ms,
    });
  } finally {
    await server?.stop(true);
    await database.close().catch(() => {});
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
