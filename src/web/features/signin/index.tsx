import { defineWebModule, lazyPage } from '../../app/module';
import { signinMessages } from './signin.messages';

/** A meeting's QR code leads here: any signed-in member may sign in to the meeting. */
export const signinModule = defineWebModule({
  name: 'signin',
  routes: [{ path: '/sign-in/:token', element: lazyPage(() => import('./SignInPage'), 'SignInPage') }],
  messages: signinMessages,
});
