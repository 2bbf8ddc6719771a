import { z } from 'zod';
import { actionKinds } from '../actions.js';
import { taskSchema } from './tasks.js';
import { recordSummary } from './records.js';
import { id, periodKey } from './shared.js';

export const workbenchQuery = z.object({
  campaignId: id.optional(),
  branchId: id.optional(),
  periodKey: periodKey.optional(),
});

export const workbenchCard = z.object({
  task: taskSchema,
  /** The record being worked on for this task (latest not withdrawn), if any. */
  record: recordSummary.nullable(),
  /** What still blocks submission, in Chinese and English, by checklist key (checklist.ts). */
  missing: z.array(z.object({ key: z.string(), label: z.string(), labelEn: z.string() })),
  /** The committee's latest reason when the record in hand was returned. */
  lastReturn: z.object({ comment: z.string(), reviewer: z.string(), at: z.string() }).nullable(),
});

export const workbenchSchema = z.object({
  campaign: z
    .object({ id: z.number(), name: z.string(), year: z.number(), watchwords: z.string().nullable() })
    .nullable(),
  branch: z.object({ id: z.number(), name: z.string() }).nullable(),
  branches: z.array(z.object({ id: z.number(), name: z.string() })),
  periodKey: z.string().nullable(),
  periods: z.array(z.string()),
  cards: z.array(workbenchCard),
  optionalRecords: z.array(recordSummary),
  optionalKindConfigured: z.boolean(),
  canWrite: z.boolean(),
  kinds: z.array(z.enum(actionKinds)),
});
export type Workbench = z.infer<typeof workbenchSchema>;
