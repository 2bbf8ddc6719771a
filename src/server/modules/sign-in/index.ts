import { defineModule } from '../../lib/module.js';
import { SignInService } from './sign-in.service.js';
import { signInRoutes } from './sign-in.routes.js';

export const signInModule = defineModule({
  name: 'sign-in',
  needs: [],
  services: (deps) => ({
    signIn: new SignInService(deps),
  }),
  routes: [signInRoutes],
});
