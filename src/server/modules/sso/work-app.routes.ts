import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { workAppsApi } from '../../../common/api/auth.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { answerSignedIn, issueSessionCookies, signInOrigin } from '../auth/auth.hooks.js';
import { flowCookie, redirectOrExplain } from './flow-cookie.js';
import type { WecomFlow } from './work-app.service.js';

/** WeCom's state and the page to return to, between the start and the callback, on these paths. */
const flows = flowCookie<WecomFlow>(
  'duibiao_wecom',
  '/api/auth/wecom',
  (flow) => typeof flow.state === 'string' && typeof flow.returnTo === 'string',
);

// Annotated: the type of app.services is built from the module list, which holds this plugin.
/**
 * Sign-in from inside the workplace apps. DingTalk: the page asks the app for a code
 * (requestAuthCode) and posts it, a route of the table. WeCom: the browser goes through WeCom's
 * authorize address and comes back to the callback (redirects both, as for OIDC: `wecomRoutes`).
 */
export const workAppRoutes: FastifyPluginAsyncZod = tableRoutes(workAppsApi, (app) => {
  const { workApps } = app.services;
  return {
    dingtalkLogin: {
      config: { public: true },
      handler: async (request, reply) => {
        const opened = await workApps.signIn(
          request.ctx,
          'dingtalk',
          request.body.code,
          signInOrigin(request),
        );
        return answerSignedIn(request, reply, opened);
      },
    },
  };
});

/** WeCom's round trip; both steps answer with a redirect. */
export const wecomRoutes: FastifyPluginAsyncZod = async (app) => {
  const { workApps } = app.services;

  app.get(
    '/auth/wecom/start',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '企业微信免登(跳转至企业微信授权)',
        querystring: z.object({ returnTo: z.string().max(500).optional() }),
      },
    },
    (request, reply) =>
      redirectOrExplain(reply, () => {
        const { url, flow } = workApps.wecomStart(request.query.returnTo);
        flows.set(request, reply, flow);
        return url;
      }),
  );

  app.get(
    '/auth/wecom/callback',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '企业微信免登回调',
        querystring: z.object({
          code: z.string().max(200).optional(),
          state: z.string().max(200).optional(),
        }),
      },
    },
    async (request, reply) => {
      const flow = flows.read(request);
      // One flow, one callback: a replayed callback finds no cookie.
      flows.clear(reply);
      return redirectOrExplain(reply, async () => {
        const opened = await workApps.wecomCallback(request.ctx, request.query, flow, signInOrigin(request));
        issueSessionCookies(request, reply, opened);
        return opened.returnTo;
      });
    },
  );
};
