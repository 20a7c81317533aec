import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { type Database, openDatabase } from '../db/index.js';
import { DEMO_PASSWORD, seedDemo } from '../demo/index.js';
import { syncBuiltinTemplates } from '../modules/inquiry/index.js';
import { ensureBuiltinQuestionnaire } from '../modules/survey/index.js';
import { type PipelineOptions, startVideoPipeline } from '../modules/videos/index.js';

/** The run's template databases (testing/templates.ts), or none outside a Vitest run that made them. */
function templates() {
  try {
    return inject('databaseTemplates');
  } catch {
    return undefined;
  }
}

/**
 * A fresh, migrated database for one test file (with the demo organisation when `seeded`): in-memory PGlite by
 * default, or a new PostgreSQL database (created and dropped here) when TEST_DATABASE_URL is set. Copied from the
 * run's templates when there are some; else migrated (and seeded) here.
 */
export async function createTestDatabase(opts: { seeded?: boolean } = {}): Promise<{
  database: Database;
  url?: string;
  drop: () => Promise<void>;
}> {
  const base = process.env.TEST_DATABASE_URL;
  const template = templates();
  const from = template?.[opts.seeded ? 'seeded' : 'migrated'];
  const prepare = async (database: Database) => {
    if (from) return;
    await database.migrate();
    await syncBuiltinTemplates(database.db);
    await ensureBuiltinQuestionnaire(database.db);
    if (opts.seeded) await seedDemo(database.db);
  };
  if (!base) {
    const database = await openDatabase(
      template?.kind === 'pglite' && from ? { from: new Blob([await fs.promises.readFile(from)]) } : {},
    );
    await prepare(database);
    // Closing twice is fine: a test may close the database itself (e.g. to see /healthz fail).
    return { database, drop: () => database.close().catch(() => {}) };
  }
  const name = `amongi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(
    template?.kind === 'postgres' && from
      ? `create database ${name} template ${from}`
      : `create database ${name}`,
  );
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await prepare(database);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close().catch(() => {});
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  client: () => TestClient;
  /** A client signed in as a demo account (e.g. 'leder' → leder@demo.amongi.dk). */
  as: (account: string) => Promise<TestClient>;
  close: () => Promise<void>;
  /** The video pipeline, when the test asked for one. */
  pipeline?: Awaited<ReturnType<typeof startVideoPipeline>>;
};

/** Builds the real app on a fresh database with the demo organisation seeded. */
export async function createTestApp(
  env: Record<string, string> = {},
  opts: { pipeline?: PipelineOptions } = {},
): Promise<TestApp> {
  const { database, drop } = await createTestDatabase({ seeded: true });
  // Media and work files go to a fresh folder that is removed on close.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-test-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DEMO: '1',
    PUBLIC_URL: 'http://amongi.test',
    DATA_DIR: dataDir,
    // Tests read heavy routes far more often than a person would; heavy-reads.int.test.ts sets its own limit.
    HEAVY_MAX_PER_MINUTE: '100000',
    ...env,
  });
  const { app, ctx } = await buildApp({
    config,
    database,
    secret: 'test-secret-'.padEnd(40, 'x'),
    logger: false,
  });
  await app.ready();
  const pipeline = opts.pipeline ? await startVideoPipeline(ctx, opts.pipeline) : undefined;
  const client = () => new TestClient(app);
  return {
    app,
    ctx,
    database,
    client,
    pipeline,
    as: async (account) => {
      const c = client();
      await c.login(account.includes('@') ? account : `${account}@demo.amongi.dk`, DEMO_PASSWORD);
      return c;
    },
    close: async () => {
      pipeline?.stop();
      await app.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Talks to the app like a browser: keeps cookies and sends the CSRF token on writes. */
/**
 * Another app on the test app's database (and disk), as a second web process would be: its caches, limiters and
 * tus server are its own. `config` changes settings for it alone. Close it with `app.close()`.
 */
export function secondApp(t: TestApp, config: Partial<Config> = {}) {
  return buildApp({
    config: { ...t.ctx.config, ...config },
    database: t.database,
    secret: t.ctx.secret,
    logger: false,
  });
}

export class TestClient {
  cookies = new Map<string, string>();
  csrf: string | null = null;
  /** The client's IP address as the server sees it (default 127.0.0.1). */
  remoteAddress?: string;
  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: Method,
    url: string,
    body?: unknown,
    opts: { headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    if (method !== 'GET' && opts.csrf !== false && !this.csrf) {
      const r = await this.request('GET', '/api/v1/auth/csrf');
      this.csrf = r.json().token;
    }
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && opts.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
      ...(typeof body === 'string' || Buffer.isBuffer(body)
        ? { payload: body }
        : body !== undefined
          ? { payload: body as object }
          : {}),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get = (url: string, opts?: { headers?: Record<string, string> }) =>
    this.request('GET', url, undefined, opts);
  post = (url: string, body?: unknown, opts?: { headers?: Record<string, string>; csrf?: boolean }) =>
    this.request('POST', url, body ?? {}, opts);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);

  async login(email: string, password: string) {
    const res = await this.post('/api/v1/auth/login', { email, password });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    return res;
  }
}
