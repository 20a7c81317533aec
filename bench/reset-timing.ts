/**
 * Password-reset timing: does a known e-mail answer slower than an unknown one? Against the real server
 * (PGlite, or BENCH_DATABASE_URL), BENCH_RESET_ROUNDS (300) requests for each, one at a time, alternating
 * A B B A so a change of load weighs on both alike; p50/p90/p99 and mean per side, and the difference of the
 * medians. Run: `node --import tsx bench/reset-timing.ts` (or `npm run bench -- reset-timing` once registered).
 */
import { loadAvg, round, startServer, writeResult } from './lib.js';

const PORT = 3196;
const KNOWN = 'medarbejder@demo.amongi.dk';
const UNKNOWN = 'findes.ikke@demo.amongi.dk';

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const summary = (ms: number[]) => ({
  p50Ms: round(percentile(ms, 50), 2),
  p90Ms: round(percentile(ms, 90), 2),
  p99Ms: round(percentile(ms, 99), 2),
  meanMs: round(ms.reduce((a, b) => a + b, 0) / ms.length, 2),
});

export async function resetTimingBench() {
  const rounds = Number(process.env.BENCH_RESET_ROUNDS ?? 300);
  const loadBefore = loadAvg();
  // Many requests from one address: lift the per-IP limit for this run (the per-address e-mail cap stays).
  process.env.LOGIN_MAX_PER_IP = '1000000';
  const server = await startServer(PORT, process.env.BENCH_DATABASE_URL ?? '');
  try {
    const csrf = await fetch(`${server.base}/api/v1/auth/csrf`);
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { token } = (await csrf.json()) as { token: string };
    const reset = async (email: string) => {
      const t0 = performance.now();
      const r = await fetch(`${server.base}/api/v1/auth/password-reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': token },
        body: JSON.stringify({ email }),
      });
      await r.text();
      if (r.status !== 200) throw new Error(`password reset: ${r.status}`);
      return performance.now() - t0;
    };
    for (let i = 0; i < 30; i++) await reset(i % 2 ? KNOWN : UNKNOWN); // warm-up
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 ? [UNKNOWN, KNOWN] : [KNOWN, UNKNOWN];
      for (const email of order) (email === KNOWN ? known : unknown).push(await reset(email));
    }
    const result = {
      rounds,
      database: process.env.BENCH_DATABASE_URL ? 'postgresql' : 'pglite',
      known: summary(known),
      unknown: summary(unknown),
      medianDifferenceMs: round(percentile(known, 50) - percentile(unknown, 50), 3),
    };
    console.log(JSON.stringify(result));
    await writeResult('reset-timing', loadBefore, result);
  } finally {
    await server.stop();
  }
}

if (process.argv[1]?.endsWith('reset-timing.ts'))
  resetTimingBench().catch((err) => {
    console.error(err);
    process.exit(1);
  });
