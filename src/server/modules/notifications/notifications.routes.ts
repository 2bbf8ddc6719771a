import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notificationsApi } from '../../../common/api/notifications.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const notificationsRoutes: FastifyPluginAsyncZod = tableRoutes(notificationsApi, (app) => {
  const { notifications: svc } = app.services;
  return {
    list: (request) => svc.list(authed(request), request.query),
    unreadCount: {
      // The bell polls it while the page is open: that is not the user at work.
      config: { passive: true },
      handler: (request) => svc.unread(authed(request)),
    },
    markRead: (request) => svc.markRead(authed(request), request.params.id),
    markAllRead: (request) => svc.markAllRead(authed(request)),
    preferences: (request) => svc.preferences(authed(request)),
    savePreferences: (request) => svc.savePreferences(authed(request), request.body),
    robots: (request) => svc.robots(authed(request)),
    saveRobots: (request) => svc.saveRobots(authed(request), request.params.id, request.body),
    ladder: (request) => svc.ladder(authed(request), request.params.id),
    saveLadder: (request) => svc.saveLadder(authed(request), request.params.id, request.body),
    status: (request) => svc.status(authed(request)),
    deliveries: (request) => svc.deliveries(authed(request), request.query),
    reminders: (request) => svc.reminders(authed(request), request.query),
    retry: (request) => svc.retry(authed(request), request.params.id),
    sendTest: (request) => svc.sendTest(authed(request), request.body),
  };
});
