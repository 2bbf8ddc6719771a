import { defineModule } from '../../lib/module.js';
import { ProblemsService } from './problems.service.js';
import { problemsRoutes } from './problems.routes.js';

export const problemsModule = defineModule({
  name: 'problems',
  needs: [],
  services: (deps) => ({
    problems: new ProblemsService(deps),
  }),
  routes: [problemsRoutes],
});
