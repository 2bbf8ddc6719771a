import { defineModule } from '../../lib/module.js';
import { WorkbenchService, type WorkbenchSources } from './workbench.service.js';
import { workbenchRoutes } from './workbench.routes.js';

export const workbenchModule = defineModule({
  name: 'workbench',
  needs: ['campaigns', 'tasks', 'records', 'org'],
  services: (deps, use: WorkbenchSources) => ({
    workbench: new WorkbenchService(deps, use),
  }),
  routes: [workbenchRoutes],
});
