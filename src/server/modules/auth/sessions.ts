import type { Db } from '../../db/client.js';
import { deleteSessionsOfUser } from './auth.repo.js';

/**
 * Signs a user out everywhere, inside the caller's transaction: a disabled account, changed roles
 * or a reset password start from a fresh session. Apart from the auth service so that the users
 * module can call it without importing the service that asks it for the user count.
 */
export async function endSessionsOf(db: Db, userId: number): Promise<void> {
  await deleteSessionsOfUser(db, userId);
}
