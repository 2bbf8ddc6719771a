import { defineModule } from '../../lib/module.js';
import { PublicityService } from './publicity.service.js';
import { publicityRoutes } from './publicity.routes.js';

export const publicityModule = defineModule({
  name: 'publicity',
  needs: [],
  services: (deps) => ({
    publicity: new PublicityService(deps),
  }),
  routes: [publicityRoutes],
});
