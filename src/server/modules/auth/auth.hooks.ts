import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthedContext, RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { ResolvedSession } from './auth.service.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, newToken } from './session-token.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (login, setup, health). */
    public?: boolean;
    /** Reachable while the user must still change an initial password. */
    duringPasswordChange?: boolean;
    /**
     * Asked by the client on a timer (the bell's unread count), not by the user: answered within
     * the session but not counted as activity, so a tab left open still reaches the idle timeout.
     */
    passive?: boolean;
  }
  interface FastifyRequest {
    ctx: RequestContext;
    session: ResolvedSession | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie, then enforces, in order: a session on non-public routes,
 * the CSRF token on every state-changing request, and the forced password change.
 */
export function registerAuthHooks(app: FastifyInstance, _clock: Clock): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request, reply) => {
    request.ctx = { actor: null, ip: request.ip ?? null };
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const config = request.routeOptions.config ?? {};

    let expired = false;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await app.services.auth.resolveSession(token, { activity: !config.passive });
      if (resolved && resolved !== 'expired') {
        request.session = resolved;
        request.ctx.actor = resolved.actor;
      } else {
        expired = resolved === 'expired';
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }

    if (!config.public && !request.session)
      throw new AppError(expired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');

    if (UNSAFE.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      const expected = request.session ? request.session.csrfToken : request.cookies[CSRF_COOKIE];
      if (typeof sent !== 'string' || !expected || sent !== expected) throw new AppError('CSRF_INVALID');
    }

    if (request.session?.mustChangePassword && !config.duringPasswordChange && !config.public) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
  });
}

/**
 * Cookies are marked Secure when the setting says so, or when the request came over HTTPS: from
 * the socket, or from X-Forwarded-Proto when the proxy is trusted (Fastify's trustProxy).
 */
export const secureCookies = (request: FastifyRequest): boolean =>
  request.server.services.config.cookieSecure || request.protocol === 'https';

/**
 * Hands a newly opened session to the browser: the httpOnly session cookie for as long as a session
 * may live, and a fresh CSRF token. Every way of signing in (password, company sign-in, first
 * setup) ends here, so their cookies cannot drift apart.
 */
export function issueSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  opened: { token: string; csrfToken: string },
): void {
  const secure = secureCookies(request);
  reply.setCookie(SESSION_COOKIE, opened.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: request.server.services.config.sessionAbsoluteMs / 1000,
  });
  setCsrfCookie(reply, secure, opened.csrfToken);
}

/**
 * The answer to every sign-in that posts a form (password, directory, DingTalk, first setup): the
 * session handed to the browser, and "me" as the page then sees it.
 */
export async function answerSignedIn(
  request: FastifyRequest,
  reply: FastifyReply,
  opened: { token: string; csrfToken: string },
) {
  issueSessionCookies(request, reply, opened);
  const { auth } = request.server.services;
  const resolved = await auth.resolveSession(opened.token);
  return auth.me(resolved === 'expired' ? null : resolved);
}

/** What a sign-in needs of the request: the session it replaces, and the device, for the audit. */
export const signInOrigin = (request: FastifyRequest) => ({
  previousToken: request.cookies[SESSION_COOKIE],
  userAgent: request.headers['user-agent'],
});

/** The CSRF cookie is readable by the page, which echoes it in the X-CSRF-Token header. */
export function setCsrfCookie(reply: FastifyReply, secure: boolean, value: string): void {
  reply.setCookie(CSRF_COOKIE, value, { path: '/', httpOnly: false, sameSite: 'strict', secure });
}

/** Gives an anonymous visitor a CSRF token for the login and setup forms. */
export function ensureCsrfCookie(request: FastifyRequest, reply: FastifyReply, secure: boolean): void {
  if (!request.session && !request.cookies[CSRF_COOKIE]) setCsrfCookie(reply, secure, newToken());
}

export function authed(request: FastifyRequest): AuthedContext {
  if (!request.ctx.actor) throw new AppError('UNAUTHENTICATED');
  return request.ctx as AuthedContext;
}
