import { z } from 'zod';
import {
  actionKinds,
  attendanceStatuses,
  evidenceKinds,
  meetingModes,
  problemMeasures,
  publicityKinds,
  recordStatuses,
  studyForms,
  studyMaterials,
  themeDayActivities,
  themeDayThemes,
} from '../actions.js';
import { id, isoDate, optionalText, page, periodKey, text } from './shared.js';

const longText = (max: number) => z.string().trim().max(max).default('');

/** Kind-specific fields of a record. Drafts may be incomplete; the checklist says what is missing. */
export const studyData = z.object({
  form: z.enum(studyForms),
  mode: z.enum(meetingModes),
  place: longText(100),
  topic: text(200),
  materialKinds: z.array(z.enum(studyMaterials)).max(4).default([]),
  materials: longText(2000),
  hostPersonId: id.nullable().default(null),
  recorderPersonId: id.nullable().default(null),
  minutes: longText(20000),
  decisions: longText(5000),
});
export const themeDayData = z.object({
  theme: z.enum(themeDayThemes),
  activity: z.enum(themeDayActivities),
  place: longText(100),
  hostPersonId: id.nullable().default(null),
  summary: longText(20000),
});
export const ruleRevisionData = z.object({
  ruleTitle: text(200),
  ruleType: z.enum(['rule', 'process']),
  departmentId: id.nullable().default(null),
  gap: longText(5000),
  opinionsSolicited: longText(5000),
  changeSummary: longText(5000),
  publishedOn: isoDate.nullable().default(null),
  documentNo: longText(60),
  releaseForm: longText(60),
});
export const problemData = z.object({
  /** The problem in the register this record reports; its confirmation decides the month. */
  problemId: id.nullable().default(null),
  /** Filled by the server from the unit's confirmation; whatever a client sends is replaced. */
  confirmedOn: isoDate.nullable().default(null),
  unitId: id.nullable().default(null),
  raisedBy: longText(60),
  description: text(5000),
  category: longText(60),
  measures: z
    .array(z.object({ date: isoDate, kind: z.enum(problemMeasures), note: longText(1000) }))
    .max(50)
    .default([]),
  resolvedOn: isoDate.nullable().default(null),
  outcome: longText(5000),
});
export const publicityData = z.object({
  kind: z.enum(publicityKinds),
  author: longText(60),
  channels: z
    .array(
      z.object({
        /** A code from the configured channel list (settings), by default the four of publicityChannels. */
        channel: z.string().regex(/^[a-z0-9_]{1,30}$/, '渠道代码不正确'),
        publishedOn: isoDate,
        link: z.string().trim().max(500).default(''),
        /** Reach is recorded for information only: it never enters any score. */
        views: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
        likes: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
      }),
    )
    .max(10)
    .default([]),
  highlights: longText(5000),
  /** The studies, theme days, revisions or problems this item reports on. */
  relatedRecordIds: z.array(id).max(20).default([]),
});
export const optionalData = z.object({
  category: longText(60),
  description: text(5000),
  novelty: longText(2000),
  /** Branches tag what was new about the action, so cases can be found by theme. */
  tags: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
});

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
export const reviewBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approved'), comment: z.string().trim().max(2000).default('') }),
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
    }),
  ),
  createdBy: z.string().nullable(),
  /** Names of the people the record's fields refer to (host, recorder), for readers who cannot list people. */
  personNames: z.record(z.string(), z.string()),
  dueDate: z.string().nullable(),
  canEdit: z.boolean(),
  canReview: z.boolean(),
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
