import { z } from 'zod';
import { actionKinds, periodKinds } from '../actions.js';
import { id, text, optionalText } from './shared.js';

export const actionKindConfig = z.object({
  kind: z.enum(actionKinds),
  title: text(60),
  /** Required actions open a task per branch and period; optional ones only earn bonus points. */
  required: z.boolean(),
  requiredCount: z.number().int().min(1).max(10).default(1),
  period: z.enum(periodKinds).default('month'),
  graceDays: z.number().int().min(0).max(60).default(5),
  points: z.number().min(0).max(100).default(20),
});
export type ActionKindConfig = z.output<typeof actionKindConfig>;

/**
 * How a branch's month is scored, beyond each kind's points: a late action (补报) earns
 * latePercent of its points; a quality grade moves them by a percentage; each highlight adds a
 * bonus. Optional actions add their points up to the campaign's optionalBonusCap per period.
 */
export const scoringRules = z.object({
  latePercent: z.number().min(0).max(100).default(50),
  qualityAdjust: z
    .object({
      excellent: z.number().min(-100).max(100).default(10),
      good: z.number().min(-100).max(100).default(0),
      fair: z.number().min(-100).max(100).default(-10),
      poor: z.number().min(-100).max(100).default(-40),
    })
    .default({ excellent: 10, good: 0, fair: -10, poor: -40 }),
  highlightBonus: z.number().min(0).max(50).default(2),
});
export type ScoringRules = z.output<typeof scoringRules>;
export const defaultScoring: ScoringRules = scoringRules.parse({});

const months = z
  .array(z.number().int().min(1).max(12))
  .min(1)
  .max(12)
  .refine((m) => new Set(m).size === m.length, '月份不能重复');

export const campaignBody = z.object({
  name: text(80),
  year: z.number().int().min(2000).max(2100),
  months: months.default([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
  watchwords: optionalText(100),
  branchIds: z.array(id).min(1).max(500),
  actionKinds: z
    .array(actionKindConfig)
    .min(1)
    .max(20)
    .refine((k) => new Set(k.map((x) => x.kind)).size === k.length, '同一动作类型只能配置一次'),
  optionalBonusCap: z.number().min(0).max(100).default(10),
  /** Whether branches see each other's scores (issue: ranking for show is formalism). */
  branchesSeeRanking: z.boolean().default(false),
  scoring: scoringRules.default(defaultScoring),
});
/** A patch names only what changes: no defaults here, or an edit would reset untouched settings. */
export const campaignPatch = z.object({
  name: text(80).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  months: months.optional(),
  watchwords: optionalText(100),
  branchIds: z.array(id).min(1).max(500).optional(),
  actionKinds: campaignBody.shape.actionKinds.optional(),
  optionalBonusCap: z.number().min(0).max(100).optional(),
  branchesSeeRanking: z.boolean().optional(),
  scoring: scoringRules.optional(),
});
export const copyCampaignBody = z.object({ name: text(80), year: z.number().int().min(2000).max(2100) });

export const campaignSchema = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  months: z.array(z.number()),
  watchwords: z.string().nullable(),
  status: z.enum(['draft', 'active', 'closed']),
  branchIds: z.array(z.number()),
  actionKinds: z.array(actionKindConfig.extend({ id: z.number() })),
  optionalBonusCap: z.number(),
  branchesSeeRanking: z.boolean(),
  scoring: scoringRules,
  copiedFromId: z.number().nullable(),
  startedAt: z.string().nullable(),
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignList = z.object({ items: z.array(campaignSchema) });
