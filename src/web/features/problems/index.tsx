import { defineWebModule, lazyPage } from '../../app/module';
import { problemsMessages } from './problems.messages';

export const problemsModule = defineWebModule({
  name: 'problems',
  nav: [
    {
      path: '/problems',
      labelKey: 'nav.problems',
      roles: ['admin', 'committee', 'branch_secretary', 'grassroots_contact'],
    },
  ],
  routes: [
    {
      path: '/problems',
      area: '/problems',
      element: lazyPage(() => import('./ProblemsPage'), 'ProblemsPage'),
    },
  ],
  messages: problemsMessages,
});
