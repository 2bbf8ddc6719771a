import { defineWebModule, lazyPage } from '../../app/module';
import { revisionsMessages } from './revisions.messages';

export const revisionsModule = defineWebModule({
  name: 'revisions',
  nav: [
    {
      path: '/revisions',
      labelKey: 'nav.revisions',
      roles: ['admin', 'committee', 'branch_secretary', 'leader'],
    },
  ],
  routes: [
    {
      path: '/revisions',
      area: '/revisions',
      element: lazyPage(() => import('./RevisionsPage'), 'RevisionsPage'),
    },
  ],
  messages: revisionsMessages,
});
