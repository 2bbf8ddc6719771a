import { defineModule } from '../../lib/module.js';
import { InboxService } from './inbox.service.js';
import { inboxRoutes } from './inbox.routes.js';

export const inboxModule = defineModule({
  name: 'inbox',
  needs: [],
  services: (deps) => ({
    inbox: new InboxService(deps),
  }),
  routes: [inboxRoutes],
});
