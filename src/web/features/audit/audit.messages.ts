import type { MessageTable } from '../../app/i18n/types';

export const auditMessages = {
  /** The menu entry. */
  'nav.audit': { zh: '审计日志', en: 'Audit log' },
  'audit.title': { zh: '审计日志', en: 'Audit log' },
  'audit.intro': {
    zh: '记录谁在何时做了什么修改;日志只能查询,不能修改或删除。',
    en: 'Who changed what and when. The log can be searched, never edited or deleted.',
  },
  'audit.at': { zh: '时间', en: 'Time' },
  'audit.actor': { zh: '操作人', en: 'By' },
  'audit.system': { zh: '系统', en: 'System' },
  'audit.action': { zh: '动作', en: 'Action' },
  'audit.entityType': { zh: '对象类型', en: 'Object type' },
  'audit.entityId': { zh: '对象编号', en: 'Object id' },
  'audit.ip': { zh: 'IP 地址', en: 'IP address' },
  'audit.dateRange': { zh: '日期范围', en: 'Date range' },
  'audit.before': { zh: '修改前', en: 'Before' },
  'audit.after': { zh: '修改后', en: 'After' },
  'audit.noDetail': { zh: '(无)', en: '(none)' },
  'audit.reset': { zh: '清除条件', en: 'Clear filters' },
} satisfies MessageTable;
