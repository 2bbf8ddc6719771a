import { z } from 'zod';
import { actionKinds, recordStatuses, taskStatuses, type Labels } from '../actions.js';
import { id, monthKey } from './shared.js';

/**
 * The ledgers (台账) the system writes as xlsx: one per record kind, the attendance of each member,
 * and the campaign's monthly task ledger (branch × month × action).
 */
export const ledgerKinds = [...actionKinds, 'attendance', 'tasks'] as const;
export type LedgerKind = (typeof ledgerKinds)[number];
export const ledgerKindLabels: Labels<LedgerKind> = {
  study: { zh: '学习研讨台账', en: 'Study sessions' },
  theme_day: { zh: '主题党日台账', en: 'Theme Party days' },
  rule_revision: { zh: '制度修订台账', en: 'Rule revisions' },
  grassroots_problem: { zh: '为基层解决问题台账', en: 'Grassroots problems' },
  publicity: { zh: '新闻宣传台账', en: 'Publicity' },
  optional: { zh: '自选动作台账', en: 'Optional actions' },
  attendance: { zh: '党员参学考勤台账', en: 'Member attendance' },
  tasks: { zh: '月度任务台账', en: 'Monthly tasks' },
};

/** Record ledgers filter by record status, the task ledger by task status. */
export const ledgerStatuses = [...new Set([...recordStatuses, ...taskStatuses])] as [string, ...string[]];

export const ledgerParams = z.object({ kind: z.enum(ledgerKinds) });
export const ledgerQuery = z.object({
  campaignId: id,
  /** First and last month (YYYY-MM), both included. */
  from: monthKey.optional(),
  to: monthKey.optional(),
  branchId: id.optional(),
  status: z.enum(ledgerStatuses).optional(),
  /**
   * Record ledgers hold approved records only unless this is 'true': then drafts, submitted and
   * returned records are listed too, shaded and with their status. A `status` chosen wins.
   */
  includeUnapproved: z.enum(['true', 'false']).optional(),
});
export type LedgerQuery = z.output<typeof ledgerQuery>;

/** One problem of an import file: the spreadsheet row, the column's header and what is wrong. */
export const importIssue = z.object({
  row: z.number(),
  column: z.string(),
  value: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssue>;

export const importOutcomes = ['created', 'updated', 'unchanged'] as const;
export const importResult = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rows: z.array(
    z.object({
      row: z.number(),
      employeeNo: z.string(),
      name: z.string(),
      outcome: z.enum(importOutcomes),
      /** Column headers of the fields that changed (updates only). */
      changed: z.array(z.string()),
    }),
  ),
});
export type ImportResult = z.infer<typeof importResult>;
