/**
 * OpenID Connect sign-in round trip (issue 20 part 1): against the real server and a real oidc-provider on
 * loopback, BENCH_OIDC_ROUNDS (150) sign-ins one at a time — start at Amongi (303 to the provider), the provider's
 * authorization, sign-in form and consent (4 requests), the callback at Amongi (code exchange, ID-token checks,
 * linking, session) — beside the baseline in the same run: the local password sign-in (CSRF + POST /auth/login),
 * alternating A B B A. p50/p99 per side, Amongi's own part of the round trip (start + callback) and the
 * provider's part, and the server's CPU per sign-in from /proc. Target: round trip p99 < 150 ms.
 * Run: `npm run bench -- oidc` (PGlite), or with BENCH_DATABASE_URL on PostgreSQL.
 */
import fs from 'node:fs';
import { startTestProvider } from '../src/server/modules/auth/oidc/test-provider.testing.js';
import { loadAvg, percentile, round, signIn, startServer, writeResult } from './lib.js';

const PORT = Number(process.env.BENCH_OIDC_PORT ?? 3412);
const IDP_PORT = Number(process.env.BENCH_OIDC_IDP_PORT ?? 3415);

const summary = (ms: number[]) => ({
  p50Ms: round(percentile(ms, 50), 1),
  p90Ms: round(percentile(ms, 90), 1),
  p99Ms: round(percentile(ms, 99), 1),
  meanMs: round(ms.reduce((a, b) => a + b, 0) / ms.length, 1),
});

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid: number) {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(f[11]) + Number(f[12])) / 100;
}

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

export async function oidcBench() {
  const rounds = Number(process.env.BENCH_OIDC_ROUNDS ?? 150);
  const loadBefore = loadAvg();
  process.env.LOGIN_MAX_PER_IP = '1000000'; // many sign-ins from one address in this run
  process.env.LOGIN_MAX_PER_ACCOUNT = '1000000';
  process.env.PUBLIC_URL = `http://127.0.0.1:${PORT}`;
  const server = await startServer(PORT, process.env.BENCH_DATABASE_URL ?? '');
  const idp = await startTestProvider({
    port: IDP_PORT,
    publicUrl: server.base,
    accounts: {
      'bench-teacher': { email: 'medarbejder@demo.amongi.dk', email_verified: true, name: 'Bench' },
    },
  });
  try {
    const admin = await signIn(server.base, 'administrator@demo.amongi.dk');
    const created = await fetch(`${server.base}/api/v1/identity-providers`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Bench',
        preset: 'generic',
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        scopes: 'openid email profile',
        claimSubject: 'sub',
        claimEmail: 'email',
        claimEmailVerified: 'email_verified',
        claimName: 'name',
        claimRole: null,
        roleMap: {},
        useUserinfo: false,
        createUsers: false,
        createInstitutionId: null,
        createRole: 'medarbejder',
        enabled: true,
      }),
    });
    if (created.status !== 201) throw new Error(`provider: ${created.status} ${await created.text()}`);
    const providerId = ((await created.json()) as { id: string }).id;

    const sso = async () => {
      const t0 = performance.now();
      const start = await fetch(`${server.base}/api/v1/auth/oidc/${providerId}/start`, {
        redirect: 'manual',
      });
      await start.arrayBuffer();
      const t1 = performance.now();
      const back = await idp.signIn(start.headers.get('location') as string, 'bench-teacher');
      const t2 = performance.now();
      const cb = await fetch(`${server.base}${back.pathname}${back.search}`, {
        redirect: 'manual',
        headers: { cookie: cookieOf(start) },
      });
      await cb.arrayBuffer();
      const t3 = performance.now();
      if (cb.status !== 303 || cb.headers.get('location') !== '/' || !cookieOf(cb).includes('amongi_session'))
        throw new Error(`callback: ${cb.status} ${cb.headers.get('location')}`);
      return { total: t3 - t0, amongi: t1 - t0 + (t3 - t2), provider: t2 - t1 };
    };
    const local = async () => {
      const t0 = performance.now();
      await signIn(server.base, 'medarbejder@demo.amongi.dk');
      return performance.now() - t0;
    };

    for (let i = 0; i < 15; i++) {
      await sso();
      await local();
    } // warm-up: discovery, JWKS, JIT
    const s = { total: [] as number[], amongi: [] as number[], provider: [] as number[] };
    const l: number[] = [];
    let ssoCpu = 0;
    let localCpu = 0;
    for (let i = 0; i < rounds; i++) {
      for (const side of i % 2 ? ['local', 'sso'] : ['sso', 'local']) {
        const c0 = cpuSeconds(server.pid);
        if (side === 'sso') {
          const r = await sso();
          s.total.push(r.total);
          s.amongi.push(r.amongi);
          s.provider.push(r.provider);
          ssoCpu += cpuSeconds(server.pid) - c0;
        } else {
          l.push(await local());
          localCpu += cpuSeconds(server.pid) - c0;
        }
      }
    }
    const result = {
      rounds,
      database: process.env.BENCH_DATABASE_URL ? 'postgresql' : 'pglite',
      oidcRoundTrip: summary(s.total),
      oidcAmongiPart: summary(s.amongi),
      oidcProviderPart: summary(s.provider),
      localPasswordSignIn: summary(l),
      serverCpuMsPerSignIn: {
        oidc: round((ssoCpu / rounds) * 1000, 1),
        localPassword: round((localCpu / rounds) * 1000, 1),
      },
      p99Ratio: round(percentile(s.total, 99) / percentile(l, 99), 2),
      loadAfter: loadAvg(),
      targetP99Ms: 150,
    };
    console.log(JSON.stringify(result, null, 2));
    await writeResult(`oidc-${result.database}`, loadBefore, result);
  } finally {
    await idp.close();
    await server.stop();
  }
}

if (process.argv[1]?.endsWith('oidc.ts'))
  oidcBench().catch((err) => {
    console.error(err);
    process.exit(1);
  });
