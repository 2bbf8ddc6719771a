import { date, index, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { tasks } from './campaigns.js';

/**
 * Every task's status as its records leave it, kept by triggers on `tasks` and `records` in the
 * same statement as each change (migration 0018), so the dashboards group these rows instead of
 * deriving 120,000 statuses from their records on every request.
 *
 * Only what does not move with time is kept: `status` is what deriveTaskStatus answers before the
 * due date (never `overdue`); a reader turns `in_progress` and `not_started` into `overdue` once
 * its `today` is past `due_date`. `best` is the best grade of the task's approved records
 * (3 excellent … 0 poor). `npm run admin -- rebuild-statuses` recomputes the table from scratch.
 */
export const taskStatuses = pgTable(
  'task_statuses',
  {
    taskId: integer('task_id')
      .primaryKey()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    campaignId: integer('campaign_id').notNull(),
    branchId: integer('branch_id').notNull(),
    periodKey: text('period_key').notNull(),
    actionKindId: integer('action_kind_id').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status', {
      enum: ['done', 'done_late', 'submitted', 'returned', 'in_progress', 'not_started'],
    }).notNull(),
    best: smallint('best'),
  },
  (t) => [index('task_statuses_campaign_branch').on(t.campaignId, t.branchId, t.periodKey)],
);
