import type { Readable } from 'node:stream';
import sharp from 'sharp';
import { imageHash } from '../../lib/image-hash.js';
import type { Db } from '../../db/client.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { detectFileType, safeFileName } from '../../lib/file-types.js';
import { zipBombReason } from '../../lib/zip-bomb.js';
import { holdStoredContent } from '../../lib/file-store.js';
import { findRecordRow, lockRecordRow } from '../records/record-access.js';
import { canReadRecord, canWriteForBranch, isEditableStatus } from '../records/records.policy.js';
import { isVisibleCase } from '../../../common/policies/cases.js';
import { closeSignalsOfWithdrawnFile } from '../signals/signals-compute.js';
import * as repo from './evidence.repo.js';

export interface UploadMeta {
  kind: 'photo' | 'sign_in_sheet' | 'minutes' | 'document' | 'other';
  validOn?: string;
  caption?: string;
}

export type EvidenceItem = Omit<Awaited<ReturnType<typeof repo.evidenceOfRecords>>[number], 'recordId'>;

/**
 * Each record's files, for a module listing records it has already authorized (cases). One
 * query whatever the number of records; a record without files maps to an empty list.
 */
export async function evidenceByRecord(db: Db, recordIds: number[]): Promise<Map<number, EvidenceItem[]>> {
  const byRecord = new Map<number, EvidenceItem[]>(recordIds.map((id) => [id, []]));
  for (const { recordId, ...item } of await repo.evidenceOfRecords(db, recordIds))
    byRecord.get(recordId)?.push(item);
  return byRecord;
}

export class EvidenceService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'config' | 'clock' | 'files'>) {}

  /** Given a transaction, the record's row stays locked until it ends. */
  private async recordFor(ctx: AuthedContext, recordId: number, write: boolean, tx?: Db) {
    const record = await (tx ? lockRecordRow(tx, recordId) : findRecordRow(this.deps.db, recordId));
    if (!record || !canReadRecord(ctx.actor, record)) throw notFound();
    if (write) {
      if (!canWriteForBranch(ctx.actor, record.branchId)) throw forbidden();
      if (!isEditableStatus(record.status)) throw new AppError('RECORD_LOCKED');
    }
    return record;
  }

  /**
   * Stores an upload: bytes to a temp file (hashed as they arrive), type decided by content, then
   * synced and renamed to the content address — all before the database row commits, so a crash
   * can leave an unused file but never a record pointing at a missing one.
   */
  async upload(ctx: AuthedContext, recordId: number, fileName: string, stream: Readable, meta: UploadMeta) {
    const { files, config, db, clock } = this.deps;
    // Checked now to refuse early, and again when storing: the record may be submitted meanwhile.
    await this.recordFor(ctx, recordId, true);
    const ingested = await files.ingest(stream, config.maxUploadBytes);
    try {
      if (ingested.truncated) {
        throw new AppError(
          'FILE_TOO_LARGE',
          undefined,
          `文件过大,单个文件不能超过 ${Math.round(config.maxUploadBytes / 1048576)} MB`,
        );
      }
      if (ingested.size === 0) throw new AppError('FILE_TYPE_REJECTED', undefined, '文件为空');
      const whole = await files.readWhole(ingested.tempPath);
      const type = detectFileType(whole);
      if (!type) throw new AppError('FILE_TYPE_REJECTED');
      const bomb = type.zip ? zipBombReason(whole) : null;
      if (bomb) throw new AppError('FILE_TYPE_REJECTED', undefined, bomb);
      const name = safeFileName(fileName, type.ext);
      if (!name) throw new AppError('FILE_NAME_INVALID');
      let thumbnail: Buffer | null = null;
      if (type.image) {
        // A file that claims to be an image but does not decode is refused.
        thumbnail = await sharp(whole, { limitInputPixels: 100_000_000 })
          .rotate()
          .resize(320, 320, { fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality: 75 })
          .toBuffer()
          .catch(() => {
            throw new AppError('FILE_TYPE_REJECTED', undefined, '图片文件已损坏或格式不正确');
          });
      }
      // Compared with every later photo by the integrity signals (signals-compute.ts).
      const hash = thumbnail ? await imageHash(whole) : null;
      await files.commit(ingested.tempPath, ingested.sha256);
      if (thumbnail) await files.putThumbnail(ingested.sha256, thumbnail);
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const record = await this.recordFor(ctx, recordId, true, tx);
        await holdStoredContent(tx, files, ingested.sha256);
        await repo.upsertBlob(tx, {
          sha256: ingested.sha256,
          size: ingested.size,
          mime: type.mime,
          hasThumbnail: !!thumbnail,
          imageHash: hash,
          createdAt: now,
        });
        const evidenceId = await repo.insertEvidence(tx, {
          recordId,
          sha256: ingested.sha256,
          kind: meta.kind,
          originalName: name,
          caption: meta.caption || null,
          validOn: meta.validOn ?? record.occurredOn,
          uploadedBy: ctx.actor.userId,
          uploadedAt: now,
        });
        await writeAudit(tx, ctx, clock, {
          action: 'evidence.add',
          entityType: 'record',
          entityId: recordId,
          after: { evidenceId, name, sha256: ingested.sha256, size: ingested.size, kind: meta.kind },
        });
        return evidenceId;
      });
      return { id };
    } finally {
      await files.discard(ingested.tempPath);
    }
  }

  /** Evidence is withdrawn, not destroyed: the file and the row stay for the audit trail. */
  async remove(ctx: AuthedContext, recordId: number, evidenceId: number): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      await this.recordFor(ctx, recordId, true, tx);
      const found = await repo.findEvidence(tx, evidenceId);
      if (!found || found.evidence.recordId !== recordId) throw notFound();
      await repo.markRemoved(tx, evidenceId, this.deps.clock.now(), ctx.actor.userId);
      await closeSignalsOfWithdrawnFile(tx, evidenceId, this.deps.clock.now());
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'evidence.remove',
        entityType: 'record',
        entityId: recordId,
        before: { evidenceId, name: found.evidence.originalName },
      });
    });
  }

  async open(ctx: AuthedContext, evidenceId: number, thumbnail: boolean) {
    const found = await repo.findEvidence(this.deps.db, evidenceId);
    if (!found) throw notFound();
    // An exemplary case is shared with every branch, its evidence with it.
    const record = await findRecordRow(this.deps.db, found.evidence.recordId);
    if (!record || !isVisibleCase(ctx.actor, record))
      await this.recordFor(ctx, found.evidence.recordId, false);
    if (thumbnail && !found.blob.hasThumbnail) throw notFound();
    const { files } = this.deps;
    return {
      name: found.evidence.originalName,
      mime: thumbnail ? 'image/jpeg' : found.blob.mime,
      size: found.blob.size,
      stream: thumbnail ? files.openThumbnail(found.blob.sha256) : files.open(found.blob.sha256),
    };
  }
}
