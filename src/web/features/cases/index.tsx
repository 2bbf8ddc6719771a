import { defineWebModule, lazyPage } from '../../app/module';
import { casesMessages } from './cases.messages';

export const casesModule = defineWebModule({
  name: 'cases',
  // Exemplary cases are shared with every branch: sharing good practice is their purpose.
  nav: [
    { path: '/cases', labelKey: 'nav.cases', roles: ['admin', 'committee', 'branch_secretary', 'member'] },
  ],
  routes: [{ path: '/cases', area: '/cases', element: lazyPage(() => import('./CasesPage'), 'CasesPage') }],
  messages: casesMessages,
});
