import { changePasswordBody, dingtalkLoginBody, loginBody, logoutSchema, meSchema } from './auth.js';
import { defineRoutes } from './route.js';
import { okSchema } from './shared.js';

/**
 * The session: who is signed in, the password sign-in, logout and the password change. The
 * company's sign-in methods that answer JSON are in the tables below; the OpenID Connect and WeCom
 * round trips answer redirects and stay outside any table.
 */
export const authApi = defineRoutes('auth', {
  me: { method: 'GET', path: '/auth/me', summary: '当前登录状态', response: meSchema },
  login: { method: 'POST', path: '/auth/login', summary: '登录', body: loginBody, response: meSchema },
  logout: { method: 'POST', path: '/auth/logout', summary: '退出登录', response: logoutSchema },
  changePassword: {
    method: 'POST',
    path: '/auth/password',
    summary: '修改密码',
    body: changePasswordBody,
    response: okSchema,
  },
});

/** The sign-in form checked against the company directory (the sso module's LDAP / AD). */
export const directoryApi = defineRoutes('auth', {
  login: {
    method: 'POST',
    path: '/auth/ldap/login',
    summary: '企业目录(LDAP / AD)登录',
    body: loginBody,
    response: meSchema,
  },
});

/** Sign-in from inside a workplace app that hands the page a code (the sso module's DingTalk). */
export const workAppsApi = defineRoutes('auth', {
  dingtalkLogin: {
    method: 'POST',
    path: '/auth/dingtalk/login',
    summary: '钉钉免登',
    body: dingtalkLoginBody,
    response: meSchema,
  },
});
