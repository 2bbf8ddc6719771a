import { defineRoutes } from './route.js';
import { idParam, okSchema } from './shared.js';
import { resetPasswordBody, userBody, userList, userPatch, userSchema } from './users.js';

export const usersApi = defineRoutes('users', {
  list: { method: 'GET', path: '/users', summary: '账号列表', response: userList },
  create: { method: 'POST', path: '/users', summary: '新建账号', body: userBody, response: userSchema },
  update: {
    method: 'PATCH',
    path: '/users/:id',
    summary: '修改账号、角色或停用',
    params: idParam,
    body: userPatch,
    response: userSchema,
  },
  resetPassword: {
    method: 'POST',
    path: '/users/:id/reset-password',
    summary: '重置密码',
    params: idParam,
    body: resetPasswordBody,
    response: okSchema,
  },
  unlock: {
    method: 'POST',
    path: '/users/:id/unlock',
    summary: '解除锁定',
    params: idParam,
    response: okSchema,
  },
});
