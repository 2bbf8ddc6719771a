import type { MessageTable } from '../../app/i18n/types';

export const signinMessages = {
  'signin.qr': { zh: '扫码签到', en: 'QR sign-in' },
  'signin.qrHint': {
    zh: '请参会人员用手机扫码并登录后确认签到。',
    en: 'Attendees scan the code, log in and confirm.',
  },
  'signin.expires': { zh: '有效期至 {time}', en: 'Valid until {time}' },
  'signin.signed': { zh: '已签到 {n} / {total} 人', en: '{n} of {total} signed in' },
  'signin.title': { zh: '签到', en: 'Sign in' },
  'signin.confirm': { zh: '确认签到', en: 'Confirm sign-in' },
  'signin.done': { zh: '签到成功', en: 'Signed in' },
  'signin.already': { zh: '已签到', en: 'Already signed in' },
  'signin.notExpected': {
    zh: '您不在本次活动的参加人员名单中',
    en: 'You are not on the attendance list of this meeting',
  },
  'signin.meeting': { zh: '活动', en: 'Meeting' },
  'signin.branch': { zh: '支部', en: 'Branch' },
  'signin.date': { zh: '日期', en: 'Date' },
} satisfies MessageTable;
