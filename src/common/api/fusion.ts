import { z } from 'zod';
import { id, monthKey } from './shared.js';
import { indicatorDirections, verdicts } from '../record-fields/effect.js';

/**
 * 融合成效: what the actions changed in the business, from the records. A revision's indicator and
 * its latest measured follow-up (record-fields/effect.ts); a problem's before / after and its
 * 3- and 6-month rechecks (problem-recheck.ts). Counted over approved records of the months.
 */
export const fusionQuery = z.object({
  campaignId: id,
  branchId: id.optional(),
  from: monthKey.optional(),
  to: monthKey.optional(),
});

const indicatorSchema = z.object({
  name: z.string(),
  unit: z.string(),
  direction: z.enum(indicatorDirections),
  baseline: z.number(),
  target: z.number(),
});

/** One recheck tally: checked, stayed solved, came back, and due but not yet recorded. */
const recheckTally = z.object({
  checked: z.number(),
  stayed: z.number(),
  cameBack: z.number(),
  waiting: z.number(),
});

export const fusionFigures = z.object({
  revisions: z.object({
    total: z.number(),
    withIndicator: z.number(),
    measured: z.number(),
    met: z.number(),
    notMet: z.number(),
  }),
  /** Revisions whose latest measurement reached the target (已见效). */
  reached: z.array(
    z.object({
      recordId: z.number(),
      branchName: z.string(),
      title: z.string(),
      indicator: indicatorSchema,
      measured: z.number(),
      measuredOn: z.string(),
      improvement: z.number(),
    }),
  ),
  /** The improvements summed per indicator (name + unit + direction), over measured revisions. */
  byIndicator: z.array(
    z.object({
      name: z.string(),
      unit: z.string(),
      direction: z.enum(indicatorDirections),
      revisions: z.number(),
      met: z.number(),
      baseline: z.number(),
      measured: z.number(),
      improvement: z.number(),
    }),
  ),
  problems: z.object({
    confirmed: z.number(),
    /** Checked at least once and never found come back. */
    stayedSolved: z.number(),
    cameBack: z.number(),
    months3: recheckTally,
    months6: recheckTally,
  }),
  /** The units' before / after summed per measure (name + unit), over confirmed problems. */
  problemMeasures: z.array(
    z.object({
      name: z.string(),
      unit: z.string(),
      problems: z.number(),
      before: z.number(),
      after: z.number(),
      improvement: z.number(),
    }),
  ),
  /** Problems a recheck found come back, with what the unit said. */
  cameBack: z.array(
    z.object({
      problemId: z.number(),
      branchName: z.string(),
      title: z.string(),
      months: z.number(),
      note: z.string(),
    }),
  ),
  /** The same counts per branch (a branch's caller gets its own row only). */
  branches: z.array(
    z.object({
      branchId: z.number(),
      branchName: z.string(),
      revisionsMeasured: z.number(),
      revisionsMet: z.number(),
      problemsConfirmed: z.number(),
      stayedSolved: z.number(),
      cameBack: z.number(),
    }),
  ),
});
export type FusionFigures = z.infer<typeof fusionFigures>;

export const fusionSchema = fusionFigures.extend({
  campaign: z.object({ id: z.number(), name: z.string(), year: z.number() }),
  range: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  /** True when the figures are the caller's own branch only. */
  ownOnly: z.boolean(),
});
export type Fusion = z.infer<typeof fusionSchema>;

/** A record's effect figures as the review screen shows them; null parts where it has none. */
export const recordEffect = z.object({
  indicator: indicatorSchema.nullable(),
  measured: z.number().nullable(),
  measuredOn: z.string().nullable(),
  verdict: z.enum(verdicts).nullable(),
  improvement: z.number().nullable(),
  beforeAfter: z
    .object({ name: z.string(), unit: z.string(), before: z.number(), after: z.number() })
    .nullable(),
  rechecks: z.array(z.object({ months: z.number(), cameBack: z.boolean() })),
});
export type RecordEffect = z.infer<typeof recordEffect>;

/** The effect figures a grade can cite: the record's indicator, its before / after, its rechecks. */
export const effectFigureKeys = ['indicator', 'beforeAfter', 'recheck3', 'recheck6'] as const;
export type EffectFigureKey = (typeof effectFigureKeys)[number];

/** The figures of an effect a grade can cite: those it has (a measured indicator, a recorded recheck). */
export function citableFigures(e: RecordEffect): EffectFigureKey[] {
  const keys: EffectFigureKey[] = [];
  if (e.indicator && e.measured !== null) keys.push('indicator');
  if (e.beforeAfter) keys.push('beforeAfter');
  if (e.rechecks.some((r) => r.months === 3)) keys.push('recheck3');
  if (e.rechecks.some((r) => r.months === 6)) keys.push('recheck6');
  return keys;
}

/** The review screen's side: the record's effect and the branch's same action in the three months before. */
export const reviewContextSchema = z.object({
  recordId: z.number(),
  kind: z.string(),
  periodKey: z.string().nullable(),
  branchName: z.string(),
  effect: recordEffect,
  history: z.array(
    z.object({
      periodKey: z.string(),
      records: z.array(
        z.object({
          id: z.number(),
          title: z.string(),
          status: z.string(),
          quality: z.string().nullable(),
          effect: recordEffect,
        }),
      ),
    }),
  ),
});
export type ReviewContext = z.infer<typeof reviewContextSchema>;
