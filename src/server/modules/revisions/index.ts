import { defineModule } from '../../lib/module.js';
import { RevisionsService } from './revisions.service.js';
import { revisionsRoutes } from './revisions.routes.js';

export const revisionsModule = defineModule({
  name: 'revisions',
  needs: [],
  services: (deps) => ({
    revisions: new RevisionsService(deps),
  }),
  routes: [revisionsRoutes],
});
