import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { z } from 'zod';
import type { DocFormat, IssuedDocument, issueBody } from '../../../common/api/documents.js';
import { issueNumberText } from '../../../common/document-periods.js';
import type { AuthedContext } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { cstDate } from '../../lib/dates.js';
import { AppError, isUniqueViolation, notFound } from '../../lib/errors.js';
import { holdStoredContent } from '../../lib/file-store.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { assertCanIssueDocuments, assertCanReadIssuedDocuments } from './documents.policy.js';
import {
  DOCX_MIME,
  type DocumentsService,
  safeName,
  type DocFile,
  type UnmarkedDoc,
} from './documents.service.js';
import { renderDocx } from './docx-kit.js';
import { cnDate } from './format.js';
import { withIssueMark } from './issue-mark.js';
import * as repo from './issued.repo.js';
import { docxToPdf } from './pdf.js';

type IssueInput = z.output<typeof issueBody>;

/** Room enough for any bulletin or summary; a file past it means something went wrong. */
const MAX_DOC_BYTES = 50 * 1024 * 1024;

const dateError = (message: string) =>
  new AppError('ISSUE_DATE_INVALID', [{ path: 'issuedOn', message }], message);

function view(row: repo.IssuedRow): IssuedDocument {
  return {
    id: row.id,
    campaignId: row.campaignId,
    kind: row.kind,
    seq: row.seq,
    issueNumber: row.issueNumber,
    title: row.title,
    period: { kind: row.periodKind, from: row.periodFrom, to: row.periodTo },
    issuedOn: row.issuedOn,
    issuer: row.issuer,
    docNumber: row.docNumber,
    fileName: row.fileName,
    size: row.size,
    sha256: row.sha256,
    issuedByName: row.issuedByName,
    createdAt: row.createdAt.toISOString(),
  };
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Issuing (印发) a bulletin or the annual summary: the committee dates it, it gets the next issue
 * number of its series, and the Word file as issued is stored by SHA-256. Downloading it later
 * returns those bytes, whatever has changed in the records since; issuing again makes a new
 * number and keeps the earlier one.
 */
export class IssuedDocumentsService {
  private readonly campaigns: CampaignsService;
  private readonly documents: DocumentsService;
  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'clock' | 'files'>,
    use: { campaigns: CampaignsService; documents: DocumentsService },
  ) {
    this.campaigns = use.campaigns;
    this.documents = use.documents;
  }

  async list(ctx: AuthedContext, campaignId: number): Promise<{ items: IssuedDocument[] }> {
    assertCanReadIssuedDocuments(ctx.actor);
    await this.campaigns.get(ctx, campaignId);
    return { items: (await repo.listIssued(this.deps.db, campaignId)).map(view) };
  }

  async issue(ctx: AuthedContext, input: IssueInput): Promise<IssuedDocument> {
    assertCanIssueDocuments(ctx.actor);
    const campaign = await this.campaigns.get(ctx, input.campaignId);
    if (campaign.status === 'draft') {
      throw new AppError('VALIDATION_FAILED', undefined, '活动尚未启动,没有可以印发的内容');
    }
    const today = cstDate(this.deps.clock.now());
    const issuedOn = input.issuedOn ?? today;
    if (issuedOn > today) throw dateError('印发日期不能晚于今天');
    if (issuedOn < `${campaign.year}-01-01`) {
      throw dateError(`印发日期须在活动年度(${campaign.year}年)之内或之后`);
    }
    // The content is gathered before the number is taken, so the series is locked only while
    // the file is numbered, written and recorded.
    const doc =
      input.kind === 'bulletin'
        ? await this.documents.bulletinDoc(ctx, input, issuedOn)
        : await this.documents.summaryDoc(ctx, campaign.id, issuedOn);
    if (input.kind === 'bulletin' && issuedOn < `${doc.period.from}-01`) {
      throw dateError('印发日期不能早于通报所涉期间的开始');
    }
    const row = await this.numberAndStore(ctx, campaign, input, doc).catch((err: unknown) => {
      // The series lock makes this unreachable in practice; the unique index is the backstop.
      if (isUniqueViolation(err, 'issued_documents_number')) throw new AppError('CONFLICT');
      throw err;
    });
    return view(row);
  }

  /** In one transaction, under the series lock: the next number, the stored file, the row, the audit. */
  private numberAndStore(
    ctx: AuthedContext,
    campaign: { id: number; year: number },
    input: IssueInput,
    doc: UnmarkedDoc,
  ): Promise<repo.IssuedRow> {
    const issuedOn = doc.date;
    return this.deps.db.transaction(async (tx) => {
      await repo.lockSeries(tx, campaign.id, input.kind);
      const last = await repo.lastOfSeries(tx, campaign.id, input.kind);
      if (last && issuedOn < last.issuedOn) {
        throw dateError(`印发日期不能早于上一期(${last.issueNumber},${cnDate(last.issuedOn)})`);
      }
      const seq = (last?.seq ?? 0) + 1;
      const issueNumber = issueNumberText(campaign.year, seq);
      const stored = await this.store(doc, issueNumber, input.docNumber ?? null);
      await holdStoredContent(tx, this.deps.files, stored.sha256);
      await repo.registerBlob(tx, {
        sha256: stored.sha256,
        size: stored.size,
        mime: DOCX_MIME,
        hasThumbnail: false,
        createdAt: this.deps.clock.now(),
      });
      const inserted = await repo.insertIssued(tx, {
        campaignId: campaign.id,
        kind: input.kind,
        seq,
        issueNumber,
        title: doc.model.title,
        periodKind: doc.period.kind,
        periodFrom: doc.period.from,
        periodTo: doc.period.to,
        issuedOn,
        issuer: doc.issuer,
        docNumber: input.docNumber ?? null,
        sha256: stored.sha256,
        fileName: `${safeName(`${doc.baseName}（${issueNumber}）`)}.docx`,
        size: stored.size,
        issuedBy: ctx.actor.userId,
        issuedByName: ctx.actor.displayName,
        createdAt: this.deps.clock.now(),
      });
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'documents.issue',
        entityType: 'issued_document',
        entityId: inserted.id,
        after: view(inserted),
      });
      return inserted;
    });
  }

  /**
   * Renders the numbered document and makes its bytes durable at their content address before
   * the row that names them commits (a failed transaction leaves an unused file, never a row
   * without its file).
   */
  private async store(doc: UnmarkedDoc, issueNumber: string, docNumber: string | null) {
    const model = withIssueMark(doc.model, { issuer: doc.issuer, date: doc.date, issueNumber, docNumber });
    const docx = await renderDocx(model);
    const { files } = this.deps;
    const ingested = await files.ingest(Readable.from([docx]), MAX_DOC_BYTES);
    try {
      if (ingested.truncated) throw new AppError('FILE_TOO_LARGE');
      await files.commit(ingested.tempPath, ingested.sha256);
      return { sha256: ingested.sha256, size: ingested.size };
    } finally {
      await files.discard(ingested.tempPath);
    }
  }

  /** The file as issued: the stored bytes, checked against their SHA-256; PDF converted from them. */
  async file(ctx: AuthedContext, id: number, format: DocFormat): Promise<DocFile> {
    assertCanReadIssuedDocuments(ctx.actor);
    const row = await repo.findIssued(this.deps.db, id);
    if (!row) throw notFound();
    await this.campaigns.get(ctx, row.campaignId);
    const { files } = this.deps;
    const bytes = (await files.exists(row.sha256)) ? await readAll(files.open(row.sha256)) : null;
    if (!bytes || bytes.length !== row.size || sha256Of(bytes) !== row.sha256) {
      throw new AppError('ISSUED_FILE_DAMAGED');
    }
    if (format === 'docx') return { name: row.fileName, mime: DOCX_MIME, content: bytes };
    const pdf = await docxToPdf(bytes, `issued:${row.sha256}`);
    return { name: row.fileName.replace(/\.docx$/, '.pdf'), mime: 'application/pdf', content: pdf };
  }
}
