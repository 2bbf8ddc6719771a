import type { Structure } from '../../../common/api/org.js';
import type { Db } from '../../db/client.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError, isForeignKeyViolation, isUniqueViolation, notFound } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import * as repo from './org.repo.js';
import { assertCanEditOrganisation } from './org.policy.js';

const entityLabels: Record<repo.OrgEntity, string> = {
  company: 'company',
  branch: 'branch',
  partyGroup: 'party_group',
  department: 'department',
  unit: 'grassroots_unit',
};

/** The organisation's name, or null before the first run: what the sign-in page shows. */
export async function organisationName(db: Db): Promise<string | null> {
  return repo.organisationName(db);
}

export class OrgService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>) {}

  async structure(_ctx: AuthedContext): Promise<Structure> {
    return repo.readStructure(this.deps.db);
  }

  async updateOrganisation(
    ctx: AuthedContext,
    values: { name?: string; committeeName?: string; committeeFullName?: string | null },
  ): Promise<void> {
    assertCanEditOrganisation(ctx.actor);
    await this.deps.db.transaction(async (tx) => {
      const { before, after } = await repo.updateOrganisation(tx, values);
      await repo.followOrganisation(tx, values);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'organisation.update',
        entityType: 'organisation',
        entityId: 1,
        before,
        after,
      });
    });
  }

  async create(
    ctx: AuthedContext,
    entity: repo.OrgEntity,
    values: Record<string, unknown>,
  ): Promise<{ id: number }> {
    assertCanEditOrganisation(ctx.actor);
    return this.write(async (tx) => {
      await this.checkBranchRef(tx, values.branchId);
      await this.checkCompanyRef(tx, values.companyId);
      if (entity === 'branch' && values.companyId === undefined && (await repo.companyCount(tx)) > 1) {
        throw new AppError('COMPANY_REQUIRED');
      }
      const row = await repo.insertOrgRow(tx, entity, values);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: `${entityLabels[entity]}.create`,
        entityType: entityLabels[entity],
        entityId: row.id as number,
        after: row,
      });
      return { id: row.id as number };
    });
  }

  async update(
    ctx: AuthedContext,
    entity: repo.OrgEntity,
    id: number,
    values: Record<string, unknown>,
  ): Promise<void> {
    assertCanEditOrganisation(ctx.actor);
    await this.write(async (tx) => {
      const before = await repo.findOrgRow(tx, entity, id);
      if (!before) throw notFound();
      await this.checkBranchRef(tx, values.branchId);
      await this.checkCompanyRef(tx, values.companyId);
      const after = await repo.updateOrgRow(tx, entity, id, values);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: `${entityLabels[entity]}.update`,
        entityType: entityLabels[entity],
        entityId: id,
        before,
        after,
      });
    });
  }

  private async checkBranchRef(tx: Parameters<typeof repo.activeBranchExists>[0], branchId: unknown) {
    if (typeof branchId === 'number' && !(await repo.activeBranchExists(tx, branchId))) {
      throw new AppError('INVALID_REFERENCE');
    }
  }

  /** A branch goes into an active company; omitted where there is one, the database puts it there. */
  private async checkCompanyRef(tx: ServiceDeps['db'], companyId: unknown) {
    if (typeof companyId === 'number' && !(await repo.activeCompanyExists(tx, companyId))) {
      throw new AppError('INVALID_REFERENCE');
    }
  }

  /** Runs a change in a transaction and turns constraint violations into clear errors. */
  private async write<T>(fn: (tx: ServiceDeps['db']) => Promise<T>): Promise<T> {
    try {
      return await this.deps.db.transaction(fn);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('NAME_TAKEN');
      if (isForeignKeyViolation(err)) throw new AppError('INVALID_REFERENCE');
      throw err;
    }
  }
}
