import { defineModule } from '../../lib/module.js';
import { CasesService } from './cases.service.js';
import { casesRoutes } from './cases.routes.js';

export const casesModule = defineModule({
  name: 'cases',
  needs: [],
  services: (deps) => ({
    cases: new CasesService(deps),
  }),
  routes: [casesRoutes],
});
