import { parseArgs } from 'node:util';
import { expiredSessionsTask } from './auth/session-cleanup.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { buildContext, closeContext } from './context.js';
import { openDatabase } from './db/index.js';
import { instanceSecret } from './db/instance.js';
import {
  DEMO_ACCOUNTS,
  DEMO_DOMAIN,
  DEMO_PASSWORD,
  DEMO_TEACHERS,
  defaultDemoCacheDir,
  demoMediaProgress,
  disableDemoPasswords,
  progressLine,
  seedDemo,
  seedDemoContent,
  startDemoMedia,
} from './demo/index.js';
import { startTicker } from './jobs/ticker.js';
import { acquireLock, LockError } from './lockfile.js';
import { startMailWorker } from './mail/deliver.js';
import { sendDueEvaluationReminders } from './modules/evaluation/index.js';
import { sendDueTaskReminders, syncBuiltinTemplates } from './modules/inquiry/index.js';
import { erasePerson, startExportWorker } from './modules/mydata/index.js';
import {
  notificationMailHeaders,
  sendDueDigests,
  sendDueNotificationEmails,
} from './modules/notifications/index.js';
import { purgeExpiredProgression } from './modules/progression/index.js';
import { runRetention } from './modules/retention/index.js';
import { refreshMissingSearchDocuments } from './modules/search-documents/index.js';
import { runDueStaffSyncs } from './modules/staff-sync/index.js';
import {
  ensureBuiltinQuestionnaire,
  mixSurveyAnswers,
  openDueRounds,
  sendDueSurveyReminders,
} from './modules/survey/index.js';
import { sendDueReminders } from './modules/training/index.js';
import { endExpiredGrants, startTranscriptionWorker, startVideoPipeline } from './modules/videos/index.js';

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

async function main() {
  const { values } = parseArgs({ options: { services: { type: 'string', default: 'web,worker' } } });
  const services = new Set((values.services ?? '').split(',').map((s) => s.trim()));
  if (![...services].every((s) => s === 'web' || s === 'worker') || services.size === 0)
    fail('--services skal være web, worker eller web,worker');

  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }

  let releaseLock = () => {};
  if (!config.databaseUrl) {
    try {
      releaseLock = acquireLock(config.dataDir);
    } catch (err) {
      if (err instanceof LockError) fail(err.message);
      throw err;
    }
  }

  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dir: `${config.dataDir}/pglite` },
  ).catch((err) => fail(`Kunne ikke åbne databasen: ${(err as Error).message}`));
  // Processes started at once on one PostgreSQL database do the one-time work one after the other (migrations,
  // the instance secret, search documents, the demo seed): the others wait, then find it done.
  // A worker-only process builds no HTTP routes: the context (database, jobs, events, storage) is all it needs.
  const appModule = services.has('web') ? import('./app.js') : undefined; // loading the code needs no lock
  const startup = await database.lock('startup');
  await database.migrate();
  const secret = await instanceSecret(database.db, config.sessionSecret);
  const ctx = await buildContext({ config, database, secret });
  const app = appModule
    ? (await (await appModule).buildApp({ config, database, secret, ctx })).app
    : undefined;
  const log = ctx.log;
  // Videos from before search existed get their full-text document (a no-op once every video has one).
  await refreshMissingSearchDocuments(database.db);
  // The built-in inquiry cycle templates follow their data file (issue 16).
  await syncBuiltinTemplates(database.db);
  // The built-in staff survey questionnaire (issue 18), published, on every instance.
  await ensureBuiltinQuestionnaire(database.db);

  if (config.demo) {
    if (await seedDemo(database.db)) log.info('demo data seeded');
    if (config.demoContent && (await seedDemoContent(ctx))) log.info('demo content seeded');
  } else {
    const n = await disableDemoPasswords(database.db);
    if (n) log.warn({ accounts: n }, 'demo mode is off: demo accounts were disabled');
  }
  await startup.release();

  const stopMail = services.has('worker')
    ? startMailWorker(ctx, notificationMailHeaders(ctx))
    : async () => {};
  // Scheduled work (I3): notification e-mails into the outbox, the daily digest, session and task reminders.
  const stopTicker = services.has('worker')
    ? startTicker(ctx, [
        { name: 'notification-emails', everyMs: 3000, run: (now) => sendDueNotificationEmails(ctx, now) },
        { name: 'notification-digests', everyMs: 60_000, run: (now) => sendDueDigests(ctx, now) },
        { name: 'training-reminders', everyMs: 60_000, run: (now) => sendDueReminders(ctx, now) },
        { name: 'inquiry-task-reminders', everyMs: 60_000, run: (now) => sendDueTaskReminders(ctx, now) },
        {
          name: 'evaluation-reminders',
          everyMs: 60_000,
          run: (now) => sendDueEvaluationReminders(ctx, now),
        },
        // Per-child progression rows past their retention (issue 17): looked for hourly, purged when due.
        {
          name: 'progression-retention',
          everyMs: 3_600_000,
          run: (now) => purgeExpiredProgression(ctx, now),
        },
        // Survey answers and used marks rewritten in random order (ADR 0010) while rounds get new answers.
        { name: 'survey-mix', everyMs: 300_000, run: (now) => mixSurveyAnswers(ctx, now) },
        // Survey rounds open on their first day (invitations e-mailed) and remind 3 days before their last.
        { name: 'survey-open', everyMs: 60_000, run: (now) => openDueRounds(ctx, now) },
        { name: 'survey-reminders', everyMs: 60_000, run: (now) => sendDueSurveyReminders(ctx, now) },
        // Personal shares of recordings (issue 19) whose end has passed: ended, and their media URLs with them.
        { name: 'video-grant-expiry', everyMs: 60_000, run: () => endExpiredGrants(ctx) },
        // Staff sync sources whose interval has passed (issue 20 part 2), each claimed with a lease.
        { name: 'staff-sync', everyMs: 30_000, run: (now) => runDueStaffSyncs(ctx, now) },
        expiredSessionsTask(ctx),
        // Retention (issue 20 part 4): each kind of data past the administrator's period, in batches, logged.
        {
          name: 'retention',
          everyMs: 3_600_000,
          run: (now) =>
            runRetention(ctx, now, {
              erasePerson: (id) =>
                erasePerson(ctx, id, { by: null, reason: 'retention: deactivated account' }),
            }),
        },
      ])
    : async () => {};
  const pipeline = services.has('worker') ? await startVideoPipeline(ctx) : undefined;
  // The worker processes also prepare "Mine data" exports (issue 20) and make automatic captions (issue 19).
  if (services.has('worker')) {
    await startExportWorker(ctx);
    await startTranscriptionWorker(ctx);
  }
  // Demo videos get their media: at once from the cache when it has them, else through the pipeline meanwhile.
  const demoMedia = new AbortController();
  if (config.demo && config.demoContent) {
    const cacheDir = config.demoCacheDir ?? defaultDemoCacheDir();
    await startDemoMedia(ctx, { cacheDir, signal: demoMedia.signal })
      .then(({ restored, restoreSeconds, done }) => {
        if (restored) log.info({ restored, restoreSeconds, cacheDir }, 'demo media restored from the cache');
        done
          .then((r) => r.videos > 0 && log.info(r, 'demo media ready'))
          .catch((err) => log.warn({ err }, 'demo media failed'));
      })
      .catch((err) => log.warn({ err }, 'demo media failed'));
    // "23 af 63 demovideoer klar" while they are being made (whatever makes them), then once that all are.
    let said = '';
    const sayProgress = async () => {
      const p = await demoMediaProgress(database.db);
      const line = progressLine(p);
      if (line !== said && p.total > 0) log.info(p, line);
      said = line;
      if (p.done) clearInterval(progressTimer);
    };
    const progressTimer = setInterval(() => sayProgress().catch(() => {}), 10_000);
    progressTimer.unref();
    demoMedia.signal.addEventListener('abort', () => clearInterval(progressTimer));
    await sayProgress().catch(() => {});
  }
  // A worker-only process has no listening socket; keep it alive until it is told to stop.
  const keepAlive = app ? undefined : setInterval(() => {}, 1 << 30);
  if (app) await app.listen({ port: config.port, host: config.host });
  if (process.env.AMONGI_REPORT_START === '1')
    process.stdout.write(
      `${JSON.stringify({ started: true, uptimeMs: Math.round(process.uptime() * 1000), ...process.memoryUsage() })}\n`,
    );

  const shutdown = async () => {
    clearInterval(keepAlive);
    demoMedia.abort();
    pipeline?.stop();
    await stopTicker();
    await stopMail();
    if (app)
      await app.close(); // closes the context too
    else await closeContext(ctx);
    await database.close();
    releaseLock();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  if (services.has('web')) {
    const lines = [
      '',
      `  Amongi kører på ${config.publicUrl}`,
      `  Database: ${database.kind === 'pglite' ? `indlejret PGlite i ${config.dataDir}` : 'PostgreSQL'}`,
    ];
    if (config.demo) {
      // The demo passwords are published: say who can reach this instance (HOST unset = this machine only).
      lines.push(
        ['127.0.0.1', '::1', 'localhost'].includes(config.host)
          ? `  Demotilstand: lytter kun på ${config.host}, så kun denne maskine kan logge ind. Sæt HOST=0.0.0.0 for at åbne for andre.`
          : `  Demotilstand: lytter på ${config.host}. Alle, der kan nå den adresse, kan logge ind med demokontiene.`,
      );
      lines.push(`  Demokonti (adgangskode ${DEMO_PASSWORD}):`);
      for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.email.padEnd(38)} ${a.role}`);
      const teachers = `laerer1 … laerer${DEMO_TEACHERS.length}@${DEMO_DOMAIN}`;
      lines.push(`    ${teachers.padEnd(38)} medarbejder (flere lærere på to skoler)`);
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`${err?.stack ?? err}\n`);
  process.exit(1);
});
