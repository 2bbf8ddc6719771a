import type { ServiceDeps } from '../../lib/service-deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import type { AuthService } from '../auth/auth.service.js';
import { newToken } from '../auth/session-token.js';
import { DingtalkApi } from './dingtalk-api.js';
import { WecomApi } from './wecom-api.js';
import { accountFor, auditSignInFailure } from './external-account.js';
import { safeReturnTo } from './sso.service.js';
import type { WorkAppUser } from './work-app-api.js';

export type WorkApp = 'dingtalk' | 'wecom';

/** What the browser carries from the WeCom start to its callback, in an httpOnly cookie. */
export interface WecomFlow {
  state: string;
  returnTo: string;
}

/**
 * Sign-in from inside DingTalk and WeCom (免登): the code the app gives the page is exchanged for
 * the user, who is matched to a person by employee number or mobile and signed in with that
 * person's account. No role comes from the apps: the account's grants are Duibiao's own.
 */
export class WorkAppService {
  private readonly dingtalk: DingtalkApi | null;
  private readonly wecom: WecomApi | null;

  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'config' | 'clock'>,
    private readonly use: { auth: AuthService },
  ) {
    const { dingtalk, wecom } = deps.config.workApps;
    this.dingtalk = dingtalk ? new DingtalkApi(dingtalk) : null;
    this.wecom = wecom ? new WecomApi(wecom) : null;
  }

  /** WeCom's authorize address and the flow to keep until the browser comes back. */
  wecomStart(returnTo: unknown): { url: string; flow: WecomFlow } {
    if (!this.wecom) throw new AppError('WORK_APP_NOT_CONFIGURED');
    const flow = { state: newToken(), returnTo: safeReturnTo(returnTo) };
    return { url: this.wecom.authorizeUrl(flow.state), flow };
  }

  /** WeCom's callback: the state must be the flow's, then the code is exchanged as for DingTalk. */
  async wecomCallback(
    ctx: RequestContext,
    query: { code?: string; state?: string },
    flow: WecomFlow | null,
    meta: { previousToken?: string; userAgent?: string },
  ): Promise<{ token: string; csrfToken: string; returnTo: string }> {
    if (!flow || !query.state || query.state !== flow.state) {
      const err = new AppError('SSO_STATE_INVALID');
      await auditSignInFailure(this.deps, ctx, 'auth.work_app_failed', 'wecom', err.code, {});
      throw err;
    }
    const session = await this.signIn(ctx, 'wecom', query.code ?? '', meta);
    return { ...session, returnTo: flow.returnTo };
  }

  async signIn(
    ctx: RequestContext,
    app: WorkApp,
    code: string,
    meta: { previousToken?: string; userAgent?: string },
  ): Promise<{ token: string; csrfToken: string }> {
    const api = app === 'dingtalk' ? this.dingtalk : this.wecom;
    if (!api) throw new AppError('WORK_APP_NOT_CONFIGURED');
    try {
      if (!code) throw new AppError('WORK_APP_FAILED', { service: app, errcode: null, errmsg: 'no code' });
      const who: WorkAppUser = await api.userOfCode(code);
      const identity = {
        subject: `${app}:${who.userId}`,
        username: null,
        employeeNo: who.employeeNo,
        mobile: who.mobile,
        name: who.name,
        groups: [],
      };
      const policy = { roleMap: {}, createAccounts: this.deps.config.workApps.createAccounts };
      const user = await accountFor(this.deps, ctx, identity, policy, app);
      return await this.use.auth.openSession(ctx, user, { ...meta, method: app });
    } catch (err) {
      if (err instanceof AppError)
        await auditSignInFailure(this.deps, ctx, 'auth.work_app_failed', app, err.code, err.details);
      throw err;
    }
  }
}
