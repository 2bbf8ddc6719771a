import { defineModule } from '../../lib/module.js';
import { WorkbenchService } from './workbench.service.js';
import { workbenchRoutes } from './workbench.routes.js';

export const workbenchModule = defineModule({
  name: 'workbench',
  needs: [],
  services: (deps) => ({
    workbench: new WorkbenchService(deps),
  }),
  routes: [workbenchRoutes],
});
