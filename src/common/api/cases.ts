import { z } from 'zod';
import { id, periodKey } from './shared.js';
import { evidenceSchema } from './records.js';

export const exemplaryBody = z.object({
  exemplary: z.boolean(),
  note: z.string().trim().max(500).optional(),
});
export const casesQuery = z.object({
  campaignId: id.optional(),
  tag: z.string().trim().max(20).optional(),
  /** The period a case counts for: a month (2026-05), or a quarter (2026-Q2) in a quarterly campaign. */
  periodKey: periodKey.optional(),
});
export const caseSchema = z.object({
  recordId: z.number(),
  campaignId: z.number(),
  branchId: z.number(),
  branchName: z.string(),
  title: z.string(),
  occurredOn: z.string(),
  /** The month (or quarter) it counts for. */
  periodKey: z.string().nullable(),
  category: z.string(),
  description: z.string(),
  novelty: z.string(),
  tags: z.array(z.string()),
  note: z.string().nullable(),
  /** What the branch attached: every branch may open it, as it may read the case. */
  evidence: z.array(evidenceSchema),
  /** What the caller may do with it (src/common/policies/cases.ts decides). */
  can: z.object({ unmark: z.boolean(), openRecord: z.boolean() }),
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
  /** The page that needs action. The web words each type in the user's language. */
  link: z.string(),
  count: z.number(),
  /** For types about a span of days (due within, waiting longer than): how many days. */
  days: z.number().int().optional(),
});
export const inboxSchema = z.object({ items: z.array(inboxItem) });
