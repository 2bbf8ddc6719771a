import { defineModule } from '../../lib/module.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { SetupService } from './setup.service.js';
import { setupRoutes } from './setup.routes.js';

export const setupModule = defineModule({
  name: 'setup',
  needs: ['campaigns'],
  services: (deps, use: { campaigns: CampaignsService }) => ({
    setup: new SetupService(deps, use),
  }),
  routes: [setupRoutes],
});
