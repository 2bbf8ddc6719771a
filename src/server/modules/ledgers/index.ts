import { defineModule } from '../../lib/module.js';
import { LedgersService } from './ledgers.service.js';
import { ledgersRoutes } from './ledgers.routes.js';

export const ledgersModule = defineModule({
  name: 'ledgers',
  needs: [],
  services: (deps) => ({
    ledgers: new LedgersService(deps),
  }),
  routes: [ledgersRoutes],
});
