import { z } from 'zod';
import { id, isoDate, text } from './shared.js';
import { indicatorDirections, verdicts } from '../record-fields/effect.js';

export const revisionStages = [
  'drafting',
  'leader_review',
  'leader_returned',
  'leader_approved',
  'committee_review',
  'tracking',
  'closed',
] as const;
export const revisionStageLabels: Record<(typeof revisionStages)[number], { zh: string; en: string }> = {
  drafting: { zh: '起草中', en: 'Drafting' },
  leader_review: { zh: '分管领导审核中', en: 'With the leader in charge' },
  leader_returned: { zh: '分管领导退回', en: 'Returned by the leader' },
  leader_approved: { zh: '领导已审核,待发布报送', en: 'Approved by the leader' },
  committee_review: { zh: '机关党委审核中', en: 'With the committee' },
  tracking: { zh: '已发布,跟踪实施效果', en: 'Published, tracking its effect' },
  closed: { zh: '已闭环', en: 'Closed' },
};

export const leaderReviewBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approved'), comment: z.string().trim().max(2000).default('') }),
  z.object({ decision: z.literal('returned'), comment: text(2000) }),
]);

export const followupParams = z.object({ id, followupId: id });
/**
 * A follow-up's finding; where the revision states an indicator, the value measured with its
 * evidence, and the next step when the target is not met (the server computes the verdict).
 */
export const followupBody = z.object({
  note: text(2000),
  notedOn: isoDate,
  measuredValue: z.number().finite().min(0).max(1_000_000_000).nullable().default(null),
  evidence: z.string().trim().max(1000).default(''),
  nextStep: z.string().trim().max(1000).default(''),
});

export const revisionQuery = z.object({
  branchId: id.optional(),
  stage: z.enum(revisionStages).optional(),
  /** Only revisions waiting for the caller as leader in charge. */
  mine: z.enum(['true', 'false']).optional(),
});

const followup = z.object({
  id: z.number(),
  dueOn: z.string(),
  note: z.string().nullable(),
  notedOn: z.string().nullable(),
  notedBy: z.string().nullable(),
  overdue: z.boolean(),
  measuredValue: z.number().nullable(),
  evidence: z.string().nullable(),
  verdict: z.enum(verdicts).nullable(),
  nextStep: z.string().nullable(),
});

/** The indicator a revision states (record-fields/effect.ts), null when it states none. */
const indicator = z.object({
  name: z.string(),
  unit: z.string(),
  direction: z.enum(indicatorDirections),
  baseline: z.number(),
  target: z.number(),
  measureBy: z.string().nullable(),
});

export const revisionSchema = z.object({
  recordId: z.number(),
  branchId: z.number(),
  branchName: z.string(),
  ruleTitle: z.string(),
  ruleType: z.string(),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  title: z.string(),
  stage: z.enum(revisionStages),
  recordStatus: z.string(),
  publishedOn: z.string().nullable(),
  documentNo: z.string().nullable(),
  releaseForm: z.string().nullable(),
  indicator: indicator.nullable(),
  /** The verdict of the latest follow-up that measured the indicator, null before any. */
  verdict: z.enum(verdicts).nullable(),
  leaderReviews: z.array(
    z.object({ decision: z.string(), comment: z.string(), leader: z.string(), at: z.string() }),
  ),
  followups: z.array(followup),
  /** The steps the caller may take now (src/common/policies/revisions.ts decides). */
  can: z.object({ sendToLeader: z.boolean(), leaderReview: z.boolean(), noteFollowup: z.boolean() }),
});
export const revisionList = z.object({
  items: z.array(revisionSchema),
  /** The register (制度修订台账): every rule with its revisions, newest first. */
  rules: z.array(z.object({ ruleTitle: z.string(), versions: z.array(z.number()) })),
});
