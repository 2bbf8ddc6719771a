import { z } from 'zod';
import { problemMeasures } from '../actions.js';
import { id, isoDate, text, optionalText } from './shared.js';

export const problemStates = ['raised', 'accepted', 'solved', 'confirmed'] as const;
export type ProblemState = (typeof problemStates)[number];
export const problemStateLabels: Record<(typeof problemStates)[number], { zh: string; en: string }> = {
  raised: { zh: '待受理', en: 'Raised' },
  accepted: { zh: '办理中', en: 'Being handled' },
  solved: { zh: '待基层确认', en: 'Awaiting confirmation' },
  confirmed: { zh: '已确认解决', en: 'Confirmed' },
};

export const raiseBody = z.object({
  unitId: id,
  title: text(100),
  description: text(5000),
  category: z.string().trim().max(60).default(''),
  urgency: z.enum(['normal', 'urgent']).default('normal'),
  /** A branch recording a problem found on a visit takes it on at once, with its handler. */
  branchId: id.optional(),
  handlerPersonId: id.nullable().optional(),
});
export const acceptBody = z.object({ branchId: id, handlerPersonId: id.nullable().default(null) });
export const measureBody = z.object({ date: isoDate, kind: z.enum(problemMeasures), note: text(1000) });
export const solvedBody = z.object({ solvedOn: isoDate, outcome: text(5000) });
export const confirmBody = z.object({
  result: z.enum(['solved', 'partly', 'not_solved']),
  satisfaction: z.number().int().min(1).max(5),
  comment: optionalText(1000),
});
/** 3 or 6 months after confirmation: has the problem come back? Saying it has asks what happened. */
export const recheckBody = z
  .object({
    months: z.union([z.literal(3), z.literal(6)]),
    cameBack: z.boolean(),
    note: optionalText(1000),
  })
  .refine((b) => !b.cameBack || !!b.note, { path: ['note'], message: '问题反弹时请说明情况' });

export const confirmOnBehalfBody = z.object({ result: z.enum(['solved', 'partly']), reason: text(500) });

export const problemQuery = z.object({
  unitId: id.optional(),
  branchId: id.optional(),
  state: z.enum(problemStates).optional(),
  category: z.string().trim().max(60).optional(),
});

export const problemEventSchema = z.object({
  type: z.string(),
  at: z.string(),
  by: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const problemSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  urgency: z.enum(['normal', 'urgent']),
  raisedByName: z.string(),
  raisedAt: z.string(),
  branchId: z.number().nullable(),
  branchName: z.string().nullable(),
  handlerPersonId: z.number().nullable(),
  /** Who in the branch handles it (承办人). */
  handlerName: z.string().nullable(),
  state: z.enum(problemStates),
  solvedOn: z.string().nullable(),
  confirmation: z.enum(['solved', 'partly']).nullable(),
  confirmedOn: z.string().nullable(),
  satisfaction: z.number().nullable(),
  confirmComment: z.string().nullable(),
  confirmedOnBehalfReason: z.string().nullable(),
  recordId: z.number().nullable(),
  reopenCount: z.number(),
  /** Days the unit has been asked to confirm, while waiting. */
  waitingDays: z.number().nullable(),
  events: z.array(problemEventSchema),
  /** What the 3- and 6-month rechecks found (problem-recheck.ts), in the order recorded. */
  rechecks: z.array(
    z.object({
      months: z.number(),
      cameBack: z.boolean(),
      note: z.string(),
      checkedOn: z.string(),
      by: z.string().nullable(),
    }),
  ),
  /** The rechecks whose day has come and that wait to be recorded. */
  rechecksDue: z.array(z.number()),
  /** The steps the caller may take now (src/common/policies/problems.ts decides). */
  can: z.object({
    accept: z.boolean(),
    measure: z.boolean(),
    solve: z.boolean(),
    confirm: z.boolean(),
    confirmOnBehalf: z.boolean(),
    recheck: z.boolean(),
  }),
});
export const problemList = z.object({ items: z.array(problemSchema) });
