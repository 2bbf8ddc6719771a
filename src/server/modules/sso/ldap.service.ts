import type { ServiceDeps } from '../../lib/service-deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import type { AuthService } from '../auth/auth.service.js';
import { accountFor, auditSignInFailure } from './external-account.js';
import { checkInDirectory } from './ldap-directory.js';

/**
 * Sign-in with the company directory (LDAP / Active Directory): the name and password are checked
 * by binding as the user; the account is found or created as for the OIDC sign-in, and the
 * session is recorded as a directory one. Failures count towards the same throttle as passwords.
 */
export class LdapService {
  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'config' | 'clock'>,
    private readonly use: { auth: AuthService },
  ) {}

  async login(
    ctx: RequestContext,
    username: string,
    password: string,
    meta: { previousToken?: string; userAgent?: string },
  ): Promise<{ token: string; csrfToken: string }> {
    const settings = this.deps.config.ldap;
    if (!settings) throw new AppError('LDAP_NOT_CONFIGURED');
    const { countFailure } = await this.use.auth.beginAttempt(ctx, username);
    try {
      const identity = await checkInDirectory(settings, username, password);
      if (!identity) {
        await countFailure();
        throw new AppError('LOGIN_FAILED', { username: username.slice(0, 200) });
      }
      const user = await accountFor(this.deps, ctx, identity, settings, 'ldap');
      return await this.use.auth.openSession(ctx, user, { ...meta, method: 'ldap' });
    } catch (err) {
      if (err instanceof AppError)
        await auditSignInFailure(this.deps, ctx, 'auth.ldap_failed', 'ldap', err.code, err.details);
      throw err;
    }
  }
}
