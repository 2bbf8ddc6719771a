import { defineWebModule, lazyPage } from '../../app/module';
import { fusionMessages } from './fusion.messages';

export const fusionModule = defineWebModule({
  name: 'fusion',
  // The committee sees every branch, a branch (secretary or member) its own.
  nav: [
    { path: '/fusion', labelKey: 'nav.fusion', roles: ['admin', 'committee', 'branch_secretary', 'member'] },
  ],
  routes: [
    { path: '/fusion', area: '/fusion', element: lazyPage(() => import('./FusionPage'), 'FusionPage') },
  ],
  messages: fusionMessages,
});
