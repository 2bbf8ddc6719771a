import { z } from 'zod';
import { actionKinds } from '../actions.js';
import { id, periodKey } from './shared.js';

/** 提交本月: the branch hands in every draft of its month that is complete enough. */
export const submitMonthBody = z.object({ campaignId: id, branchId: id, periodKey });

/**
 * One answer per draft of the month. Each is submitted in its own transaction with the same checks
 * as one at a time, so a draft still missing something does not hold up the rest.
 * - submitted: handed in to the committee;
 * - waiting_leader: a revision with the leader in charge, sent on by the approval when complete;
 * - refused: not submitted, with the reason (code and messages) and, when incomplete, the
 *   checklist items it still lacks.
 */
export const submitMonthResult = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(actionKinds),
      title: z.string(),
      outcome: z.enum(['submitted', 'waiting_leader', 'refused']),
      code: z.string().nullable(),
      message: z.string().nullable(),
      messageEn: z.string().nullable(),
      /** Blocking checklist items not yet done (key and Chinese label), when incomplete. */
      missing: z.array(z.object({ key: z.string(), label: z.string() })),
    }),
  ),
});
export type SubmitMonthResult = z.infer<typeof submitMonthResult>;
