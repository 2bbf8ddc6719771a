/**
 * Restores a backup made by `npm run backup` into an EMPTY database and data directory: applies
 * the migrations, loads every row (ids kept), moves the id sequences past them, copies the
 * evidence files and checks each one's SHA-256.
 * Usage: npm run restore -- <backup-dir>
 * Target: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded; the server must be stopped). The files
 * go to DATA_DIR/files for both engines. A target that holds any row or file is refused.
 * Exit codes: 0 done; 1 failed (the target is left empty); 2 refused (usage, configuration, a
 * running server, a target that is not empty, a backup that fails verification).
 */
import { ConfigError, loadConfig } from '../src/server/config.js';
import { BackupError } from '../src/server/lib/backup.js';
import { runRestore } from '../src/server/lib/backup-run.js';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    console.error('用法 / usage: npm run restore -- <backup-dir>');
    return 2;
  }
  const config = loadConfig();
  const s = await runRestore(config, args[0]!, (line) => console.log(line));
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`;
  console.log(
    `恢复完成 / restore complete into ${where}: ${s.tables} tables, ${s.rows} rows, ${s.files} files (${s.bytes} bytes)`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(err instanceof ConfigError || err instanceof BackupError ? 2 : 1);
  },
);
