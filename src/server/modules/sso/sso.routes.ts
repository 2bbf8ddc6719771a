import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { secureCookies, setSessionCookies } from '../auth/auth.hooks.js';
import { SESSION_COOKIE } from '../auth/session-token.js';
import type { SsoFlow } from './sso.service.js';

/** Holds state, nonce and PKCE verifier between the start and the callback, only on these paths. */
const FLOW_COOKIE = 'duibiao_oidc';
const FLOW_PATH = '/api/auth/oidc';
const FLOW_MAX_AGE_S = 10 * 60;

/** The page that explains a failed company sign-in, in the user's language, by code. */
const errorPage = (code: string) => `/login/sso-error?code=${encodeURIComponent(code)}`;

function readFlow(request: FastifyRequest): SsoFlow | null {
  const raw = request.cookies[FLOW_COOKIE];
  if (!raw) return null;
  try {
    const flow = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<SsoFlow>;
    const ok = [flow.state, flow.nonce, flow.verifier, flow.returnTo].every((v) => typeof v === 'string');
    return ok ? (flow as SsoFlow) : null;
  } catch {
    return null;
  }
}

function clearFlow(reply: FastifyReply): void {
  reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
}

/**
 * The browser's round trip through the provider. Both answers are redirects: the browser came
 * here by navigation, not from the page's script, so failures go to an explanatory page.
 */
export const ssoRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sso } = app.services;

  app.get(
    '/auth/oidc/start',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '使用统一身份认证登录(跳转至认证服务)',
        querystring: z.object({ returnTo: z.string().max(500).optional() }),
      },
    },
    async (request, reply) => {
      try {
        const { url, flow } = await sso.start(request.query.returnTo);
        reply.setCookie(FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString('base64url'), {
          path: FLOW_PATH,
          httpOnly: true,
          // Lax: the provider brings the browser back by a top-level GET from its own site.
          sameSite: 'lax',
          secure: secureCookies(request),
          maxAge: FLOW_MAX_AGE_S,
        });
        return reply.redirect(url, 302);
      } catch (err) {
        if (err instanceof AppError) return reply.redirect(errorPage(err.code), 302);
        throw err;
      }
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '统一身份认证回调',
        querystring: z.record(z.string(), z.string().max(4000)),
      },
    },
    async (request, reply) => {
      const flow = readFlow(request);
      // One flow, one callback: a replayed callback finds no cookie.
      clearFlow(reply);
      try {
        const { token, csrfToken, returnTo } = await sso.callback(request.ctx, request.query, flow, {
          previousToken: request.cookies[SESSION_COOKIE],
          userAgent: request.headers['user-agent'],
        });
        setSessionCookies(
          reply,
          secureCookies(request),
          token,
          csrfToken,
          app.services.config.sessionAbsoluteMs / 1000,
        );
        return reply.redirect(returnTo, 302);
      } catch (err) {
        if (err instanceof AppError) return reply.redirect(errorPage(err.code), 302);
        throw err;
      }
    },
  );
};
