import { defineWebModule } from '../../app/module';
import { setupMessages } from './setup.messages';
import { SetupPage } from './SetupPage';

export const setupModule = defineWebModule({
  name: 'setup',
  routes: [{ path: '/setup', element: <SetupPage />, bare: true }],
  messages: setupMessages,
});
