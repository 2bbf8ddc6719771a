import type { ActionKindConfig } from '../../../common/api/campaigns.js';
import { actionKindDefaultTitles, actionKinds } from '../../../common/actions.js';

/** The article's “五个一”: five required actions a month, 20 points each, plus optional actions. */
export const defaultActionKinds: ActionKindConfig[] = actionKinds.map((kind) => ({
  kind,
  title: actionKindDefaultTitles[kind],
  required: kind !== 'optional',
  requiredCount: 1,
  period: 'month',
  graceDays: 5,
  points: kind === 'optional' ? 2 : 20,
}));
