import { z } from 'zod';
import { id, periodKey } from './shared.js';
import { recordDetail, recordSummary } from './records.js';

/** The committee's approval of several submitted records at once, each at the version it read. */
export const approveManyBody = z.object({
  items: z
    .array(z.object({ id, version: z.number().int().min(1) }))
    .min(1)
    .max(100)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, '记录不能重复'),
  comment: z.string().trim().max(2000).default(''),
});

/**
 * One result per record: each is approved in its own transaction, so one that someone else
 * changed (CONFLICT) or that the reviewer worked on (REVIEWER_IS_AUTHOR) does not hold up the rest.
 */
export const approveManyResult = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      ok: z.boolean(),
      /** A code of src/common/errors.ts, with its messages, when this record was not approved. */
      code: z.string().nullable(),
      message: z.string().nullable(),
      messageEn: z.string().nullable(),
    }),
  ),
});
export type ApproveManyResult = z.infer<typeof approveManyResult>;

/** Branch-months with records waiting for review, oldest submission first. */
export const reviewGroups = z.object({
  items: z.array(
    z.object({
      branchId: z.number(),
      branchName: z.string(),
      periodKey: z.string(),
      waiting: z.number(),
      firstSubmittedAt: z.string(),
    }),
  ),
});
export type ReviewGroup = z.infer<typeof reviewGroups>['items'][number];

export const branchMonthQuery = z.object({ branchId: id, periodKey });

/** A branch's month for review: its records in full, and what it handed in the month before. */
export const branchMonth = z.object({
  branchId: z.number(),
  branchName: z.string(),
  periodKey: z.string(),
  previousPeriodKey: z.string().nullable(),
  records: z.array(recordDetail),
  previous: z.array(recordSummary),
});
export type BranchMonth = z.infer<typeof branchMonth>;
