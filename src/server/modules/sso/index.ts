import { defineModule } from '../../lib/module.js';
import type { AuthService } from '../auth/auth.service.js';
import { SsoService } from './sso.service.js';
import { ssoRoutes } from './sso.routes.js';

/** Sign-in through the company's OpenID Connect provider (统一身份认证); off unless configured. */
export const ssoModule = defineModule({
  name: 'sso',
  needs: ['auth'],
  services: (deps, use: { auth: AuthService }) => ({ sso: new SsoService(deps, use) }),
  routes: [ssoRoutes],
});
