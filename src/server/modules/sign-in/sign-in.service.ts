import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { hashToken, newToken } from '../auth/session-token.js';
import { findRecordRow } from '../records/record-access.js';
import { canWriteForBranch, isEditableStatus } from '../records/records.policy.js';
import { kindsWithAttendance } from '../records/record-kinds.js';
import * as repo from './sign-in.repo.js';

/**
 * QR sign-in replaces the paper sign-in sheet: the secretary shows a short-lived code, members
 * scan it on their phones while signed in and are marked present on the expected list. The
 * secretary can still correct attendance by hand. It is optional, never a forced check-in.
 */
export class SignInService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>) {}

  async createLink(ctx: AuthedContext, recordId: number, minutes: number) {
    const record = await findRecordRow(this.deps.db, recordId);
    if (!record || !canWriteForBranch(ctx.actor, record.branchId)) throw notFound();
    if (!kindsWithAttendance.has(record.kind)) {
      throw new AppError('VALIDATION_FAILED', [
        { path: 'id', message: '只有学习研讨和主题党日可以扫码签到' },
      ]);
    }
    if (!isEditableStatus(record.status)) throw new AppError('RECORD_LOCKED');
    const token = newToken();
    const now = this.deps.clock.now();
    const expiresAt = new Date(now.getTime() + minutes * 60_000);
    await this.deps.db.transaction(async (tx) => {
      await repo.insertLink(tx, {
        id: hashToken(token),
        recordId,
        createdBy: ctx.actor.userId,
        createdAt: now,
        expiresAt,
      });
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'sign_in.link_created',
        entityType: 'record',
        entityId: recordId,
        after: { expiresAt: expiresAt.toISOString() },
      });
    });
    return { path: `/sign-in/${token}`, token, expiresAt: expiresAt.toISOString() };
  }

  private async live(token: string) {
    const found = await repo.findLink(this.deps.db, hashToken(token));
    if (!found) throw notFound();
    if (found.link.expiresAt.getTime() <= this.deps.clock.now().getTime())
      throw new AppError('SIGN_IN_EXPIRED');
    return found;
  }

  async info(ctx: AuthedContext, token: string) {
    const found = await this.live(token);
    const line = ctx.actor.personId
      ? await repo.attendanceLine(this.deps.db, found.record.id, ctx.actor.personId)
      : undefined;
    return {
      recordId: found.record.id,
      title: found.record.title,
      branchName: found.branchName,
      occurredOn: found.record.occurredOn,
      expiresAt: found.link.expiresAt.toISOString(),
      expected: !!line,
      signedInAt: line?.signedInAt?.toISOString() ?? null,
    };
  }

  async signIn(ctx: AuthedContext, token: string) {
    const found = await this.live(token);
    const personId = ctx.actor.personId;
    if (!personId) throw forbidden();
    const { record } = found;
    if (!isEditableStatus(record.status)) throw new AppError('RECORD_LOCKED');
    await this.deps.db.transaction(async (tx) => {
      const line = await repo.attendanceLine(tx, record.id, personId);
      if (!line) throw new AppError('SIGN_IN_NOT_EXPECTED');
      if (line.signedInAt) return;
      await repo.markPresent(tx, record.id, personId, this.deps.clock.now());
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'sign_in.present',
        entityType: 'record',
        entityId: record.id,
        before: { personId, status: line.status },
        after: { personId, status: 'present' },
      });
    });
    return this.info(ctx, token);
  }
}
