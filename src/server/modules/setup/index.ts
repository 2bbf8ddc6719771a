import { defineModule } from '../../lib/module.js';
import { SetupService } from './setup.service.js';
import { setupRoutes } from './setup.routes.js';

export const setupModule = defineModule({
  name: 'setup',
  needs: [],
  services: (deps) => ({
    setup: new SetupService(deps),
  }),
  routes: [setupRoutes],
});
