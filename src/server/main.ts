import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openPglite, openPostgres, type Database } from './db/client.js';
import { DataDirLockedError, lockDataDir } from './lib/data-lock.js';

async function openDatabase(config: Config): Promise<{ database: Database; release: () => void }> {
  if (config.databaseUrl) {
    return {
      database: await openPostgres(config.databaseUrl, config.databasePoolSize),
      release: () => undefined,
    };
  }
  const release = lockDataDir(config.dataDir);
  try {
    return { database: await openPglite(path.join(config.dataDir, 'pgdata')), release };
  } catch (err) {
    release();
    throw err;
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const { database, release } = await openDatabase(config);
  // The app is loaded once the data directory is ours: a second process on the same directory is
  // turned away at once, not after loading every module (on a busy machine, over a minute).
  const [{ buildApp }, { startScheduler }, { moduleJobs }, { serverModules }] = await Promise.all([
    import('./app.js'),
    import('./jobs/scheduler.js'),
    import('./lib/module.js'),
    import('./modules.js'),
  ]);
  const app = await buildApp({ config, database, logger: true });
  for (const line of await app.services.setup.bootstrapFromEnv()) app.log.info(line);

  // The modules' jobs (reminders and notifications): every instance may run them; a database
  // lease picks one per tick.
  const schedulers = config.notify.scheduler
    ? moduleJobs(serverModules, app.services).map((job) =>
        startScheduler(job, config.notify.intervalMs, app.log),
      )
    : [];

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    await Promise.all(schedulers.map((s) => s.stop()));
    await app.close();
    await database.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`;
  app.log.info(`对标 Duibiao is running at http://${config.host}:${config.port} on ${where}`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
