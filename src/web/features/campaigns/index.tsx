import { defineWebModule, lazyPage } from '../../app/module';
import { campaignsMessages } from './campaigns.messages';

export const campaignsModule = defineWebModule({
  name: 'campaigns',
  nav: [{ path: '/campaigns', labelKey: 'nav.campaigns', roles: ['admin', 'committee'] }],
  routes: [
    {
      path: '/campaigns',
      area: '/campaigns',
      element: lazyPage(() => import('./CampaignsPage'), 'CampaignsPage'),
    },
    {
      path: '/campaigns/:campaignId',
      area: '/campaigns',
      element: lazyPage(() => import('./CampaignTasksPage'), 'CampaignTasksPage'),
    },
  ],
  messages: campaignsMessages,
});
