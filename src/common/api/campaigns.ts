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
});
export const campaignPatch = campaignBody.partial();
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
  copiedFromId: z.number().nullable(),
  startedAt: z.string().nullable(),
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignList = z.object({ items: z.array(campaignSchema) });
