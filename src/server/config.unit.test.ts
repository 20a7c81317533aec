import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const message = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('has working defaults with nothing set: embedded database, demo on, port 3000', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1', // demo mode: this machine only
      dataDir: path.resolve('./data'),
      databaseUrl: undefined,
      demo: true,
      demoContent: true,
      publicUrl: 'http://localhost:3000',
      sessionSecret: undefined,
      sessionDays: 14,
      smtpUrl: undefined,
      mailFrom: 'Amongi <no-reply@amongi.local>',
      logLevel: 'info',
      trustProxy: 0,
      loginLimits: { perAccount: 10, perIp: 50, windowSeconds: 900 },
      storage: { kind: 'local' },
      uploadMaxBytes: 8 * 1024 ** 3,
      uploadQuotaBytes: 20 * 1024 ** 3,
      heavyReads: { concurrent: 2, perMinute: 60 },
      dbQueue: { maxWaiting: 64, maxWaitMs: 10_000 },
      meetingStreamsMax: 2000,
      videoLeaseSeconds: 60,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://root@localhost/amongi' }, 'DATABASE_URL'],
    [{ SMTP_URL: 'http://mail.example.dk' }, 'SMTP_URL'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ DEMO: 'yes' }, 'DEMO'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ LOGIN_MAX_PER_ACCOUNT: '0' }, 'LOGIN_MAX_PER_ACCOUNT'],
    [{ STORAGE: 'ftp' }, 'STORAGE'],
    [{ S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT'],
    [{ S3_FORCE_PATH_STYLE: 'ja' }, 'S3_FORCE_PATH_STYLE'],
    [{ UPLOAD_MAX_BYTES: '0' }, 'UPLOAD_MAX_BYTES'],
    [{ UPLOAD_MAX_BYTES: '1.5' }, 'UPLOAD_MAX_BYTES'],
    [{ UPLOAD_QUOTA_BYTES: '0' }, 'UPLOAD_QUOTA_BYTES'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '-1' }, 'TRUST_PROXY'],
    [{ HEAVY_MAX_CONCURRENT: '0' }, 'HEAVY_MAX_CONCURRENT'],
    [{ DB_QUEUE_MAX: '0' }, 'DB_QUEUE_MAX'],
    [{ STORAGE: 's3', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }, 'S3_BUCKET'],
    [{ STORAGE: 's3', S3_BUCKET: 'b', S3_SECRET_ACCESS_KEY: 's' }, 'S3_ACCESS_KEY_ID'],
    [
      { STORAGE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: '' },
      'S3_SECRET_ACCESS_KEY',
    ],
  ])('a bad value %o throws a ConfigError naming %s', (env, setting) => {
    const m = message(env);
    expect(m).toMatch(/^Ugyldig konfiguration:/);
    expect(m).toMatch(new RegExp(`^  ${setting}: `, 'm'));
  });

  it('OPERATOR_*: the operator named only with a name; a bad e-mail or statement address names the setting', () => {
    expect(loadConfig({}).operator).toBeUndefined();
    expect(loadConfig({ OPERATOR_NAME: 'Fjordby Kommune', OPERATOR_PHONE: '70 10 20 30' }).operator).toEqual({
      name: 'Fjordby Kommune',
      email: undefined,
      phone: '70 10 20 30',
    });
    expect(() => loadConfig({ OPERATOR_EMAIL: 'ikke en adresse' })).toThrow(/OPERATOR_EMAIL/);
    expect(() => loadConfig({ ACCESSIBILITY_STATEMENT_URL: 'was.digst.dk' })).toThrow(
      /ACCESSIBILITY_STATEMENT_URL/,
    );
  });

  it('names every bad setting at once', () => {
    const m = message({ PORT: 'abc', SMTP_URL: 'http://x' });
    expect(m).toMatch(/^ {2}PORT: /m);
    expect(m).toMatch(/^ {2}SMTP_URL: /m);
  });

  it('STORAGE=s3 names every missing S3 setting, in Danish, along with other bad settings', () => {
    const m = message({ STORAGE: 's3', PORT: 'abc' });
    expect(m).toMatch(/^ {2}PORT: /m);
    for (const name of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) {
      expect(m).toContain(`  ${name}: skal angives, når STORAGE=s3`);
    }
    expect(message({ STORAGE: 'disk' })).toContain('STORAGE: skal være local eller s3');
    // Local storage needs none of them, and ignores any that are set.
    expect(loadConfig({ STORAGE: 'local', S3_BUCKET: 'b' }).storage).toEqual({ kind: 'local' });
  });

  it('reads the S3 settings: endpoint without trailing slash, default region, path style off unless set', () => {
    const s3 = {
      STORAGE: 's3',
      S3_BUCKET: 'amongi',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
    };
    expect(loadConfig(s3).storage).toEqual({
      kind: 's3',
      endpoint: undefined,
      region: 'us-east-1',
      bucket: 'amongi',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: false,
    });
    const minio = loadConfig({
      ...s3,
      S3_ENDPOINT: 'http://minio:9000/',
      S3_REGION: 'eu-north-1',
      S3_FORCE_PATH_STYLE: '1',
      UPLOAD_MAX_BYTES: '1048576',
    });
    expect(minio.storage).toMatchObject({
      endpoint: 'http://minio:9000',
      region: 'eu-north-1',
      forcePathStyle: true,
    });
    expect(minio.uploadMaxBytes).toBe(1048576);
  });

  it('says in Danish what a URL must start with', () => {
    expect(message({ DATABASE_URL: 'mysql://x' })).toContain(
      'skal starte med postgres:// eller postgresql://',
    );
    expect(message({ SMTP_URL: 'http://x' })).toContain('skal starte med smtp:// eller smtps://');
  });

  it('demo is on by default, off with DATABASE_URL unless DEMO=1, and DEMO=0 turns it off', () => {
    const pg = 'postgres://amongi@db/amongi';
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ DATABASE_URL: pg }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: pg, DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ DATABASE_URL: pg, DEMO: 'true' }).demo).toBe(true);
    expect(loadConfig({ DEMO: '0' }).demo).toBe(false);
    // The demo catalogue comes with demo mode unless DEMO_CONTENT=0.
    expect(loadConfig({}).demoContent).toBe(true);
    expect(loadConfig({ DEMO_CONTENT: '0' }).demoContent).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://x/y' }).databaseUrl).toBe('postgresql://x/y');
  });

  it('HOST: in demo mode (published passwords) 127.0.0.1 unless set, else every interface', () => {
    const pg = 'postgres://amongi@db/amongi';
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ DATABASE_URL: pg, DEMO: '1' }).host).toBe('127.0.0.1');
    expect(loadConfig({ DATABASE_URL: pg }).host).toBe('0.0.0.0');
    expect(loadConfig({ DEMO: '0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '' }).host).toBe('127.0.0.1');
    expect(loadConfig({ DATABASE_URL: pg, HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
  });

  it('METRICS_TOKEN: unset by default (then /metrics is 404), at least 16 characters', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'a'.repeat(16) }).metricsToken).toBe('a'.repeat(16));
    expect(message({ METRICS_TOKEN: 'kort' })).toContain('METRICS_TOKEN: skal være mindst 16 tegn');
  });

  it('an empty value counts as not set', () => {
    const c = loadConfig({ DATABASE_URL: '', SMTP_URL: '', PORT: '', DEMO: '' });
    expect([c.databaseUrl, c.smtpUrl, c.port, c.demo]).toEqual([undefined, undefined, 3000, true]);
  });

  it('reads numbers, URLs and flags; PUBLIC_URL loses a trailing slash and follows PORT by default', () => {
    const c = loadConfig({
      PORT: '8080',
      SMTP_URL: 'smtps://user:pw@mail.example.dk:465',
      TRUST_PROXY: '1',
      LOGIN_MAX_PER_ACCOUNT: '3',
      LOGIN_MAX_PER_IP: '7',
      LOGIN_WINDOW_SECONDS: '60',
      SESSION_DAYS: '2',
    });
    expect(c.publicUrl).toBe('http://localhost:8080');
    expect(c.smtpUrl).toBe('smtps://user:pw@mail.example.dk:465');
    expect(c.trustProxy).toBe(1);
    expect(c.loginLimits).toEqual({ perAccount: 3, perIp: 7, windowSeconds: 60 });
    expect(c.sessionDays).toBe(2);
    expect(loadConfig({ PUBLIC_URL: 'https://amongi.example.dk/' }).publicUrl).toBe(
      'https://amongi.example.dk',
    );
  });

  it('TRUST_PROXY is a hop count: 1 and true mean one proxy, 0 and false none, a number that many', () => {
    const hops = (v: string) => loadConfig({ TRUST_PROXY: v }).trustProxy;
    expect(['0', 'false', '1', 'true', '2'].map(hops)).toEqual([0, 0, 1, 1, 2]);
  });

  it('reads the upload quota, the heavy-read limits, the PGlite queue and the meeting streams', () => {
    const c = loadConfig({
      UPLOAD_QUOTA_BYTES: '1048576',
      HEAVY_MAX_CONCURRENT: '3',
      HEAVY_MAX_PER_MINUTE: '10',
      DB_QUEUE_MAX: '5',
      DB_QUEUE_WAIT_MS: '500',
      MEETING_STREAMS_MAX: '50',
    });
    expect([c.uploadQuotaBytes, c.heavyReads, c.dbQueue, c.meetingStreamsMax]).toEqual([
      1048576,
      { concurrent: 3, perMinute: 10 },
      { maxWaiting: 5, maxWaitMs: 500 },
      50,
    ]);
    expect(() => loadConfig({ MEETING_STREAMS_MAX: '0' })).toThrow();
  });
});

describe('DATA_RESIDENCY=eu (issue 20 part 6)', () => {
  const s3 = { STORAGE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' };
  const load = (env: Record<string, string>) => () => loadConfig({ DATA_RESIDENCY: 'eu', ...s3, ...env });

  it('refuses at boot an S3 region or endpoint outside the EU/EEA, in Danish and English', () => {
    expect(load({})).toThrow(/region us-east-1\) ligger ikke i EU\/EØS[\s\S]*is not in the EU\/EEA/);
    expect(load({ S3_REGION: 'eu-west-2' })).toThrow(ConfigError); // London
    expect(load({ S3_REGION: 'eu-central-2' })).toThrow(ConfigError); // Zurich
    expect(load({ S3_REGION: 'eu-north-1', S3_ENDPOINT: 'https://s3.us-west-2.amazonaws.com' })).toThrow(
      /s3\.us-west-2\.amazonaws\.com, region us-west-2/,
    );
    expect(load({ S3_ENDPOINT: 'https://acc.r2.cloudflarestorage.com', S3_REGION: 'auto' })).toThrow(
      ConfigError,
    );
    expect(load({ S3_ENDPOINT: 'https://nyc3.digitaloceanspaces.com' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_RESIDENCY: 'us' })).toThrow(/DATA_RESIDENCY: skal være eu/);
  });

  it('starts with an EU/EEA region, a provider’s EU endpoint, or storage on the own network', () => {
    expect(load({ S3_REGION: 'eu-central-1' })().dataResidency).toBe('eu');
    expect(load({ S3_REGION: 'eu-north-1' })().storage).toMatchObject({ region: 'eu-north-1' });
    expect(load({ S3_ENDPOINT: 'https://fsn1.your-objectstorage.com' })).not.toThrow();
    expect(load({ S3_ENDPOINT: 'https://s3.fr-par.scw.cloud' })).not.toThrow();
    expect(load({ S3_ENDPOINT: 'https://acc.eu.r2.cloudflarestorage.com', S3_REGION: 'auto' })).not.toThrow();
    expect(load({ S3_ENDPOINT: 'http://127.0.0.1:9000' })).not.toThrow();
    expect(load({ S3_ENDPOINT: 'http://minio.internal:9000' })).not.toThrow();
    expect(load({ S3_ENDPOINT: 'http://minio:9000' })).not.toThrow();
  });

  it('without DATA_RESIDENCY, or with local storage, nothing is checked', () => {
    expect(() => loadConfig({ ...s3 })).not.toThrow();
    expect(loadConfig({ DATA_RESIDENCY: 'eu' }).storage).toEqual({ kind: 'local' });
  });
});
