import { defineModule } from '../../lib/module.js';
import { InboxService, type InboxSources } from './inbox.service.js';
import { inboxRoutes } from './inbox.routes.js';

export const inboxModule = defineModule({
  name: 'inbox',
  needs: ['campaigns', 'tasks', 'records', 'revisions', 'problems'],
  services: (deps, use: InboxSources) => ({
    inbox: new InboxService(deps, use),
  }),
  routes: [inboxRoutes],
});
