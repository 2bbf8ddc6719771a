import type { MessageTable } from '../../app/i18n/types';

export const usersMessages = {
  /** The menu entry. */
  'nav.users': { zh: '账号管理', en: 'Accounts' },
  'users.title': { zh: '账号管理', en: 'Accounts' },
  'users.intro': {
    zh: '每个账号可拥有多个角色,每个角色有自己的适用范围(支部、部门、基层单位,或机关党委所属的公司)。',
    en: "An account may hold several roles, each with its own scope (a branch, departments, a unit, or a committee's company).",
  },
  'users.username': { zh: '用户名', en: 'Username' },
  'users.usernameRule': {
    zh: '用户名为 3–32 位字母、数字、下划线、点或短横线',
    en: 'Usernames have 3–32 letters, digits, underscores, dots or hyphens',
  },
  'users.usernameFixed': { zh: '用户名创建后不能修改', en: 'A username cannot change once created' },
  'users.displayName': { zh: '姓名', en: 'Display name' },
  'users.person': { zh: '关联人员', en: 'Linked person' },
  'users.personHint': {
    zh: '关联后,该账号以此人身份签到、查看本人记录。',
    en: 'The account signs in to sessions and sees records as this person.',
  },
  'users.roles': { zh: '角色与范围', en: 'Roles and scopes' },
  'users.lastLogin': { zh: '最近登录', en: 'Last login' },
  'users.never': { zh: '从未登录', en: 'Never' },
  'users.new': { zh: '新增账号', en: 'Add account' },
  'users.edit': { zh: '编辑账号', en: 'Edit account' },
  'users.initialPassword': { zh: '初始密码', en: 'Initial password' },
  'users.initialPasswordHint': {
    zh: '请通过安全渠道告知本人;首次登录时须修改密码。',
    en: 'Hand it over privately; the user must change it at first login.',
  },
  'users.locked': { zh: '已锁定', en: 'Locked' },
  'users.lockedUntil': { zh: '锁定至 {time}', en: 'Locked until {time}' },
  'users.mustChange': { zh: '待修改密码', en: 'Must change password' },
  'users.unlock': { zh: '解锁', en: 'Unlock' },
  'users.unlocked': { zh: '已解锁', en: 'Unlocked' },
  'users.resetPassword': { zh: '重置密码', en: 'Reset password' },
  'users.resetTitle': { zh: '重置“{name}”的密码', en: 'Reset the password of "{name}"' },
  'users.resetHint': {
    zh: '重置后该账号的登录会话全部失效,本人下次登录时须修改密码。',
    en: 'All sessions of the account end; the user must change the password at next login.',
  },
  'users.resetDone': { zh: '密码已重置', en: 'Password reset' },
  'users.grantRole': { zh: '角色', en: 'Role' },
  'users.grantBranch': { zh: '支部', en: 'Branch' },
  'users.grantDepartments': { zh: '分管部门', en: 'Departments in charge' },
  'users.grantUnit': { zh: '基层单位', en: 'Grassroots unit' },
  'users.grantCompany': { zh: '所属公司', en: 'Company' },
  'users.grantCompanyGroup': { zh: '集团党委（全部公司）', en: 'Group committee (every company)' },
  'users.grantCompanyHint': {
    zh: '选定公司即为该公司机关党委，只管理本公司的支部；留空为集团党委。',
    en: "With a company, the company's committee, over its own branches only; empty: the group's committee.",
  },
  'users.addGrant': { zh: '添加角色', en: 'Add a role' },
  'users.removeGrant': { zh: '移除', en: 'Remove' },
  'users.grantsRequired': { zh: '至少需要一个角色', en: 'At least one role is needed' },
  'users.scopeAll': { zh: '全部', en: 'Everything' },
} satisfies MessageTable;
