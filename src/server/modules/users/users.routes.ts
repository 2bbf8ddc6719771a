import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { resetPasswordBody, userBody, userList, userPatch, userSchema } from '../../../common/api/users.js';
import { idParam, okSchema } from '../../../common/api/shared.js';
import { authed } from '../auth/auth.hooks.js';

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { users } = app.services;
  const tags = ['users'];

  app.get('/users', { schema: { tags, summary: '账号列表', response: { 200: userList } } }, async (request) =>
    users.list(authed(request)),
  );
  app.post(
    '/users',
    { schema: { tags, summary: '新建账号', body: userBody, response: { 200: userSchema } } },
    async (request) => users.create(authed(request), request.body),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: '修改账号、角色或停用',
        params: idParam,
        body: userPatch,
        response: { 200: userSchema },
      },
    },
    async (request) => users.update(authed(request), request.params.id, request.body),
  );
  app.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码',
        params: idParam,
        body: resetPasswordBody,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await users.resetPassword(authed(request), request.params.id, request.body.newPassword);
      return { ok: true as const };
    },
  );
  app.post(
    '/users/:id/unlock',
    { schema: { tags, summary: '解除锁定', params: idParam, response: { 200: okSchema } } },
    async (request) => {
      await users.unlock(authed(request), request.params.id);
      return { ok: true as const };
    },
  );
};
