import type { TaskStatus } from '../../../common/actions.js';

export interface TaskCounts {
  requiredCount: number;
  approved: number;
  approvedOnTime: number;
  submitted: number;
  returned: number;
  draft: number;
}

/**
 * A task's status is derived from its records (the dashboards read it kept in `task_statuses`,
 * whose trigger applies this rule in SQL; task-statuses.test.ts holds the two together):
 * enough approved records → done (补报 when any of them was first submitted after the due date);
 * otherwise waiting for review → submitted; a returned record → returned (it needs the branch's
 * action, late or not); past the due date → overdue; anything begun → in progress; else not started.
 */
export function deriveTaskStatus(c: TaskCounts, today: string, dueDate: string): TaskStatus {
  if (c.approved >= c.requiredCount) return c.approvedOnTime >= c.requiredCount ? 'done' : 'done_late';
  if (c.submitted > 0) return 'submitted';
  if (c.returned > 0) return 'returned';
  if (today > dueDate) return 'overdue';
  if (c.draft > 0 || c.approved > 0) return 'in_progress';
  return 'not_started';
}
