import { defineModule } from '../../lib/module.js';
import { CampaignsService } from './campaigns.service.js';
import { campaignsRoutes } from './campaigns.routes.js';

export const campaignsModule = defineModule({
  name: 'campaigns',
  needs: [],
  services: (deps) => ({
    campaigns: new CampaignsService(deps),
  }),
  routes: [campaignsRoutes],
});
