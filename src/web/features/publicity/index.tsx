import { defineWebModule, lazyPage } from '../../app/module';
import { publicityMessages } from './publicity.messages';

export const publicityModule = defineWebModule({
  name: 'publicity',
  nav: [{ path: '/publicity', labelKey: 'nav.publicity', roles: ['admin', 'committee', 'branch_secretary'] }],
  routes: [
    {
      path: '/publicity',
      area: '/publicity',
      element: lazyPage(() => import('./PublicityPage'), 'PublicityPage'),
    },
  ],
  messages: publicityMessages,
});
