/**
 * Creates the first administrator of a non-demo instance and prints a one-time link to choose a password.
 *   npm run admin:create -- --email anna@kommune.dk --name "Anna Jensen"
 * Uses the same settings as the server (DATABASE_URL or DATA_DIR). Refuses while the server holds the data dir.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/index.js';
import { acquireLock, LockError } from '../lockfile.js';
import { INVITATION_DAYS } from '../modules/auth/index.js';
import { createAdministrator } from '../modules/people/index.js';

async function run() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email || !values.name)
    throw new ConfigError('Brug: npm run admin:create -- --email E-MAIL --name "NAVN"');
  const config = loadConfig();
  const release = config.databaseUrl ? () => {} : acquireLock(config.dataDir);
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dir: `${config.dataDir}/pglite` },
  );
  try {
    await database.migrate();
    const link = await createAdministrator(
      database.db,
      { email: values.email, name: values.name },
      config.publicUrl,
    );
    if (!link) throw new ConfigError(`${values.email} findes allerede.`);
    process.stdout.write(
      `Administrator oprettet. Åbn dette link inden ${INVITATION_DAYS} dage for at vælge adgangskode:\n` +
        `${link}\n`,
    );
  } finally {
    await database.close();
    release();
  }
}

run().catch((err) => {
  process.stderr.write(
    `${err instanceof ConfigError || err instanceof LockError ? err.message : err?.stack}\n`,
  );
  process.exit(1);
});
