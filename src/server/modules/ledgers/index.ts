import { defineModule } from '../../lib/module.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { LedgersService } from './ledgers.service.js';
import { ledgersRoutes } from './ledgers.routes.js';

export const ledgersModule = defineModule({
  name: 'ledgers',
  needs: ['campaigns'],
  services: (deps, use: { campaigns: CampaignsService }) => ({
    ledgers: new LedgersService(deps, use),
  }),
  routes: [ledgersRoutes],
});
