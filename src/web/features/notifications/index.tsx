import { defineWebModule, lazyPage } from '../../app/module';
import { notificationsMessages } from './notifications.messages';

/** Everyone has notifications: the page is reached from the bell, not the menu. */
export const notificationsModule = defineWebModule({
  name: 'notifications',
  routes: [
    { path: '/notifications', element: lazyPage(() => import('./NotificationsPage'), 'NotificationsPage') },
  ],
  messages: notificationsMessages,
});
