import type { MessageTable } from '../../app/i18n/types';

export const authMessages = {
  'auth.loginTitle': { zh: '登录', en: 'Log in' },
  'auth.username': { zh: '用户名', en: 'Username' },
  'auth.password': { zh: '密码', en: 'Password' },
  'auth.login': { zh: '登录', en: 'Log in' },
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
