import { defineModule } from '../../lib/module.js';
import type { AuthService } from '../auth/auth.service.js';
import { SsoService } from './sso.service.js';
import { LdapService } from './ldap.service.js';
import { ssoRoutes } from './sso.routes.js';
import { ldapRoutes } from './ldap.routes.js';
import { WorkAppService } from './work-app.service.js';
import { wecomRoutes, workAppRoutes } from './work-app.routes.js';

/**
 * The company's own sign-in, off unless configured: its OpenID Connect provider (统一身份认证)
 * its directory (LDAP / Active Directory), and its workplace apps (DingTalk, WeCom).
 */
export const ssoModule = defineModule({
  name: 'sso',
  needs: ['auth'],
  services: (deps, use: { auth: AuthService }) => ({
    sso: new SsoService(deps, use),
    ldap: new LdapService(deps, use),
    workApps: new WorkAppService(deps, use),
  }),
  routes: [ssoRoutes, ldapRoutes, workAppRoutes, wecomRoutes],
});
