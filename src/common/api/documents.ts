import { z } from 'zod';
import { id, monthKey } from './shared.js';
import { actionKinds } from '../actions.js';

/** Documents generated from the records: meeting records, monthly bulletins, the annual summary. */
export const docFormats = ['docx', 'pdf'] as const;
export type DocFormat = (typeof docFormats)[number];
const format = z.enum(docFormats).default('docx');

export const capabilitiesSchema = z.object({
  /** Whether PDF can be produced here (LibreOffice installed); the reason to show when not. */
  pdf: z.boolean(),
  reason: z.string().nullable(),
});

export const meetingRecordQuery = z.object({ format });
export const bulletinQuery = z.object({ campaignId: id, periodKey: monthKey, format });
export const summaryQuery = z.object({ campaignId: id });
export const summaryFileQuery = z.object({ campaignId: id, format });

/**
 * The parts of the annual summary: the opening, one part per action kind (主要做法和成效), the
 * shortcomings (存在的问题和不足), the plans (下一步工作打算) and the closing.
 */
export const summaryPartKeys = ['intro', ...actionKinds, 'shortcomings', 'plans', 'closing'] as const;
export type SummaryPartKey = (typeof summaryPartKeys)[number];

const prose = z
  .string()
  .max(5000, '每段不能超过 5000 个字')
  .refine((s) => !s.includes('\u0000'), '内容中不能包含空字符');

export const summarySaveBody = z.object({
  campaignId: id,
  /** The version the editor started from (0 before the first save): a stale save is refused. */
  version: z.number().int().min(0).max(1_000_000),
  title: z.string().trim().min(1, '不能为空').max(100, '不能超过 100 个字'),
  parts: z.partialRecord(z.enum(summaryPartKeys), prose),
  /**
   * The records the summary cites as examples (highlights, exemplary cases, or any approved record
   * of the period); absent keeps the earlier choice, whose default is every highlight and case.
   */
  exampleIds: z.array(id).max(200, '最多选择 200 个事例').optional(),
});

export const summaryView = z.object({
  campaign: z.object({ id: z.number(), name: z.string(), year: z.number() }),
  title: z.string(),
  /** The months the summary covers: the campaign's months up to the current one. */
  period: z.object({ from: z.string(), to: z.string(), months: z.number() }),
  version: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** Values that prose may quote as {名称}; resolved from the data at every export. */
  placeholders: z.array(z.object({ name: z.string(), value: z.string() })),
  /** Records the committee may cite as examples: highlights and exemplary cases, and which are chosen. */
  examples: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      branchName: z.string(),
      title: z.string(),
      note: z.string().nullable(),
      highlight: z.boolean(),
      exemplary: z.boolean(),
      chosen: z.boolean(),
    }),
  ),
  parts: z.array(
    z.object({
      key: z.enum(summaryPartKeys),
      heading: z.string(),
      /** The editable prose, with placeholders as written. */
      prose: z.string(),
      /** The prose as it will print, placeholders resolved. */
      resolved: z.string(),
      /** Generated from the records, not editable: counts, titles, examples. */
      facts: z.array(z.string()),
      /** Unknown placeholders, and numbers typed by hand that will not follow the data. */
      warnings: z.array(z.string()),
      /** Whether the prose is still the generated default, and that default. */
      isDefault: z.boolean(),
      defaultProse: z.string(),
    }),
  ),
});
export type SummaryView = z.infer<typeof summaryView>;
