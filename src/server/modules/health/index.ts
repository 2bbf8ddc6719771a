import { defineModule } from '../../lib/module.js';
import { healthRoutes } from './health.routes.js';

export const healthModule = defineModule({
  name: 'health',
  needs: [],
  services: () => ({}),
  routes: [healthRoutes],
});
