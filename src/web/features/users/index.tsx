import { defineWebModule, lazyPage } from '../../app/module';
import { usersMessages } from './users.messages';

export const usersModule = defineWebModule({
  name: 'users',
  nav: [{ path: '/users', labelKey: 'nav.users', roles: ['admin'] }],
  routes: [{ path: '/users', area: '/users', element: lazyPage(() => import('./UsersPage'), 'UsersPage') }],
  messages: usersMessages,
});
