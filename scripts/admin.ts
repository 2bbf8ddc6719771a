/**
 * Operator commands for when the web is not an option (e.g. the only administrator is locked out).
 * Usage: npm run admin -- <command> [args]
 *   users                              list accounts
 *   unlock <username>                  clear a lock-out
 *   reset-password <username> <pass>  set a new initial password (to be changed at next login)
 * With the embedded database, stop the server first: the data directory is locked.
 */
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { isWeakPassword } from '../src/common/api/auth.js';
import { loadConfig } from '../src/server/config.js';
import { openPglite, openPostgres } from '../src/server/db/client.js';
import { users } from '../src/server/db/schema/index.js';
import { lockDataDir } from '../src/server/lib/data-lock.js';
import { hashPassword } from '../src/server/lib/password.js';
import { writeAudit } from '../src/server/lib/audit.js';
import { systemClock } from '../src/server/lib/clock.js';

async function main(): Promise<number> {
  const [command, username, password] = process.argv.slice(2);
  const config = loadConfig();
  const release = config.databaseUrl ? () => undefined : lockDataDir(config.dataDir);
  const database = config.databaseUrl
    ? await openPostgres(config.databaseUrl, 2)
    : await openPglite(path.join(config.dataDir, 'pgdata'));
  const { db } = database;
  const ctx = { actor: null, ip: 'cli' };
  try {
    if (command === 'users') {
      for (const u of await db.select().from(users).orderBy(users.id)) {
        console.log(
          `${u.id}\t${u.username}\t${u.displayName}\t${u.active ? 'active' : 'disabled'}${u.lockedUntil ? '\tlocked' : ''}`,
        );
      }
      return 0;
    }
    if ((command === 'unlock' || command === 'reset-password') && username) {
      const [user] = await db.select().from(users).where(eq(users.username, username));
      if (!user) {
        console.error(`没有用户 ${username} / no such user`);
        return 1;
      }
      if (command === 'reset-password') {
        if (!password || isWeakPassword(password)) {
          console.error('密码至少 8 位,且须包含大写字母、小写字母、数字、符号中的至少三类');
          return 1;
        }
        const passwordHash = await hashPassword(password, config.passwordHashCost);
        await db.transaction(async (tx) => {
          await tx
            .update(users)
            .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null })
            .where(eq(users.id, user.id));
          await writeAudit(tx, ctx, systemClock, {
            action: 'user.password_reset',
            entityType: 'user',
            entityId: user.id,
          });
        });
      } else {
        await db.transaction(async (tx) => {
          await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
          await writeAudit(tx, ctx, systemClock, {
            action: 'user.unlock',
            entityType: 'user',
            entityId: user.id,
          });
        });
      }
      console.log('完成 / done');
      return 0;
    }
    console.error(
      '用法 / usage: npm run admin -- users | unlock <username> | reset-password <username> <password>',
    );
    return 2;
  } finally {
    await database.close();
    release();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
