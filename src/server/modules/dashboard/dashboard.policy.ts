import type { Actor } from '../../lib/actor.js';
import { forbidden, notFound } from '../../lib/errors.js';
import type { Campaign } from '../../../common/api/campaigns.js';
import { canNarrowToCompany, dashboardScope as scopeOf } from '../../../common/policies/dashboard.js';

/** Whose figures the actor sees in the campaign; someone with no dashboard is refused. */
export function dashboardScope(actor: Actor, campaign: Campaign): NonNullable<ReturnType<typeof scopeOf>> {
  const scope = scopeOf(actor, campaign);
  if (!scope) throw forbidden();
  return scope;
}

/** Another company's figures, asked for by its id, answer 404: nothing says they exist. */
export function assertNarrowsTo(actor: Actor, companyId: number | undefined): void {
  if (companyId !== undefined && !canNarrowToCompany(actor, companyId)) throw notFound();
}
