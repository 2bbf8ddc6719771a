import * as oidc from 'openid-client';
import type { OidcConfig } from '../../config-oidc.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import type { ErrorCode } from '../../../common/errors.js';
import type { AuthService } from '../auth/auth.service.js';
import { identityFrom } from './sso-claims.js';
import { accountFor, auditSignInFailure } from './external-account.js';

/** What the browser carries between the start and the callback, in an httpOnly cookie. */
export interface SsoFlow {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

/**
 * A return path is only ever a path of this site: "//host", "/\host" and absolute URLs would
 * send a freshly signed-in user to somebody else's page.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 500) return '/';
  if (value.startsWith('//') || value.startsWith('/\\') || /[\s\\]/.test(value)) return '/';
  return value;
}

/**
 * Sign-in through the company's OpenID Connect provider: authorization code with PKCE, state and
 * nonce. The provider's metadata is fetched once; a failed fetch is retried on the next sign-in.
 */
export class SsoService {
  private metadata: Promise<oidc.ServerMetadata> | null = null;

  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'config' | 'clock'>,
    private readonly use: { auth: AuthService },
  ) {}

  private get settings(): OidcConfig {
    if (!this.deps.config.oidc) throw new AppError('SSO_NOT_CONFIGURED');
    return this.deps.config.oidc;
  }

  /**
   * The client, with Duibiao's clock as the one tokens are checked against: the server's idea of
   * "now" decides whether an ID token is still fresh, as it decides whether a session is.
   */
  private async client(): Promise<oidc.Configuration> {
    const s = this.settings;
    this.metadata ??= oidc
      .discovery(new URL(s.issuer), s.clientId, s.clientSecret, undefined, {
        execute: s.allowHttp ? [oidc.allowInsecureRequests] : [],
      })
      .then((c) => c.serverMetadata());
    let server: oidc.ServerMetadata;
    try {
      server = await this.metadata;
    } catch {
      this.metadata = null;
      throw new AppError('SSO_UNREACHABLE');
    }
    const skew = Math.round((this.deps.clock.now().getTime() - Date.now()) / 1000);
    const client = new oidc.Configuration(
      server,
      s.clientId,
      { [oidc.clockSkew]: skew },
      oidc.ClientSecretPost(s.clientSecret),
    );
    if (s.allowHttp) oidc.allowInsecureRequests(client);
    return client;
  }

  /** Where to send the browser, and the flow to keep in its cookie until it comes back. */
  async start(returnTo: unknown): Promise<{ url: string; flow: SsoFlow }> {
    const client = await this.client();
    const flow: SsoFlow = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      returnTo: safeReturnTo(returnTo),
    };
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scopes,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, flow };
  }

  /**
   * The provider's answer: checks state, exchanges the code (PKCE, nonce, ID token signature and
   * times), finds or creates the account and opens a session. Each failure is audited.
   */
  async callback(
    ctx: RequestContext,
    query: Record<string, string>,
    flow: SsoFlow | null,
    meta: { previousToken?: string; userAgent?: string },
  ): Promise<{ token: string; csrfToken: string; returnTo: string }> {
    try {
      if (!flow || query.state !== flow.state) throw new AppError('SSO_STATE_INVALID');
      const client = await this.client();
      const current = new URL(this.settings.redirectUrl);
      current.search = new URLSearchParams(query).toString();
      let claims: Record<string, unknown>;
      try {
        const tokens = await oidc.authorizationCodeGrant(client, current, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        claims = { ...tokens.claims() };
        // Groups and the employee number are often only in userinfo, not in the ID token.
        if (tokens.access_token) {
          const info = await oidc.fetchUserInfo(client, tokens.access_token, String(claims.sub));
          claims = { ...info, ...claims };
        }
      } catch (err) {
        throw new AppError('SSO_FAILED', { reason: errorReason(err) });
      }
      const identity = identityFrom(claims, this.settings);
      const user = await accountFor(this.deps, ctx, identity, this.settings, 'oidc');
      const session = await this.use.auth.openSession(ctx, user, { ...meta, method: 'oidc' });
      return { ...session, returnTo: flow.returnTo };
    } catch (err) {
      if (err instanceof AppError) await this.auditFailure(ctx, err.code, err.details);
      throw err;
    }
  }

  private async auditFailure(ctx: RequestContext, code: ErrorCode, details: unknown): Promise<void> {
    await auditSignInFailure(this.deps, ctx, 'auth.sso_failed', 'sso', code, details);
  }

  /** The provider's logout address, when it has one; null otherwise. */
  async endSessionUrl(): Promise<string | null> {
    if (!this.deps.config.oidc) return null;
    try {
      const client = await this.client();
      if (!client.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(client, {
        post_logout_redirect_uri: this.settings.postLogoutRedirectUrl,
      }).href;
    } catch {
      // The Duibiao session is over either way; the provider's is left to the provider.
      return null;
    }
  }
}

/** A short reason for the audit log: the provider's error code, or openid-client's check. */
function errorReason(err: unknown): string {
  if (err instanceof oidc.ResponseBodyError) return err.error;
  if (err instanceof oidc.AuthorizationResponseError) return err.error;
  if (err instanceof Error)
    return ('code' in err && typeof err.code === 'string' ? err.code : err.message).slice(0, 200);
  return 'unknown';
}
