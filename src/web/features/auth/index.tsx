import { defineWebModule } from '../../app/module';
import { authMessages } from './auth.messages';
import { LoginPage } from './LoginPage';
import { ChangePasswordPage } from './ChangePasswordPage';
import { SsoErrorPage } from './SsoErrorPage';

/** Signing in and the forced password change: loaded with the app, as the first pages anyone sees. */
export const authModule = defineWebModule({
  name: 'auth',
  routes: [
    { path: '/login', element: <LoginPage />, bare: true },
    { path: '/login/sso-error', element: <SsoErrorPage />, bare: true },
    { path: '/password', element: <ChangePasswordPage />, bare: true },
  ],
  messages: authMessages,
});
