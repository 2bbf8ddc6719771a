import { z } from 'zod';
import { actionKinds } from '../actions.js';
import { taskSchema } from './tasks.js';
import { recordSummary } from './records.js';
import { id, periodKey } from './shared.js';

const rate = z.number().nullable();

/** Branches per matrix page unless the caller asks otherwise, and the most it may ask for. */
export const MATRIX_PAGE_SIZE = 50;
export const MATRIX_PAGE_MAX = 200;

/**
 * The matrix comes a page of branches at a time: at group scale (2,000 branches) the whole of it
 * was 120,000 tasks read and 24,000 cells sent per view. `q` narrows the branches by name first.
 */
export const matrixQuery = z.object({
  campaignId: id,
  kind: z.enum(actionKinds).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(MATRIX_PAGE_MAX).default(MATRIX_PAGE_SIZE),
  q: z.string().trim().max(30).optional(),
  /** Only the branches of this company (the group committee drilling down from the companies). */
  companyId: id.optional(),
});
export const cellQuery = z.object({ campaignId: id, branchId: id, periodKey });
export const rankingQuery = z.object({
  campaignId: id,
  periodKey: periodKey.optional(),
  companyId: id.optional(),
});
/** The companies compared: over the campaign, or over the months from `from` to `to`. */
export const companiesQuery = z.object({
  campaignId: id,
  from: periodKey.optional(),
  to: periodKey.optional(),
});
export const indicatorsQuery = z.object({
  campaignId: id,
  branchId: id.optional(),
  companyId: id.optional(),
  from: periodKey.optional(),
  to: periodKey.optional(),
});
export const profileQuery = z.object({ campaignId: id });
export const dueQuery = z.object({
  campaignId: id,
  branchId: id.optional(),
  withinDays: z.coerce.number().int().min(0).max(90).default(7),
});

const statusCounts = {
  total: z.number(),
  done: z.number(),
  doneLate: z.number(),
  submitted: z.number(),
  returned: z.number(),
  inProgress: z.number(),
  overdue: z.number(),
  notStarted: z.number(),
};
/** Every branch (the group's committee), one company's (its committee), or a branch's own view. */
const scope = z.enum(['all', 'company', 'own']);

export const matrixSchema = z.object({
  campaign: z.object({ id: z.number(), name: z.string(), year: z.number() }),
  periods: z.array(z.string()),
  /** The branches of this page, in the organisation's order; `cells` covers exactly these. */
  branches: z.array(z.object({ id: z.number(), name: z.string() })),
  /** Where the page lies among the branches the caller may see (after the name search). */
  paging: z.object({ offset: z.number(), limit: z.number(), total: z.number() }),
  standard: z.number(),
  cells: z.array(
    z.object({
      branchId: z.number(),
      periodKey: z.string(),
      ...statusCounts,
      score: z.number(),
      max: z.number(),
    }),
  ),
  scope,
});

export const scoreLine = z.object({ rule: z.string(), ruleEn: z.string(), points: z.number() });
export const scoreSchema = z.object({ score: z.number(), max: z.number(), lines: z.array(scoreLine) });

export const cellSchema = z.object({
  branch: z.object({ id: z.number(), name: z.string() }),
  periodKey: z.string(),
  tasks: z.array(z.object({ task: taskSchema, records: z.array(recordSummary) })),
  optionalRecords: z.array(recordSummary),
  score: scoreSchema,
});

export const rankingSchema = z.object({
  periodKey: z.string().nullable(),
  rows: z.array(
    z.object({
      branchId: z.number(),
      branchName: z.string(),
      score: z.number().nullable(),
      max: z.number().nullable(),
      cumulative: z.number(),
      cumulativeMax: z.number(),
      rank: z.number().nullable(),
    }),
  ),
  scope,
});

const rates = z.object({
  ...statusCounts,
  completionRate: rate,
  onTimeRate: rate,
  score: z.number(),
  max: z.number(),
});

const companyFigures = rates.extend({
  /** Branches of the company with tasks in the campaign. */
  branches: z.number(),
  /** Score over the standard: companies of different sizes compare on it. */
  scoreRate: rate,
  /** The company's score shared out over its branches. */
  averageScore: z.number().nullable(),
});

/** The group committee's comparison of companies, with the whole group's figures beside them. */
export const companiesSchema = z.object({
  range: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  rows: z.array(
    companyFigures.extend({
      companyId: z.number(),
      companyName: z.string(),
      /** By score rate; equal rates share a rank. */
      /** Null for a company's own committee: it sees itself against the group, not the others' positions. */
      rank: z.number().nullable(),
    }),
  ),
  group: companyFigures,
});

/** The highlights a dashboard's card lists, newest first; the answer says how many there are in all. */
export const dashboardHighlights = 10;

export const indicatorsSchema = z.object({
  range: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  tasks: rates,
  /** The same figures month by month over the range, for the branches in scope (the trend). */
  trend: z.array(rates.extend({ periodKey: z.string() })),
  attendance: z.object({ expected: z.number(), present: z.number(), leave: z.number(), rate }),
  studyForms: z.record(z.string(), z.number()),
  studyModes: z.record(z.string(), z.number()),
  approvedByKind: z.record(z.string(), z.number()),
  rulesRevised: z.number(),
  revisionFollowups: z.object({ noted: z.number(), open: z.number(), overdue: z.number() }),
  problemsSolved: z.number(),
  problemSatisfaction: z.object({ rated: z.number(), average: z.number().nullable(), reopened: z.number() }),
  exemplaryCases: z.number(),
  publicityByChannel: z.record(z.string(), z.number()),
  optionalActions: z.number(),
  highlights: z.array(
    z.object({
      recordId: z.number(),
      branchName: z.string(),
      kind: z.enum(actionKinds),
      title: z.string(),
      periodKey: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  /** Every highlight of the range; the list holds the newest `dashboardHighlights` of them. */
  highlightCount: z.number(),
});

export const profileSchema = z.object({
  branch: z.object({ id: z.number(), name: z.string() }),
  totals: rates,
  othersTotals: rates,
  months: z.array(
    z.object({
      periodKey: z.string(),
      completionRate: rate,
      score: z.number(),
      max: z.number(),
      othersCompletionRate: rate,
      othersAverageScore: z.number().nullable(),
    }),
  ),
  kinds: z.array(
    z.object({
      kind: z.enum(actionKinds),
      title: z.string(),
      completionRate: rate,
      onTimeRate: rate,
      othersCompletionRate: rate,
    }),
  ),
  strengths: z.array(z.enum(actionKinds)),
  gaps: z.array(z.enum(actionKinds)),
});

export const dueSchema = z.object({ dueSoon: z.array(taskSchema), overdue: z.array(taskSchema) });

export const gradeBody = z.object({
  quality: z.enum(['excellent', 'good', 'fair', 'poor']).nullable(),
  highlight: z.boolean(),
  highlightNote: z.string().trim().max(500).optional(),
});
