import type { Db } from '../../db/index.js';
import { createAuthLink, findUserByEmail } from '../auth/index.js';
import { insertGrant, insertUser } from './repo.js';

/**
 * The first administrator of a new instance (`npm run admin:create`): the account, its administrator role and an
 * invitation link to choose a password, in one transaction. Null when the e-mail already has an account.
 */
export async function createAdministrator(
  db: Db,
  person: { email: string; name: string },
  publicUrl: string,
): Promise<string | null> {
  if (await findUserByEmail(db, person.email)) return null;
  return db.transaction(async (tx) => {
    const user = await insertUser(tx, person);
    await insertGrant(tx, { userId: user.id, role: 'administrator', kommuneId: null, institutionId: null });
    return createAuthLink(tx, user.id, 'invitation', publicUrl);
  });
}
