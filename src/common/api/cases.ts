import { z } from 'zod';
import { id } from './shared.js';

export const exemplaryBody = z.object({
  exemplary: z.boolean(),
  note: z.string().trim().max(500).optional(),
});
export const casesQuery = z.object({ campaignId: id.optional(), tag: z.string().trim().max(20).optional() });
export const caseSchema = z.object({
  recordId: z.number(),
  branchName: z.string(),
  title: z.string(),
  occurredOn: z.string(),
  category: z.string(),
  description: z.string(),
  novelty: z.string(),
  tags: z.array(z.string()),
  note: z.string().nullable(),
});
export const caseList = z.object({ items: z.array(caseSchema) });

export const inboxItem = z.object({
  type: z.enum([
    'record_returned',
    'task_due',
    'task_overdue',
    'review_waiting',
    'revision_waiting',
    'followup_due',
    'problem_to_accept',
    'problem_to_confirm',
    'problem_confirm_overdue',
  ]),
  title: z.string(),
  detail: z.string(),
  /** The page that needs action. */
  link: z.string(),
  count: z.number(),
});
export const inboxSchema = z.object({ items: z.array(inboxItem) });
