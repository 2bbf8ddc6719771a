import { defineWebModule, lazyPage } from '../../app/module';
import { workbenchMessages } from './workbench.messages';

export const workbenchModule = defineWebModule({
  name: 'workbench',
  // A branch's view: leaders in charge and grassroots contacts have none (the server agrees).
  nav: [
    {
      path: '/workbench',
      labelKey: 'nav.workbench',
      roles: ['admin', 'committee', 'branch_secretary', 'member'],
    },
  ],
  routes: [
    {
      path: '/workbench',
      area: '/workbench',
      element: lazyPage(() => import('./WorkbenchPage'), 'WorkbenchPage'),
    },
  ],
  messages: workbenchMessages,
});
