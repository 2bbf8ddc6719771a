import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { issueSessionCookies, signInOrigin } from '../auth/auth.hooks.js';
import { flowCookie, redirectOrExplain } from './flow-cookie.js';
import type { SsoFlow } from './sso.service.js';

/** Holds state, nonce and PKCE verifier between the start and the callback, only on these paths. */
const flows = flowCookie<SsoFlow>('duibiao_oidc', '/api/auth/oidc', (flow) =>
  [flow.state, flow.nonce, flow.verifier, flow.returnTo].every((v) => typeof v === 'string'),
);

/** The browser's round trip through the provider; both steps answer with a redirect. */
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
    (request, reply) =>
      redirectOrExplain(reply, async () => {
        const { url, flow } = await sso.start(request.query.returnTo);
        flows.set(request, reply, flow);
        return url;
      }),
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
      const flow = flows.read(request);
      // One flow, one callback: a replayed callback finds no cookie.
      flows.clear(reply);
      return redirectOrExplain(reply, async () => {
        const opened = await sso.callback(request.ctx, request.query, flow, signInOrigin(request));
        issueSessionCookies(request, reply, opened);
        return opened.returnTo;
      });
    },
  );
};
