import type { Campaign } from '../../../common/api/campaigns.js';
import { dueDateOf, periodsOf } from './periods.js';

export interface PlannedTask {
  campaignId: number;
  branchId: number;
  actionKindId: number;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  scheduledDueDate: string;
  dueDate: string;
  requiredCount: number;
}

/** Every task a campaign's configuration asks for: branch × period × required kind. */
export function planTasks(c: Campaign): PlannedTask[] {
  const planned: PlannedTask[] = [];
  for (const kind of c.actionKinds.filter((k) => k.required)) {
    for (const p of periodsOf(c.year, c.months, kind.period)) {
      const due = dueDateOf(p, kind.graceDays);
      for (const branchId of c.branchIds) {
        planned.push({
          campaignId: c.id,
          branchId,
          actionKindId: kind.id,
          periodKey: p.key,
          periodStart: p.start,
          periodEnd: p.end,
          scheduledDueDate: due,
          dueDate: due,
          requiredCount: kind.requiredCount,
        });
      }
    }
  }
  return planned;
}

export const taskKey = (t: { branchId: number; actionKindId: number; periodKey: string }) =>
  `${t.branchId}/${t.actionKindId}/${t.periodKey}`;
