import { defineModule } from '../../lib/module.js';
import { NotificationsService } from './notifications.service.js';
import { notificationsRoutes } from './notifications.routes.js';

export const notificationsModule = defineModule({
  name: 'notifications',
  needs: [],
  services: (deps) => ({
    notifications: new NotificationsService(deps),
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
