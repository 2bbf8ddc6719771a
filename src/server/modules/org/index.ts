import { defineModule } from '../../lib/module.js';
import { OrgService } from './org.service.js';
import { orgRoutes } from './org.routes.js';

export const orgModule = defineModule({
  name: 'org',
  needs: [],
  services: (deps) => ({
    org: new OrgService(deps),
  }),
  routes: [orgRoutes],
});
