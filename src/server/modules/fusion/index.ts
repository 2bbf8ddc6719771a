import { defineModule } from '../../lib/module.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { FusionService } from './fusion.service.js';
import { fusionRoutes } from './fusion.routes.js';

export const fusionModule = defineModule({
  name: 'fusion',
  needs: ['campaigns'],
  services: (deps, use: { campaigns: CampaignsService }) => ({ fusion: new FusionService(deps, use) }),
  routes: [fusionRoutes],
});
