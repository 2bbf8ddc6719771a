import { z } from 'zod';
import { actionKinds, attendanceStatuses, evidenceKinds, recordStatuses } from '../actions.js';
import {
  optionalFields,
  problemFields,
  publicityFields,
  ruleRevisionFields,
  schemaOf,
  studyFields,
  themeDayFields,
} from '../record-fields/index.js';
import { id, isoDate, optionalText, page, periodKey, text } from './shared.js';
import { effectFigureKeys, recordEffect } from './fusion.js';
import { branchPosts, memberStatuses } from '../enums.js';

/** Kind-specific fields of a record, built from the field lists (record-fields). Drafts may be
 * incomplete; the checklist says what is missing. */
export const studyData = schemaOf(studyFields);
export const themeDayData = schemaOf(themeDayFields);
export const ruleRevisionData = schemaOf(ruleRevisionFields);
export const problemData = schemaOf(problemFields);
export const publicityData = schemaOf(publicityFields);
export const optionalData = schemaOf(optionalFields);

export const recordDataByKind = {
  study: studyData,
  theme_day: themeDayData,
  rule_revision: ruleRevisionData,
  grassroots_problem: problemData,
  publicity: publicityData,
  optional: optionalData,
} as const;

export const attendanceEntry = z.object({
  personId: id,
  status: z.enum(attendanceStatuses),
  reason: optionalText(200),
});

export const recordBody = z.object({
  campaignId: id,
  branchId: id,
  kind: z.enum(actionKinds),
  title: text(200),
  occurredOn: isoDate,
  data: z.record(z.string(), z.unknown()),
  attendance: z.array(attendanceEntry).max(1000).optional(),
});
export const recordUpdate = recordBody.omit({ campaignId: true, branchId: true, kind: true }).extend({
  version: z.number().int().min(1),
});
export const qualities = ['excellent', 'good', 'fair', 'poor'] as const;
/** The grade's basis (评定依据): the effect figures ticked, each once, and a short note. */
export const gradeBasisInput = z.object({
  figures: z
    .array(z.enum(effectFigureKeys, { message: '所引成效数据不在可选范围内' }))
    .min(1, '请至少勾选一项成效数据')
    .max(effectFigureKeys.length)
    .refine((f) => new Set(f).size === f.length, '同一成效数据只能引用一次'),
  note: z.string().trim().max(200, '依据说明不超过200字').default(''),
});
/** A grade's basis as stored with its review: the figures cited and the effect they were read from. */
export const gradeBasis = z.object({
  figures: z.array(z.enum(effectFigureKeys)),
  note: z.string(),
  effect: recordEffect,
});
export type GradeBasis = z.infer<typeof gradeBasis>;
export const reviewBody = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approved'),
    comment: z.string().trim().max(2000).default(''),
    /** A grade given with the approval, in the review screen; it may cite the effect. */
    quality: z.enum(qualities, { message: '等次只能是优、良、中、差' }).optional(),
    basis: gradeBasisInput.optional(),
  }),
  z.object({ decision: z.literal('returned'), comment: text(2000) }),
]);
export const versionBody = z.object({ version: z.number().int().min(1) });

export const checklistItem = z.object({
  key: z.string(),
  label: z.string(),
  labelEn: z.string(),
  done: z.boolean(),
  /** A blocking item must be done before submitting; the others are advice for the reviewer. */
  blocking: z.boolean(),
});

export const evidenceSchema = z.object({
  id: z.number(),
  kind: z.enum(evidenceKinds),
  originalName: z.string(),
  mime: z.string(),
  size: z.number(),
  validOn: z.string().nullable(),
  caption: z.string().nullable(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
  hasThumbnail: z.boolean(),
});

export const recordSummary = z.object({
  id: z.number(),
  campaignId: z.number(),
  branchId: z.number(),
  branchName: z.string(),
  kind: z.enum(actionKinds),
  title: z.string(),
  occurredOn: z.string(),
  countsOn: z.string().nullable(),
  periodKey: z.string().nullable(),
  taskId: z.number().nullable(),
  status: z.enum(recordStatuses),
  /** A revision's review by the leader in charge: a draft `pending` there waits on the leader. */
  leaderStatus: z.enum(['none', 'pending', 'approved', 'returned']),
  submittedLate: z.boolean(),
  submittedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RecordSummary = z.infer<typeof recordSummary>;

export const attendanceView = z.object({
  personId: z.number(),
  name: z.string(),
  status: z.enum(attendanceStatuses),
  reason: z.string().nullable(),
  /** Set when the person signed in by QR code. */
  signedInAt: z.string().nullable(),
  /** Standing when the list was made (预备党员 are marked); null on lists from before it was kept. */
  memberStatus: z.enum(memberStatuses).nullable(),
  /** The branch post held on the meeting's date. */
  post: z.enum(branchPosts).nullable(),
});

/** Those a meeting would expect (应到), from its form and date. */
export const expectedList = z.object({
  items: z.array(
    z.object({
      personId: z.number(),
      name: z.string(),
      memberStatus: z.enum(memberStatuses),
      post: z.enum(branchPosts).nullable(),
    }),
  ),
});

export const recordDetail = recordSummary.extend({
  data: z.record(z.string(), z.unknown()),
  quality: z.enum(['excellent', 'good', 'fair', 'poor']).nullable(),
  highlight: z.boolean(),
  highlightNote: z.string().nullable(),
  attendance: z.array(attendanceView),
  attendanceSummary: z.object({
    expected: z.number(),
    present: z.number(),
    leave: z.number(),
    absent: z.number(),
    rate: z.number().nullable(),
  }),
  evidence: z.array(evidenceSchema),
  checklist: z.array(checklistItem),
  reviews: z.array(
    z.object({
      at: z.string(),
      reviewer: z.string(),
      decision: z.enum(['approved', 'returned']),
      comment: z.string(),
      quality: z.enum(qualities).nullable(),
      /** The effect figures the grade cited, as they stood when it was given. */
      gradeBasis: gradeBasis.nullable(),
    }),
  ),
  createdBy: z.string().nullable(),
  /** Names of the people the record's fields refer to (host, recorder), for readers who cannot list people. */
  personNames: z.record(z.string(), z.string()),
  dueDate: z.string().nullable(),
  /** What the reader may do with the record now (`recordCan` in policies/records.ts). */
  can: z.object({ edit: z.boolean(), review: z.boolean(), grade: z.boolean() }),
  /** Revisions: the review by the leader in charge (分管领导审核); 'none' for other kinds. */
  leaderStatus: z.enum(['none', 'pending', 'approved', 'returned']),
  /** Optional actions the committee holds up as exemplary cases (典型案例). */
  exemplary: z.boolean(),
  exemplaryNote: z.string().nullable(),
});
export type RecordDetail = z.infer<typeof recordDetail>;

export const recordQuery = z.object({
  campaignId: id.optional(),
  branchId: id.optional(),
  kind: z.enum(actionKinds).optional(),
  status: z.enum(recordStatuses).optional(),
  periodKey: periodKey.optional(),
  taskId: id.optional(),
  ...page,
});
export const recordList = z.object({ total: z.number(), items: z.array(recordSummary) });

export const historyList = z.object({
  items: z.array(
    z.object({
      version: z.number(),
      at: z.string(),
      by: z.string().nullable(),
      change: z.string(),
      snapshot: z.unknown(),
    }),
  ),
});

export const evidenceMeta = z.object({
  kind: z.enum(evidenceKinds).default('photo'),
  validOn: isoDate.optional(),
  caption: z.string().trim().max(200).optional(),
});
