import type { ProblemState } from './problems.api';

export const stateColor: Record<ProblemState, string> = {
  raised: 'orange',
  accepted: 'blue',
  solved: 'gold',
  confirmed: 'green',
};
