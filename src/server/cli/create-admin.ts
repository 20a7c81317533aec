/**
 * Creates the first administrator of a non-demo instance and prints a one-time link to choose a password.
 *   npm run admin:create -- --email anna@kommune.dk --name "Anna Jensen"
 * Uses the same settings as the server (DATABASE_URL or DATA_DIR). Refuses while the server holds the data dir.
 */
import { parseArgs } from 'node:util';
import { randomToken, sha256 } from '../auth/crypto.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/index.js';
import { acquireLock, LockError } from '../lockfile.js';
import { findUserByEmail, insertAuthToken } from '../modules/auth/repo.js';
import { INVITATION_DAYS } from '../modules/auth/service.js';
import { insertGrant, insertUser } from '../modules/people/repo.js';

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
    if (await findUserByEmail(database.db, values.email))
      throw new ConfigError(`${values.email} findes allerede.`);
    const token = randomToken();
    await database.db.transaction(async (tx) => {
      const user = await insertUser(tx, { email: values.email as string, name: values.name as string });
      await insertGrant(tx, { userId: user.id, role: 'administrator', kommuneId: null, institutionId: null });
      await insertAuthToken(tx, {
        id: sha256(token),
        userId: user.id,
        purpose: 'invitation',
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000),
      });
    });
    process.stdout.write(
      `Administrator oprettet. Åbn dette link inden ${INVITATION_DAYS} dage for at vælge adgangskode:\n` +
        `${config.publicUrl}/invitation/${token}\n`,
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
