import type { ServiceDeps } from '../../lib/service-deps.js';
import { seesAllBranches, type AuthedContext } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import { searchAudit } from './audit.repo.js';

/** Dates are calendar days in China Standard Time, the users' working day. */
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

export class AuditService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db'>) {}

  async search(
    ctx: AuthedContext,
    q: {
      entityType?: string;
      entityId?: string;
      action?: string;
      actorUserId?: number;
      from?: string;
      to?: string;
      limit: number;
      offset: number;
    },
  ) {
    if (!seesAllBranches(ctx.actor)) throw forbidden();
    return searchAudit(this.deps.db, {
      ...q,
      from: q.from ? dayStart(q.from) : undefined,
      to: q.to ? new Date(dayStart(q.to).getTime() + 86_400_000) : undefined,
    });
  }
}
