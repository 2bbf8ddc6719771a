import { defineWebModule, lazyPage } from '../../app/module';
import { dashboardMessages } from './dashboard.messages';

// The dashboard carries ECharts: only its own chunks load it.
export const dashboardModule = defineWebModule({
  name: 'dashboard',
  // A branch (secretary or member) sees its own figures; leaders and grassroots contacts have none.
  nav: [
    {
      path: '/dashboard',
      labelKey: 'nav.dashboard',
      roles: ['admin', 'committee', 'branch_secretary', 'member'],
    },
  ],
  routes: [
    {
      path: '/dashboard',
      area: '/dashboard',
      element: lazyPage(() => import('./DashboardPage'), 'DashboardPage'),
    },
    {
      path: '/dashboard/branches/:id',
      area: '/dashboard',
      element: lazyPage(() => import('./BranchProfilePage'), 'BranchProfilePage'),
    },
  ],
  messages: dashboardMessages,
});
