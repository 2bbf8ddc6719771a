import { z } from 'zod';
import { actionKinds, taskStatuses } from '../actions.js';
import { id, isoDate, periodKey, text } from './shared.js';

export const taskSchema = z.object({
  id: z.number(),
  campaignId: z.number(),
  branchId: z.number(),
  branchName: z.string(),
  actionKindId: z.number(),
  kind: z.enum(actionKinds),
  title: z.string(),
  periodKey: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  scheduledDueDate: z.string(),
  dueDate: z.string(),
  dueChangeReason: z.string().nullable(),
  requiredCount: z.number(),
  status: z.enum(taskStatuses),
  approvedCount: z.number(),
  recordIds: z.array(z.number()),
  daysToDue: z.number(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskQuery = z.object({
  campaignId: id,
  branchId: id.optional(),
  periodKey: periodKey.optional(),
  kind: z.enum(actionKinds).optional(),
  status: z.enum(taskStatuses).optional(),
});
export const taskList = z.object({ items: z.array(taskSchema) });

export const extendDueBody = z.object({ dueDate: isoDate, reason: text(200) });
