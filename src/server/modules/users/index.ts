import { defineModule } from '../../lib/module.js';
import { UsersService } from './users.service.js';
import { usersRoutes } from './users.routes.js';

export const usersModule = defineModule({
  name: 'users',
  needs: [],
  services: (deps) => ({
    users: new UsersService(deps),
  }),
  routes: [usersRoutes],
});
