import type { SessionUser } from '../auth/auth.api';
import type { Problem, ProblemState } from './problems.api';
import { hasRole, secretaryBranchIds } from '../../app/permissions';

/** Units the user reports for as grassroots contact. */
export const contactUnitIds = (user: SessionUser): number[] =>
  user.grants
    .filter((g) => g.role === 'grassroots_contact' && g.grassrootsUnitId !== null)
    .map((g) => g.grassrootsUnitId as number);

export const stateColor: Record<ProblemState, string> = {
  raised: 'orange',
  accepted: 'blue',
  solved: 'gold',
  confirmed: 'green',
};

/** What the user may do with a problem in its current state; mirrors the server's policy. */
export function problemActions(user: SessionUser, p: Problem) {
  const handles = p.branchId !== null && secretaryBranchIds(user).includes(p.branchId);
  return {
    accept: p.state === 'raised' && secretaryBranchIds(user).length > 0,
    measure: p.state === 'accepted' && handles,
    solved: p.state === 'accepted' && handles,
    confirm: p.state === 'solved' && contactUnitIds(user).includes(p.unitId),
    confirmOnBehalf: p.state === 'solved' && hasRole(user, 'committee'),
  };
}
