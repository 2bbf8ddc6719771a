import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { findProblem, pointProblemAtRecord } from './problems.repo.js';

/**
 * Copies into a monthly record what the problem register knows (unit, solved and confirmed
 * dates), so the record counts for the month the unit confirmed. A problem counts once: it may
 * be linked to one record only.
 */
export async function syncProblem(
  db: Db,
  data: Record<string, unknown>,
  branchId: number,
  recordId: number | null,
) {
  data.confirmedOn = null;
  const problemId = data.problemId as number | null;
  if (!problemId) return;
  const p = await findProblem(db, problemId);
  if (!p || p.branchId !== branchId)
    throw new AppError('INVALID_REFERENCE', undefined, '问题不存在或不由本支部办理');
  if (p.recordId !== null && p.recordId !== recordId) {
    throw new AppError('CONFLICT', undefined, '该问题已计入其他记录,一个问题只能计入一个月');
  }
  data.unitId = p.unitId;
  data.resolvedOn = p.solvedOn;
  data.confirmedOn = p.state === 'confirmed' ? p.confirmedOn : null;
}

/** Points the problem at its record, and releases any problem the record no longer reports. */
export async function linkProblem(db: Db, problemId: number | null, recordId: number): Promise<void> {
  await pointProblemAtRecord(db, problemId, recordId);
}
