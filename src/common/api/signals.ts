import { z } from 'zod';
import { id, optionalText } from './shared.js';

export const signalKinds = [
  'same_photo',
  'same_file',
  'similar_text',
  'late_entry',
  'repeat_problem',
  'repeat_publicity',
  'overlapping_attendance',
  'sign_in_outside',
  'deadline_rush',
  'same_attendance',
] as const;
export type SignalKind = (typeof signalKinds)[number];
export const signalStatuses = ['open', 'verified', 'doubtful'] as const;

/** The other record a signal points at, as the reviewer needs it to judge without opening it. */
const otherRecord = z.object({
  id: z.number(),
  title: z.string(),
  branchName: z.string(),
  occurredOn: z.string(),
  periodKey: z.string().nullable(),
});

export const integritySignal = z.object({
  id: z.number(),
  recordId: z.number(),
  kind: z.enum(signalKinds),
  /** The matched files, passages, similarity or distance, the times: see signals-compute.ts. */
  evidence: z.record(z.string(), z.unknown()),
  other: otherRecord.nullable(),
  /**
   * The record it resembles is of a branch outside the reviewer's oversight (another company's):
   * `other` is null and the evidence holds nothing of that record; the group's committee sees it.
   */
  otherElsewhere: z.boolean(),
  status: z.enum(signalStatuses),
  note: z.string().nullable(),
  markedByName: z.string().nullable(),
  markedAt: z.string().nullable(),
});
export type IntegritySignal = z.infer<typeof integritySignal>;
export const signalList = z.object({ items: z.array(integritySignal) });

/** 已核实 needs the reviewer's explanation; 存疑 may say why. */
export const markBody = z
  .object({ status: z.enum(['verified', 'doubtful']), note: optionalText(500) })
  .refine((b) => b.status !== 'verified' || !!b.note, {
    path: ['note'],
    message: '标记已核实时请写明核实情况',
  });

/** Open signals of the records listed (the review queue's page), reviewers only. */
export const countsQuery = z.object({
  recordIds: z
    .string()
    .regex(/^\d+(,\d+){0,99}$/, '记录编号列表格式不正确')
    .transform((v) => [...new Set(v.split(',').map(Number))]),
});
export const recordCounts = z.object({
  items: z.array(z.object({ recordId: z.number(), open: z.number() })),
});

/** A branch's signals over a campaign, by kind and status, for the committee's branch profile. */
export const branchCountsQuery = z.object({ campaignId: id });
export const branchCounts = z.object({
  open: z.number(),
  doubtful: z.number(),
  verified: z.number(),
  /** Open signals by kind. */
  byKind: z.array(z.object({ kind: z.enum(signalKinds), open: z.number() })),
});
export type BranchSignalCounts = z.infer<typeof branchCounts>;
