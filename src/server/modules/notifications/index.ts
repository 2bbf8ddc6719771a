import { defineModule } from '../../lib/module.js';
import type { TasksService } from '../tasks/tasks.service.js';
import { NotificationsService } from './notifications.service.js';
import { notificationsRoutes } from './notifications.routes.js';

export const notificationsModule = defineModule({
  name: 'notifications',
  needs: ['tasks'],
  services: (deps, use: { tasks: TasksService }) => ({
    notifications: new NotificationsService(deps, use),
  }),
  routes: [notificationsRoutes],
  job: ({ notifications }) => ({
    name: 'notifications',
    async tick() {
      const r = await notifications.jobs.tick();
      return r.reminders || r.digests || r.sent || r.failed
        ? `${r.reminders} reminders, ${r.digests} digests, ${r.sent} sent, ${r.failed} failed`
        : null;
    },
    release: () => notifications.jobs.release(),
  }),
});
