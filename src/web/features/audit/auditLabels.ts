import type { Bilingual } from '../../app/i18n/types';

/** Entity types the server writes into the audit log, with readable names. */
export const auditEntityLabels: Record<string, Bilingual> = {
  organisation: { zh: '单位', en: 'Organisation' },
  company: { zh: '公司', en: 'Company' },
  branch: { zh: '支部', en: 'Branch' },
  party_group: { zh: '党小组', en: 'Party group' },
  department: { zh: '部门', en: 'Department' },
  grassroots_unit: { zh: '基层单位', en: 'Grassroots unit' },
  person: { zh: '人员', en: 'Person' },
  user: { zh: '账号', en: 'Account' },
  issued_document: { zh: '印发文件', en: 'Issued document' },
  file: { zh: '证据文件', en: 'Evidence file' },
};

const verbLabels: Record<string, Bilingual> = {
  create: { zh: '新增', en: 'created' },
  update: { zh: '修改', en: 'updated' },
  deactivate: { zh: '停用', en: 'deactivated' },
  password_reset: { zh: '重置密码', en: 'password reset' },
  unlock: { zh: '解锁', en: 'unlocked' },
  login: { zh: '登录', en: 'logged in' },
  logout: { zh: '退出登录', en: 'logged out' },
  login_failed: { zh: '登录失败', en: 'login failed' },
  locked: { zh: '账号锁定', en: 'account locked' },
  password_changed: { zh: '修改密码', en: 'password changed' },
  completed: { zh: '完成', en: 'completed' },
  loaded: { zh: '已加载', en: 'loaded' },
  import: { zh: '批量导入', en: 'imported' },
  export: { zh: '导出', en: 'exported' },
  issue: { zh: '印发', en: 'issued' },
  sweep: { zh: '清理无主文件', en: 'unreferenced removed' },
};

const subjectLabels: Record<string, Bilingual> = {
  ...auditEntityLabels,
  auth: { zh: '登录', en: 'Sign-in' },
  setup: { zh: '系统初始化', en: 'Setup' },
  demo: { zh: '演示数据', en: 'Demo data' },
  ledger: { zh: '台账', en: 'Ledger' },
  documents: { zh: '通报和总结', en: 'Bulletins and summaries' },
  files: { zh: '证据文件', en: 'Evidence files' },
};

/** Actions known today; the filter offers these, and unknown codes still display as themselves. */
export const knownAuditActions = [
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'auth.locked',
  'auth.password_changed',
  'setup.completed',
  'demo.loaded',
  'organisation.update',
  ...['company', 'branch', 'party_group', 'department', 'grassroots_unit'].flatMap((e) => [
    `${e}.create`,
    `${e}.update`,
  ]),
  'person.create',
  'person.update',
  'person.deactivate',
  'person.import',
  'ledger.export',
  'documents.issue',
  'user.create',
  'user.update',
  'user.deactivate',
  'user.password_reset',
  'user.unlock',
  'files.sweep',
];

/** "支部 · 新增" for "branch.create"; the raw code when the parts are unknown. */
export function auditActionLabel(action: string, pick: (text: Bilingual) => string): string {
  const [subject = '', verb = ''] = action.split('.');
  const s = subjectLabels[subject];
  const v = verbLabels[verb];
  // Sign-in events read best as the verb alone ("登录失败"), not "登录 · 登录失败".
  if (subject === 'auth' && v) return pick(v);
  return s && v ? `${pick(s)} · ${pick(v)}` : action;
}
