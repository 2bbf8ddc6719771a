/**
 * Backs up the whole installation — every table's rows and the evidence files — into a new folder.
 * Usage: npm run backup -- <target-dir>            write a backup (the folder must be new or empty)
 *        npm run backup -- --verify <backup-dir>   check a backup against its manifest
 * PostgreSQL (DATABASE_URL): may run while the server runs (one REPEATABLE READ snapshot).
 * Embedded database (DATA_DIR): stop the server first; its data directory is locked while it runs.
 * Exit codes: 0 done; 1 failed; 2 refused (usage, configuration, a running server, a non-empty
 * folder, a backup that fails verification); 3 written, with warnings about the source.
 */
import { ConfigError, loadConfig } from '../src/server/config.js';
import { BackupError, summarize, verifyBackup } from '../src/server/lib/backup.js';
import { runBackup } from '../src/server/lib/backup-run.js';

const usage = '用法 / usage: npm run backup -- <target-dir> | --verify <backup-dir>';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args[0] === '--verify' && args[1] && args.length === 2) {
    const s = summarize(await verifyBackup(args[1]));
    console.log(
      `备份完好 / backup verified: ${s.tables} tables, ${s.rows} rows, ${s.files} files (${s.bytes} bytes)`,
    );
    return 0;
  }
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    console.error(usage);
    return 2;
  }
  const config = loadConfig();
  const manifest = await runBackup(config, args[0]!);
  const s = summarize(manifest);
  console.log(
    `备份完成 / backup written to ${args[0]}: ${s.tables} tables, ${s.rows} rows, ${s.files} files (${s.bytes} bytes), engine ${manifest.engine}`,
  );
  for (const w of manifest.warnings) console.error(`警告 / warning: ${w}`);
  return manifest.warnings.length ? 3 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(err instanceof ConfigError || err instanceof BackupError ? 2 : 1);
  },
);
