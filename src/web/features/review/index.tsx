import { defineWebModule, lazyPage } from '../../app/module';
import { reviewMessages } from './review.messages';
import { signalMessages } from './signals.messages';

export const reviewModule = defineWebModule({
  name: 'review',
  nav: [{ path: '/review', labelKey: 'nav.review', roles: ['admin', 'committee', 'leader'] }],
  routes: [
    { path: '/review', area: '/review', element: lazyPage(() => import('./ReviewPage'), 'ReviewPage') },
    {
      path: '/review/:recordId',
      area: '/review',
      element: lazyPage(() => import('./ReviewRecordPage'), 'ReviewRecordPage'),
    },
    {
      path: '/review/month/:branchId/:periodKey',
      area: '/review',
      element: lazyPage(() => import('./BranchMonthPage'), 'BranchMonthPage'),
    },
  ],
  messages: { ...reviewMessages, ...signalMessages },
});
