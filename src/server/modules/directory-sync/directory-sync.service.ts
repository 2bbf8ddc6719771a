import type { ServiceDeps } from '../../lib/service-deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { cstDate } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import type { Db } from '../../db/client.js';
import { acquireLease, findLease, markLeaseRun, releaseLease } from '../../jobs/leases.repo.js';
import { changeCurrentPost } from '../people/post-terms.js';
import { readDirectoryPeople, type DirectoryEntry } from './directory-entries.js';
import * as repo from './directory-sync.repo.js';
import { planSync, UnknownBranchError, type PersonChange, type SyncPlan } from './sync-plan.js';
import { describePlan } from './sync-report.js';

const LEASE = 'directory-sync';

type Deps = Pick<ServiceDeps, 'db' | 'config' | 'clock'>;

export interface SyncOutcome {
  dryRun: boolean;
  plan: SyncPlan;
  /** One line per change, in Chinese, for the operator and the log. */
  lines: string[];
}

/**
 * The directory sync: reads the company directory's people and brings the organisation in line
 * with it (people added, moved, gone; departments added or moved to the branch their OU maps to).
 * Nobody is deleted: a person the directory no longer has is marked inactive, with the day, and
 * keeps their records, posts and history. One run is one transaction, each change audited in it;
 * a run that finds the organisation already in line writes nothing.
 */
export class DirectorySyncService {
  constructor(private readonly deps: Deps) {}

  get enabled(): boolean {
    return !!this.deps.config.ldap?.sync;
  }

  /**
   * The scheduler's tick: one run a day, after LDAP_SYNC_HOUR China time, by one instance (the
   * lease); a failed run is tried again at the next tick.
   */
  async nightly(holder: string): Promise<string | null> {
    const sync = this.deps.config.ldap?.sync;
    if (!sync) return null;
    const { db, clock } = this.deps;
    const now = clock.now();
    if (new Date(now.getTime() + 8 * 3600_000).getUTCHours() < sync.hour) return null;
    if (!(await acquireLease(db, LEASE, holder, now, new Date(now.getTime() + 30 * 60_000)))) return null;
    const last = (await findLease(db, LEASE))?.lastRunAt;
    if (last && cstDate(last) === cstDate(now)) return null;
    const { plan, lines } = await this.run({ actor: null, ip: 'job' }, { dryRun: false });
    await markLeaseRun(db, LEASE, holder, clock.now());
    const changes = plan.departments.length + plan.people.length;
    return changes ? `${changes} change(s): ${lines.slice(0, 20).join('; ')}` : null;
  }

  async releaseNightly(holder: string): Promise<void> {
    await releaseLease(this.deps.db, LEASE, holder);
  }

  async run(ctx: RequestContext, opts: { dryRun: boolean }): Promise<SyncOutcome> {
    const settings = this.deps.config.ldap;
    if (!settings?.sync) throw new AppError('LDAP_SYNC_NOT_CONFIGURED');
    const sync = settings.sync;
    const entries = await readDirectoryPeople(settings, sync);
    const plan = async (db: Db) => {
      const org = await repo.readOrganisation(db);
      // A directory that answers nobody is a wrong base or filter, not everyone leaving at once.
      if (entries.length === 0 && org.people.some((p) => p.lastMove !== null))
        throw new AppError('LDAP_SYNC_REFUSED', { reason: 'directory answered nobody' });
      try {
        const planned = planSync(entries, sync.branches, org);
        return { planned, lines: describePlan(planned, org) };
      } catch (err) {
        if (err instanceof UnknownBranchError)
          throw new AppError('LDAP_SYNC_REFUSED', { reason: 'unknown branch', branch: err.branch });
        throw err;
      }
    };
    if (opts.dryRun) {
      const { planned, lines } = await plan(this.deps.db);
      return { dryRun: true, plan: planned, lines };
    }
    return this.deps.db.transaction(async (tx) => {
      const { planned, lines } = await plan(tx);
      await this.apply(tx, ctx, planned, entries);
      return { dryRun: false, plan: planned, lines };
    });
  }

  private async apply(tx: Db, ctx: RequestContext, plan: SyncPlan, entries: DirectoryEntry[]) {
    const { clock } = this.deps;
    const audit = (entry: Parameters<typeof writeAudit>[3]) => writeAudit(tx, ctx, clock, entry);
    for (const d of plan.departments) {
      if (d.kind === 'add') {
        const row = await repo.insertDepartment(tx, { name: d.name, branchId: d.branchId });
        await audit({
          action: 'department.create',
          entityType: 'department',
          entityId: row.id,
          after: { ...row, source: 'directory' },
        });
      } else {
        const before = { id: d.id, name: d.name, branchId: d.fromBranchId };
        const after = await repo.moveDepartment(tx, d.id, d.toBranchId);
        await audit({
          action: 'department.update',
          entityType: 'department',
          entityId: d.id,
          before,
          after: { ...after, source: 'directory' },
        });
      }
    }
    for (const change of plan.people) await this.applyPerson(tx, ctx, change);
    if (plan.departments.length || plan.people.length) {
      const counts: Record<string, number> = {};
      for (const c of plan.people) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
      await audit({
        action: 'directory.sync',
        entityType: 'organisation',
        entityId: 1,
        after: {
          entries: entries.length,
          departments: plan.departments.length,
          people: counts,
          skipped: plan.skipped.length,
        },
      });
    }
  }

  private async applyPerson(tx: Db, ctx: RequestContext, change: PersonChange): Promise<void> {
    const { clock } = this.deps;
    const now = clock.now();
    const onDate = cstDate(now);
    const deptId = async (name: string | null) => (name ? await repo.departmentIdByName(tx, name) : null);
    if (change.kind === 'joined') {
      const departmentId = await deptId(change.to.department);
      const id = await repo.insertPerson(tx, {
        name: change.to.name,
        employeeNo: change.employeeNo,
        branchId: change.to.branchId,
        departmentId,
        // The directory knows who works here, not who is a Party member: the branch says that.
        memberStatus: 'non_member',
        phone: change.to.phone,
        updatedAt: now,
      });
      await repo.insertMove(tx, {
        personId: id,
        onDate,
        kind: 'joined',
        toBranchId: change.to.branchId,
        toDepartmentId: departmentId,
      });
      await writeAudit(tx, ctx, clock, {
        action: 'person.create',
        entityType: 'person',
        entityId: id,
        after: { ...(await repo.personRow(tx, id)), source: 'directory' },
      });
      return;
    }
    const before = await repo.personRow(tx, change.person.id);
    if (change.kind === 'left' || change.kind === 'transferred') {
      // Leaving ends a branch post the day before; the person, their records and history stay.
      await changeCurrentPost(tx, ctx, clock, { personId: before.id, branchId: before.branchId, post: null });
      await repo.updatePerson(tx, before.id, { active: false, updatedAt: now });
      await repo.insertMove(tx, {
        personId: before.id,
        onDate,
        kind: change.kind,
        fromBranchId: before.branchId,
        fromDepartmentId: before.departmentId,
      });
      await writeAudit(tx, ctx, clock, {
        action: 'person.deactivate',
        entityType: 'person',
        entityId: before.id,
        before,
        after: { ...(await repo.personRow(tx, before.id)), source: 'directory', move: change.kind },
      });
      return;
    }
    if (!('to' in change)) return;
    const { to } = change;
    const departmentId = await deptId(to.department);
    const otherBranch = before.branchId !== to.branchId;
    // A post and a Party group belong to the branch: moving to another ends both.
    if (otherBranch)
      await changeCurrentPost(tx, ctx, clock, { personId: before.id, branchId: to.branchId, post: null });
    await repo.updatePerson(tx, before.id, {
      name: to.name,
      phone: to.phone ?? before.phone,
      branchId: to.branchId,
      departmentId,
      partyGroupId: otherBranch ? null : before.partyGroupId,
      active: true,
      updatedAt: now,
    });
    if (change.kind !== 'updated')
      await repo.insertMove(tx, {
        personId: before.id,
        onDate,
        kind: change.kind,
        fromBranchId: before.branchId,
        toBranchId: to.branchId,
        fromDepartmentId: before.departmentId,
        toDepartmentId: departmentId,
      });
    await writeAudit(tx, ctx, clock, {
      action: 'person.update',
      entityType: 'person',
      entityId: before.id,
      before,
      after: { ...(await repo.personRow(tx, before.id)), source: 'directory', move: change.kind },
    });
  }
}
