import type { ScheduledJob } from '../lib/module.js';

export interface SchedulerLog {
  info(msg: string): void;
  error(obj: unknown, msg: string): void;
}

/**
 * Runs a module's job every `intervalMs` in this process. Ticks never overlap; a failed
 * tick is logged and the next one tries again. stop() waits for a running tick, then gives the
 * lease up so another instance takes over without waiting for it to expire.
 */
export function startScheduler(job: ScheduledJob, intervalMs: number, log: SchedulerLog) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    running = job
      .tick()
      .then((line) => {
        if (line) log.info(`${job.name}: ${line}`);
      })
      .catch((err: unknown) => log.error({ err }, `${job.name} tick failed`))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(run, intervalMs);
      });
  };
  timer = setTimeout(run, Math.min(intervalMs, 5_000));
  return {
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running;
      await job.release().catch(() => undefined);
    },
  };
}
