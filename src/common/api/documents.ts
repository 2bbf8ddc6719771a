import { z } from 'zod';
import { id, isoDate, monthKey, optionalText } from './shared.js';
import { actionKinds } from '../actions.js';
import { docPeriodKinds } from '../document-periods.js';

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
/**
 * A branch's meeting record book: its meetings of one month of the campaign (`periodKey`), or of
 * the whole campaign year when no month is given. Approved records only, as the ledgers, unless
 * `includeUnapproved` is 'true': then submitted and returned ones too, each marked with its status.
 */
export const meetingBookQuery = z.object({
  campaignId: id,
  branchId: id,
  periodKey: monthKey.optional(),
  includeUnapproved: z.enum(['true', 'false']).optional(),
  format,
});
/**
 * The months a bulletin covers: `from` to `to` (a month, a quarter, a half-year or any range of
 * one year), or one month as `periodKey`.
 */
const bulletinMonths = {
  periodKey: monthKey.optional(),
  from: monthKey.optional(),
  to: monthKey.optional(),
};
const monthsGiven = (q: { periodKey?: string; from?: string }) => !!(q.periodKey || q.from);
const monthsRequired = { message: '请选择通报的月份或期间', path: ['from'] };
export const bulletinQuery = z
  .object({ campaignId: id, ...bulletinMonths, format })
  .refine(monthsGiven, monthsRequired);
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

/** Issued documents (印发): a bulletin or the annual summary, numbered, dated and frozen. */
export const issuedKinds = ['bulletin', 'summary'] as const;
export type IssuedKind = (typeof issuedKinds)[number];

export const issueBody = z
  .object({
    campaignId: id,
    kind: z.enum(issuedKinds),
    /** A bulletin's months (the summary covers the campaign up to its issue date). */
    ...bulletinMonths,
    /** The date printed on it; today when left out. */
    issuedOn: isoDate.optional(),
    /** 文号, e.g. 机党〔2020〕12号. */
    docNumber: optionalText(40),
  })
  .refine((b) => b.kind !== 'bulletin' || monthsGiven(b), monthsRequired);

export const issuedListQuery = z.object({ campaignId: id });
export const issuedFileQuery = z.object({ format });

export const issuedDocument = z.object({
  id: z.number(),
  campaignId: z.number(),
  kind: z.enum(issuedKinds),
  seq: z.number(),
  /** 期号 as printed: 2020年第3期. */
  issueNumber: z.string(),
  title: z.string(),
  period: z.object({ kind: z.enum(docPeriodKinds), from: z.string(), to: z.string() }),
  issuedOn: z.string(),
  issuer: z.string(),
  docNumber: z.string().nullable(),
  fileName: z.string(),
  size: z.number(),
  sha256: z.string(),
  issuedByName: z.string(),
  createdAt: z.string(),
});
export type IssuedDocument = z.infer<typeof issuedDocument>;
export const issuedList = z.object({ items: z.array(issuedDocument) });
