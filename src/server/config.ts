import path from 'node:path';
import { z } from 'zod';
import { MEETING_LIMITS } from '../shared/meetings.js';
import { residencyProblem } from './residency.js';

const bool = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v === '1' || v === 'true'));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Unset: 127.0.0.1 in demo mode (its passwords are published), else every interface.
  HOST: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'skal starte med postgres:// eller postgresql://')
    .optional(),
  DEMO: bool,
  DEMO_CONTENT: bool,
  DEMO_CACHE_DIR: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32, 'skal være mindst 32 tegn').optional(),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'skal starte med smtp:// eller smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Amongi <no-reply@amongi.local>'),
  /** Who runs this Amongi (the kommune or its supplier): named on /tilgaengelighed and /privatliv. */
  OPERATOR_NAME: z.string().max(200).optional(),
  OPERATOR_EMAIL: z.string().email('skal være en e-mailadresse').optional(),
  OPERATOR_PHONE: z.string().max(40).optional(),
  /** The official statement made in Digitaliseringsstyrelsen's WAS-Tool (was.digst.dk/…): /was leads there. */
  ACCESSIBILITY_STATEMENT_URL: z.string().url().optional(),
  /** Staff sync: CSV sources at a path must lie under this folder; unset: path sources are refused. */
  STAFF_SYNC_DIR: z.string().optional(),
  /** eu: refuse to start with media storage outside the EU/EEA (docs/data-processing.md). */
  DATA_RESIDENCY: z.enum(['eu'], 'skal være eu (eller ikke sat)').optional(),
  METRICS_TOKEN: z.string().min(16, 'skal være mindst 16 tegn').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // How many reverse proxies in front append to X-Forwarded-For: 0/false none, 1/true one hop (the usual), n hops.
  TRUST_PROXY: z
    .string()
    .regex(/^(0|1|true|false|[0-9]{1,2})$/, 'skal være 0, 1 eller antallet af proxyer foran Amongi')
    .optional()
    .transform((v) => (v === undefined ? 0 : v === 'true' ? 1 : v === 'false' ? 0 : Number(v))),
  LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_PER_IP: z.coerce.number().int().min(1).default(50),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  STORAGE: z.enum(['local', 's3'], 'skal være local eller s3').default('local'),
  S3_ENDPOINT: z
    .string()
    .regex(/^https?:\/\/[^\s/]+/, 'skal være en URL, der starter med http:// eller https://')
    .optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool,
  VIDEO_LEASE_SECONDS: z.coerce.number().int().min(2, 'skal være mindst 2').max(3600).default(60),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1, 'skal være mindst 1')
    .default(8 * 1024 ** 3),
  UPLOAD_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .min(1, 'skal være mindst 1')
    .default(20 * 1024 ** 3),
  HEAVY_MAX_CONCURRENT: z.coerce.number().int().min(1).max(100).default(2),
  HEAVY_MAX_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  MEETING_STREAMS_MAX: z.coerce.number().int().min(1).default(MEETING_LIMITS.streamsPerProcess),
  DB_QUEUE_MAX: z.coerce.number().int().min(1).default(64),
  DB_QUEUE_WAIT_MS: z.coerce.number().int().min(10).default(10_000),
});

type Env = z.infer<typeof envSchema>;

/** Settings that STORAGE=s3 cannot do without. */
const S3_REQUIRED = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/** Where media lives: `<dataDir>/media` on local disk, or a bucket in an S3-compatible store. */
export type StorageConfig =
  | { kind: 'local' }
  | {
      kind: 's3';
      endpoint?: string;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      forcePathStyle: boolean;
    };

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  demo: boolean;
  /** In demo mode: also seed the demo catalogue (videos, communities, packages), not only the organisation. */
  demoContent: boolean;
  /** Where generated demo videos and their finished HLS are kept between runs (outside the data dir). */
  demoCacheDir?: string;
  publicUrl: string;
  sessionSecret?: string;
  sessionDays: number;
  smtpUrl?: string;
  mailFrom: string;
  /** The organisation responsible for the site (OPERATOR_NAME, OPERATOR_EMAIL); undefined when not set. */
  operator?: { name: string; email?: string; phone?: string };
  /** ACCESSIBILITY_STATEMENT_URL: the operator's official statement in WAS-Tool, when made. */
  accessibilityStatementUrl?: string;
  /** STAFF_SYNC_DIR (absolute): the only folder staff sync may read CSV files from; undefined: none. */
  staffSyncDir?: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Bearer token that /metrics requires; without it /metrics answers 404. */
  metricsToken?: string;
  /** How many reverse proxies to trust (hops from the right of X-Forwarded-For); 0: the socket's address. */
  trustProxy: number;
  loginLimits: { perAccount: number; perIp: number; windowSeconds: number };
  storage: StorageConfig;
  /** DATA_RESIDENCY: 'eu' when media storage must be in the EU/EEA (checked at boot). */
  dataResidency?: 'eu';
  /** How long a worker holds a video step without renewing it: a crashed worker's video is taken over after this. */
  videoLeaseSeconds: number;
  /** The largest upload accepted, in bytes. */
  uploadMaxBytes: number;
  /** What one person's videos (their originals, and uploads in progress at their declared size) may add up to. */
  uploadQuotaBytes: number;
  /** Heavy reads (route config `heavy`) per person: at most this many at once and this many a minute. */
  heavyReads: { concurrent: number; perMinute: number };
  /** Open meeting-mode streams in this process; more answer 503 inquiry.live_busy. */
  meetingStreamsMax: number;
  /** PGlite (one connection): at most this many queries wait, each at most this long; else 503 server.busy. */
  dbQueue: { maxWaiting: number; maxWaitMs: number };
};

export class ConfigError extends Error {}

/** Reads every setting from the environment; a bad value throws a ConfigError naming the setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty value means "not set" (as in `DATABASE_URL= npm start`).
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(given);
  const missing = given.STORAGE === 's3' ? S3_REQUIRED.filter((name) => !given[name]) : [];
  if (!parsed.success || missing.length > 0) {
    const lines = [
      ...(parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)),
      ...missing.map((name) => `  ${name}: skal angives, når STORAGE=s3`),
    ];
    throw new ConfigError(`Ugyldig konfiguration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const storage = storageConfig(e);
  if (e.DATA_RESIDENCY === 'eu' && storage.kind === 's3') {
    const problem = residencyProblem(storage);
    if (problem) throw new ConfigError(problem);
  }
  const demo = e.DEMO ?? !e.DATABASE_URL;
  return {
    port: e.PORT,
    host: e.HOST ?? (demo ? '127.0.0.1' : '0.0.0.0'),
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo,
    demoContent: e.DEMO_CONTENT ?? true,
    demoCacheDir: e.DEMO_CACHE_DIR ? path.resolve(e.DEMO_CACHE_DIR) : undefined,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    sessionSecret: e.SESSION_SECRET,
    sessionDays: e.SESSION_DAYS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    operator: e.OPERATOR_NAME
      ? { name: e.OPERATOR_NAME, email: e.OPERATOR_EMAIL, phone: e.OPERATOR_PHONE }
      : undefined,
    accessibilityStatementUrl: e.ACCESSIBILITY_STATEMENT_URL,
    staffSyncDir: e.STAFF_SYNC_DIR ? path.resolve(e.STAFF_SYNC_DIR) : undefined,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN,
    trustProxy: e.TRUST_PROXY,
    loginLimits: {
      perAccount: e.LOGIN_MAX_PER_ACCOUNT,
      perIp: e.LOGIN_MAX_PER_IP,
      windowSeconds: e.LOGIN_WINDOW_SECONDS,
    },
    storage,
    dataResidency: e.DATA_RESIDENCY,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    uploadQuotaBytes: e.UPLOAD_QUOTA_BYTES,
    heavyReads: { concurrent: e.HEAVY_MAX_CONCURRENT, perMinute: e.HEAVY_MAX_PER_MINUTE },
    dbQueue: { maxWaiting: e.DB_QUEUE_MAX, maxWaitMs: e.DB_QUEUE_WAIT_MS },
    meetingStreamsMax: e.MEETING_STREAMS_MAX,
    videoLeaseSeconds: e.VIDEO_LEASE_SECONDS,
  };
}

function storageConfig(e: Env): StorageConfig {
  if (e.STORAGE === 'local') return { kind: 'local' };
  const { S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = e;
  if (!bucket || !accessKeyId || !secretAccessKey) throw new ConfigError(`${S3_REQUIRED.join(', ')} mangler`);
  return {
    kind: 's3',
    endpoint: e.S3_ENDPOINT?.replace(/\/$/, ''),
    region: e.S3_REGION,
    bucket,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: e.S3_FORCE_PATH_STYLE ?? false,
  };
}
