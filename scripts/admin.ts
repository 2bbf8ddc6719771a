/**
 * Operator commands for when the web is not an option (e.g. the only administrator is locked out).
 * Usage: npm run admin -- <command> [args]
 *   users                              list accounts
 *   unlock <username>                  clear a lock-out
 *   reset-password <username> <pass>  set a new initial password (to be changed at next login)
 *   ldap-sync [--dry-run]              sync people and departments from the company directory now
 *                                      (LDAP_SYNC settings); --dry-run prints the changes, writes nothing
 *   sweep-files [hours]                delete stored evidence objects no record or document names,
 *                                      written more than `hours` ago (default 24)
 *   rebuild-statuses                   recompute the kept task statuses from the records
 * With the embedded database, stop the server first: the data directory is locked.
 */
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { isWeakPassword } from '../src/common/api/auth.js';
import { errorCatalog } from '../src/common/errors.js';
import { loadConfig } from '../src/server/config.js';
import { openPglite, openPostgres } from '../src/server/db/client.js';
import { users } from '../src/server/db/schema/index.js';
import { lockDataDir } from '../src/server/lib/data-lock.js';
import { hashPassword } from '../src/server/lib/password.js';
import { writeAudit } from '../src/server/lib/audit.js';
import { systemClock } from '../src/server/lib/clock.js';
import { AppError } from '../src/server/lib/errors.js';
import { DirectorySyncService } from '../src/server/modules/directory-sync/directory-sync.service.js';
import { fileStoreFor } from '../src/server/lib/file-store.js';
import { SWEEP_GRACE_MS, sweepUnreferenced } from '../src/server/modules/evidence/sweep.js';
import { rebuildTaskStatuses } from '../src/server/modules/tasks/task-statuses.repo.js';
import { rebuildAttendanceTallies } from '../src/server/modules/records/attendance-tallies.repo.js';

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
    if (command === 'ldap-sync') {
      const dryRun = process.argv.includes('--dry-run');
      try {
        const outcome = await new DirectorySyncService({ db, config, clock: systemClock }).run(ctx, {
          dryRun,
        });
        for (const line of outcome.lines) console.log(line);
        const changes = outcome.plan.departments.length + outcome.plan.people.length;
        console.log(
          dryRun
            ? `试运行,未写入:${changes} 项变更 / dry run, nothing written: ${changes} change(s)`
            : `完成:${changes} 项变更 / done: ${changes} change(s)`,
        );
        return 0;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const text = errorCatalog[err.code];
        console.error(
          `${err.messageZh ?? text.zh} / ${text.en} (${err.code}) ${err.details ? JSON.stringify(err.details) : ''}`,
        );
        return 1;
      }
    }
    if (command === 'rebuild-statuses') {
      const result = await db.transaction(async (tx) => {
        const counts = await rebuildTaskStatuses(tx);
        const tallies = await rebuildAttendanceTallies(tx);
        await writeAudit(tx, ctx, systemClock, {
          action: 'task_statuses.rebuild',
          entityType: 'task_statuses',
          after: { ...counts, attendanceTallies: tallies },
        });
        return { ...counts, tallies };
      });
      console.log(`完成 / done: ${result.rows} 项任务 / tasks, ${result.corrected} 项已更正 / corrected`);
      console.log(
        `出勤统计 / attendance tallies: ${result.tallies.rows} 次会议 / meetings, ${result.tallies.corrected} 项已更正 / corrected`,
      );
      return 0;
    }
    if (command === 'sweep-files') {
      // Younger objects may belong to uploads still running in some instance.
      const graceMs = username ? Number(username) * 3_600_000 : SWEEP_GRACE_MS;
      if (!Number.isFinite(graceMs) || graceMs < 3_600_000) {
        console.error('保留时间至少 1 小时 / the grace period is at least 1 hour');
        return 1;
      }
      const result = await sweepUnreferenced(db, fileStoreFor(config), systemClock.now(), graceMs);
      if (result.removed.length) {
        await db.transaction((tx) =>
          writeAudit(tx, ctx, systemClock, {
            action: 'files.sweep',
            entityType: 'file',
            entityId: null,
            after: { removed: result.removed },
          }),
        );
      }
      console.log(
        `已检查 ${result.scanned} 个对象,删除 ${result.removed.length} 个 / scanned ${result.scanned}, removed ${result.removed.length}`,
      );
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
      '用法 / usage: npm run admin -- users | unlock <username> | reset-password <username> <password> | sweep-files [hours] | rebuild-statuses | ldap-sync [--dry-run]',
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
