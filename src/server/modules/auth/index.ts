import { defineModule } from '../../lib/module.js';
import { AuthService } from './auth.service.js';
import { authRoutes } from './auth.routes.js';

export const authModule = defineModule({
  name: 'auth',
  needs: [],
  services: (deps) => ({
    auth: new AuthService(deps),
  }),
  routes: [authRoutes],
});
