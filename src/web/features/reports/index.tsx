import { defineWebModule, lazyPage } from '../../app/module';
import { documentsMessages } from './documents.messages';
import { issuedMessages } from './issued.messages';
import { ledgersMessages } from './ledgers.messages';

/** The reports area: the server's documents and ledgers modules on one page. */
export const reportsModule = defineWebModule({
  name: 'reports',
  nav: [{ path: '/reports', labelKey: 'nav.reports', roles: ['admin', 'committee', 'branch_secretary'] }],
  routes: [
    { path: '/reports', area: '/reports', element: lazyPage(() => import('./ReportsPage'), 'ReportsPage') },
    {
      path: '/reports/summary',
      area: '/reports',
      element: lazyPage(() => import('./SummaryEditorPage'), 'SummaryEditorPage'),
    },
  ],
  messages: { ...documentsMessages, ...issuedMessages, ...ledgersMessages },
});
