import type { z } from 'zod';
import type { Campaign } from '../../../common/api/campaigns.js';
import type { DocFormat, SummaryView, summarySaveBody } from '../../../common/api/documents.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { cstDate } from '../../lib/dates.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { periodsOf } from '../campaigns/periods.js';
import { readStructure } from '../org/org.repo.js';
import type { RecordsService } from '../records/records.service.js';
import type { FusionService } from '../fusion/fusion.service.js';
import type { DashboardService } from '../dashboard/dashboard.service.js';
import type { IndicatorsService } from '../dashboard/indicators.service.js';
import type { TasksService } from '../tasks/tasks.service.js';
import { publicityChannelList } from '../settings/settings.service.js';
import { getSetting, setSetting } from '../settings/settings.service.js';
import * as repo from './documents.repo.js';
import { assertCanEditSummary, assertCanReadSummary } from './documents.policy.js';
import { canReadMeetingBook } from '../../../common/policies/documents.js';
import { meetingKinds } from '../../../common/record-fields/index.js';
import { renderDocx, type DocModel } from './docx-kit.js';
import { bulletinModel, type BulletinFacts } from './bulletin.js';
import { loadBulletinFacts, type BulletinSources } from './bulletin-facts.js';
import { meetingRecordModel } from './meeting-record.js';
import { meetingBookModel } from './meeting-book.js';
import { contentKey, docxToPdf } from './pdf.js';
import { summaryModel, summaryViewOf, type SummaryFacts, type SummaryProse } from './summary.js';
import { summaryExtras } from './summary-facts.js';
import type { MonthsQuery } from './document-period.js';
import { draftFileName, withIssueMark } from './issue-mark.js';
import {
  docPeriodLabel,
  docPeriodOf,
  issuingBody,
  type DocPeriod,
} from '../../../common/document-periods.js';

export interface DocFile {
  name: string;
  mime: string;
  content: Buffer;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A bulletin or summary as generated, before it is marked as a draft or issued with a number. */
export interface UnmarkedDoc {
  model: DocModel;
  baseName: string;
  /** The issuing body's full name, signed at the foot. */
  issuer: string;
  /** The date printed on it. */
  date: string;
  period: DocPeriod;
}
const summaryKey = (campaignId: number) => `annual_summary.${campaignId}`;
/** File names keep Chinese but lose characters that no file system accepts. */
export const safeName = (s: string) =>
  [...s]
    .filter((c) => c >= ' ' && !'\\/:*?"<>|'.includes(c))
    .join('')
    .slice(0, 120);

/** The other modules' services the documents read from. */
export interface DocumentsCollaborators {
  campaigns: CampaignsService;
  records: RecordsService;
  tasks: TasksService;
  indicators: IndicatorsService;
  dashboard: DashboardService;
  fusion: FusionService;
}

/**
 * Documents produced from the records — the meeting record of a session, the monthly bulletin
 * and the annual summary — as Word, or PDF where LibreOffice is installed. Every number comes
 * from the dashboard's facts, so documents and dashboards never disagree.
 */
export class DocumentsService {
  private readonly campaigns: CampaignsService;
  private readonly records: RecordsService;
  private readonly sources: BulletinSources;
  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>,
    use: DocumentsCollaborators,
  ) {
    this.campaigns = use.campaigns;
    this.records = use.records;
    this.sources = {
      db: deps.db,
      tasks: use.tasks,
      indicators: use.indicators,
      dashboard: use.dashboard,
      fusion: use.fusion,
    };
  }

  private today(): string {
    return cstDate(this.deps.clock.now());
  }

  private async file(model: DocModel, baseName: string, format: DocFormat): Promise<DocFile> {
    const docx = await renderDocx(model);
    if (format === 'docx') return { name: `${safeName(baseName)}.docx`, mime: DOCX_MIME, content: docx };
    const pdf = await docxToPdf(docx, contentKey(model));
    return { name: `${safeName(baseName)}.pdf`, mime: 'application/pdf', content: pdf };
  }

  /** The meeting record of a study session or theme day the caller may read. */
  async meetingRecord(ctx: AuthedContext, recordId: number, format: DocFormat): Promise<DocFile> {
    const record = await this.records.get(ctx, recordId);
    if (!meetingKinds.includes(record.kind)) {
      throw new AppError('VALIDATION_FAILED', [
        { path: 'id', message: '只有学习研讨和主题党日可以生成会议记录' },
      ]);
    }
    const model = meetingRecordModel(record, this.today());
    return this.file(model, `${record.branchName}-${record.title}-${record.occurredOn}`, format);
  }

  /**
   * A branch's meeting record book (会议记录本) of a month or of the campaign year: every meeting on
   * record, in the order held, each on its own page after a contents page.
   */
  async meetingBook(
    ctx: AuthedContext,
    q: {
      campaignId: number;
      branchId: number;
      periodKey?: string;
      includeUnapproved?: 'true' | 'false';
      format: DocFormat;
    },
  ): Promise<DocFile> {
    if (!canReadMeetingBook(ctx.actor, q.branchId)) throw notFound();
    const campaign = await this.campaigns.get(ctx, q.campaignId);
    const structure = await readStructure(this.deps.db);
    const branch = structure.branches.find((b) => b.id === q.branchId);
    if (!branch || !campaign.branchIds.includes(q.branchId)) throw notFound();
    if (q.periodKey && !periodsOf(campaign.year, campaign.months, 'month').some((p) => p.key === q.periodKey))
      throw new AppError('VALIDATION_FAILED', [{ path: 'periodKey', message: '该月份不在活动期间内' }]);
    const ids = await repo.meetingIds(this.deps.db, q);
    if (!ids.length)
      throw new AppError('VALIDATION_FAILED', [
        {
          path: 'periodKey',
          message:
            q.includeUnapproved === 'true'
              ? '该期间本支部没有已提交的学习研讨或主题党日记录'
              : '该期间本支部没有已审核通过的学习研讨或主题党日记录',
        },
      ]);
    const records = this.records;
    const meetings = [];
    for (const id of ids) meetings.push(await records.get(ctx, id));
    const book = {
      branchName: branch.name,
      year: campaign.year,
      periodKey: q.periodKey,
      approvedOnly: q.includeUnapproved !== 'true',
    };
    const model = meetingBookModel(book, meetings, this.today());
    return this.file(model, model.title, q.format);
  }

  /** The facts of a bulletin (a month, quarter, half-year or range), for the branches the caller may see. */
  async bulletinFacts(ctx: AuthedContext, campaignId: number, months: MonthsQuery): Promise<BulletinFacts> {
    const campaign = await this.campaigns.get(ctx, campaignId);
    const structure = await readStructure(this.deps.db);
    return loadBulletinFacts(this.sources, ctx, campaign, months, this.today(), structure);
  }

  /**
   * The bulletin as a document dated `date` (today for the live draft), before its issue mark:
   * the caller adds the number when issuing, or marks it as a draft.
   */
  async bulletinDoc(
    ctx: AuthedContext,
    q: { campaignId: number } & MonthsQuery,
    date = this.today(),
  ): Promise<UnmarkedDoc> {
    const facts = { ...(await this.bulletinFacts(ctx, q.campaignId, q)), generatedOn: date };
    const who = facts.ownOnly ? `-${facts.rows.map((r) => r.branchName).join('、')}` : '';
    return {
      model: bulletinModel(facts),
      baseName: `${docPeriodLabel(facts.period)}对标活动通报${who}`,
      issuer: facts.committeeName,
      date,
      period: facts.period,
    };
  }

  /** The live bulletin, marked as a draft (未印发) in the document and in its file name. */
  async bulletin(ctx: AuthedContext, q: { campaignId: number; format: DocFormat } & MonthsQuery) {
    return this.draftFile(await this.bulletinDoc(ctx, q), q.format);
  }

  private draftFile(doc: UnmarkedDoc, format: DocFormat): Promise<DocFile> {
    const model = withIssueMark(doc.model, {
      issuer: doc.issuer,
      date: doc.date,
      issueNumber: null,
      docNumber: null,
    });
    return this.file(model, draftFileName(doc.baseName), format);
  }

  /**
   * The months a summary covers: the campaign's months up to `asOf` (today for the draft, the
   * issue date for an issued summary), all of them once the campaign is over.
   */
  private period(campaign: Campaign, asOf = this.today()) {
    const keys = periodsOf(campaign.year, campaign.months, 'month').map((p) => p.key);
    const now = asOf.slice(0, 7);
    const covered = campaign.status === 'closed' ? keys : keys.filter((k) => k <= now);
    const list = covered.length ? covered : keys.slice(0, 1);
    return { from: list[0]!, to: list.at(-1)!, months: covered.length };
  }

  private async summaryFacts(ctx: AuthedContext, campaignId: number, asOf?: string): Promise<SummaryFacts> {
    assertCanReadSummary(ctx.actor);
    const campaign = await this.campaigns.get(ctx, campaignId);
    const period = this.period(campaign, asOf);
    const f = { campaignId, branchIds: 'all' as const, from: period.from, to: period.to };
    const [structure, indicators, records, unitNames, channels, extras, fusion] = await Promise.all([
      readStructure(this.deps.db),
      this.sources.indicators.indicators(ctx, { campaignId, from: period.from, to: period.to }),
      repo.approvedRecords(this.deps.db, f),
      repo.unitNames(this.deps.db),
      publicityChannelList(this.deps.db),
      summaryExtras(this.sources, campaign, period),
      this.sources.fusion.compute(f),
    ]);
    return {
      committeeName: issuingBody(structure.organisation),
      extras,
      fusion,
      campaign: {
        id: campaign.id,
        name: campaign.name,
        year: campaign.year,
        watchwords: campaign.watchwords,
      },
      kinds: campaign.actionKinds.map((k) => ({ kind: k.kind, title: k.title })),
      period,
      branchCount: campaign.branchIds.length,
      indicators,
      records,
      unitNames,
      channelLabels: Object.fromEntries(channels.map((c) => [c.code, { zh: c.label }])),
      generatedOn: this.today(),
    };
  }

  async summary(ctx: AuthedContext, campaignId: number): Promise<SummaryView> {
    const facts = await this.summaryFacts(ctx, campaignId);
    return summaryViewOf(facts, await getSetting<SummaryProse>(this.deps.db, summaryKey(campaignId)));
  }

  /** Saves the summary's prose (the numbers are never stored: they are placeholders). */
  async saveSummary(ctx: AuthedContext, body: z.output<typeof summarySaveBody>): Promise<SummaryView> {
    assertCanEditSummary(ctx.actor);
    await this.campaigns.get(ctx, body.campaignId);
    if (body.exampleIds) {
      // Examples are the campaign's approved records of the summary's months, nothing else.
      const facts = await this.summaryFacts(ctx, body.campaignId);
      const approved = new Set(facts.records.map((r) => r.id));
      const stray = body.exampleIds.findIndex((id) => !approved.has(id));
      if (stray >= 0)
        throw new AppError('VALIDATION_FAILED', [
          { path: `body.exampleIds.${stray}`, message: '只能选择本活动期间已通过审核的记录作为事例' },
        ]);
    }
    await this.deps.db.transaction(async (tx) => {
      const before = await getSetting<SummaryProse>(tx, summaryKey(body.campaignId));
      if ((before?.version ?? 0) !== body.version) throw new AppError('CONFLICT');
      const after: SummaryProse = {
        title: body.title,
        parts: { ...before?.parts, ...body.parts },
        exampleIds: body.exampleIds ? [...new Set(body.exampleIds)] : before?.exampleIds,
        version: body.version + 1,
        updatedAt: this.deps.clock.now().toISOString(),
        updatedBy: ctx.actor.displayName,
      };
      await setSetting(tx, summaryKey(body.campaignId), after);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'documents.summary_saved',
        entityType: 'campaign',
        entityId: body.campaignId,
        before,
        after,
      });
    });
    return this.summary(ctx, body.campaignId);
  }

  /**
   * The annual summary as a document dated `date` (today for the draft), covering the campaign's
   * months up to that date, before its issue mark.
   */
  async summaryDoc(ctx: AuthedContext, campaignId: number, date = this.today()): Promise<UnmarkedDoc> {
    const facts = { ...(await this.summaryFacts(ctx, campaignId, date)), generatedOn: date };
    const saved = await getSetting<SummaryProse>(this.deps.db, summaryKey(campaignId));
    const model = summaryModel(facts, saved);
    return {
      model,
      baseName: model.title,
      issuer: facts.committeeName,
      date,
      period: docPeriodOf(facts.period.from, facts.period.to),
    };
  }

  /** The live summary, marked as a draft (未印发) in the document and in its file name. */
  async summaryFile(ctx: AuthedContext, q: { campaignId: number; format: DocFormat }): Promise<DocFile> {
    return this.draftFile(await this.summaryDoc(ctx, q.campaignId), q.format);
  }
}
