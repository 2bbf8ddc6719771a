import { defineRoutes } from './route.js';
import { idParam } from './shared.js';
import { createLinkBody, linkSchema, signInInfo, tokenParam } from './sign-in.js';

/** Sign-in by QR code at a meeting: the link shown on the screen, and the page a phone opens from it. */
export const signInApi = defineRoutes('sign-in', {
  createLink: {
    method: 'POST',
    path: '/records/:id/sign-in-link',
    summary: '生成扫码签到链接(短时有效)',
    params: idParam,
    body: createLinkBody,
    response: linkSchema,
  },
  info: {
    method: 'GET',
    path: '/sign-in/:token',
    summary: '签到页信息',
    params: tokenParam,
    response: signInInfo,
  },
  signIn: {
    method: 'POST',
    path: '/sign-in/:token',
    summary: '扫码签到',
    params: tokenParam,
    response: signInInfo,
  },
});
