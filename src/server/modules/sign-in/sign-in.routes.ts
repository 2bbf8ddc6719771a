import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createLinkBody, linkSchema, signInInfo, tokenParam } from '../../../common/api/sign-in.js';
import { idParam } from '../../../common/api/shared.js';
import { authed } from '../auth/auth.hooks.js';

export const signInRoutes: FastifyPluginAsyncZod = async (app) => {
  const { signIn } = app.services;
  const tags = ['sign-in'];
  app.post(
    '/records/:id/sign-in-link',
    {
      schema: {
        tags,
        summary: '生成扫码签到链接(短时有效)',
        params: idParam,
        body: createLinkBody,
        response: { 200: linkSchema },
      },
    },
    async (request) => signIn.createLink(authed(request), request.params.id, request.body.minutes),
  );
  app.get(
    '/sign-in/:token',
    { schema: { tags, summary: '签到页信息', params: tokenParam, response: { 200: signInInfo } } },
    async (request) => signIn.info(authed(request), request.params.token),
  );
  app.post(
    '/sign-in/:token',
    { schema: { tags, summary: '扫码签到', params: tokenParam, response: { 200: signInInfo } } },
    async (request) => signIn.signIn(authed(request), request.params.token),
  );
};
