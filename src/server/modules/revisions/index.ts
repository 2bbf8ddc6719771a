import { defineModule } from '../../lib/module.js';
import { RevisionsService, type RevisionsSources } from './revisions.service.js';
import { revisionsRoutes } from './revisions.routes.js';

export const revisionsModule = defineModule({
  name: 'revisions',
  needs: ['records', 'notifications'],
  services: (deps, use: RevisionsSources) => ({
    revisions: new RevisionsService(deps, use),
  }),
  routes: [revisionsRoutes],
});
