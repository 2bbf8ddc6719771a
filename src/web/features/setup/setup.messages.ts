import type { MessageTable } from '../../app/i18n/types';

export const setupMessages = {
  'setup.title': { zh: '系统初始化', en: 'First-time setup' },
  'setup.intro': {
    zh: '欢迎使用“对标”。请填写单位信息并创建系统管理员账号,完成后将自动登录。',
    en: 'Welcome to Duibiao. Enter your organisation and create the administrator account; you will be logged in.',
  },
  'setup.organisationName': { zh: '单位名称', en: 'Organisation name' },
  'setup.organisationNameHint': { zh: '如:华远工程有限公司', en: 'e.g. Huayuan Engineering Co., Ltd.' },
  'setup.committeeName': { zh: '机关党委名称', en: 'Committee name' },
  'setup.adminUsername': { zh: '管理员用户名', en: 'Administrator username' },
  'setup.adminUsernameRule': {
    zh: '用户名为 3–32 位字母、数字、下划线、点或短横线',
    en: 'Usernames have 3–32 letters, digits, underscores, dots or hyphens',
  },
  'setup.adminDisplayName': { zh: '管理员姓名', en: 'Administrator name' },
  'setup.adminPassword': { zh: '管理员密码', en: 'Administrator password' },
  'setup.loadDemo': { zh: '加载演示组织', en: 'Load the demo organisation' },
  'setup.loadDemoHint': {
    zh: '五个机关党支部、部门、人员和演示账号,便于先熟悉系统;正式使用时可不勾选。',
    en: 'Five branches with departments, people and demo accounts to try the system; untick for real use.',
  },
  'setup.submit': { zh: '完成初始化', en: 'Finish setup' },
} satisfies MessageTable;
