import type { NotificationJobs, TickResult } from './notification-jobs.js';

export interface SchedulerLog {
  info(msg: string): void;
  error(obj: unknown, msg: string): void;
}

/**
 * Runs the notification job every `intervalMs` in this process. Ticks never overlap; a failed
 * tick is logged and the next one tries again. stop() waits for a running tick, then gives the
 * lease up so another instance takes over without waiting for it to expire.
 */
export function startScheduler(jobs: NotificationJobs, intervalMs: number, log: SchedulerLog) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    running = jobs
      .tick()
      .then((r: TickResult) => {
        if (r.reminders || r.digests || r.sent || r.failed)
          log.info(
            `notifications: ${r.reminders} reminders, ${r.digests} digests, ${r.sent} sent, ${r.failed} failed`,
          );
      })
      .catch((err: unknown) => log.error({ err }, 'notification tick failed'))
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
      await jobs.release().catch(() => undefined);
    },
  };
}
