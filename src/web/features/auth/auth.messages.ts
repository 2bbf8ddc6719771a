import type { MessageTable } from '../../app/i18n/types';

export const authMessages = {
  'auth.loginTitle': { zh: '登录', en: 'Log in' },
  'auth.username': { zh: '用户名', en: 'Username' },
  'auth.password': { zh: '密码', en: 'Password' },
  'auth.login': { zh: '登录', en: 'Log in' },
  'auth.sso': { zh: '使用统一身份认证登录', en: 'Sign in with the company account' },
  'auth.directoryHint': {
    zh: '请使用公司域账号(与登录办公电脑的账号密码相同)',
    en: 'Use your company domain account (the one you sign in to your office computer with)',
  },
  'auth.viaDingtalk': { zh: '正在通过钉钉登录…', en: 'Signing in through DingTalk…' },
  'auth.viaWecom': { zh: '正在通过企业微信登录…', en: 'Signing in through WeCom…' },
  'auth.workAppFailed': {
    zh: '未能通过钉钉自动登录,请使用下方账号密码登录',
    en: 'Could not sign in through DingTalk; use the form below',
  },
  'auth.localAccount': { zh: '使用本系统账号登录', en: 'Sign in with an account of this system' },
  'auth.or': { zh: '或使用本系统账号密码', en: 'or with a password of this system' },
  'auth.breakGlass': { zh: '管理员应急登录', en: 'Administrator emergency sign-in' },
  'auth.breakGlassHint': {
    zh: '本系统已改用统一身份认证,密码登录仅供系统管理员在认证服务不可用时使用。',
    en: 'Sign-in goes through the company account; passwords are only for the administrator when it is down.',
  },
  'auth.ssoErrorTitle': { zh: '统一身份认证登录未成功', en: 'The company sign-in did not succeed' },
  'auth.ssoUnknownTitle': { zh: '请联系管理员', en: 'Please contact your administrator' },
  'auth.ssoUnknownHint': {
    zh: '请将您的姓名、工号告知系统管理员或机关党委,开通账号后再次点击“使用统一身份认证登录”即可。',
    en: 'Tell the administrator or the committee your name and employee number; once your account exists, sign in again.',
  },
  'auth.ssoRetry': { zh: '重新登录', en: 'Sign in again' },
  'auth.backToLogin': { zh: '返回登录页', en: 'Back to sign-in' },
  'auth.sessionExpired': {
    zh: '登录已过期,请重新登录。',
    en: 'Your session has expired; please log in again.',
  },
  'auth.demoTitle': { zh: '演示账号', en: 'Demo accounts' },
  'auth.demoIntro': {
    zh: '本系统加载了演示组织,以下账号的密码均为',
    en: 'A demo organisation is loaded. These accounts all use the password',
  },
  'auth.demoAdmin': {
    zh: '系统管理员 admin 的密码为安装时设定的密码。',
    en: 'The administrator "admin" uses the password chosen at installation.',
  },
  'auth.demoUse': { zh: '点击账号可填入用户名和密码。', en: 'Click an account to fill in the form.' },
  'auth.changeTitle': { zh: '修改密码', en: 'Change password' },
  'auth.changeForced': {
    zh: '这是您首次登录或密码已被重置,请先设置新密码再继续使用。',
    en: 'This is your first login or your password was reset; set a new password to continue.',
  },
  'auth.currentPassword': { zh: '当前密码', en: 'Current password' },
  'auth.newPassword': { zh: '新密码', en: 'New password' },
  'auth.changed': { zh: '密码已修改', en: 'Password changed' },
  'auth.back': { zh: '返回', en: 'Back' },
} satisfies MessageTable;
