import type { Writable } from 'node:stream';
import {
  recordStatusLabels,
  recordStatuses,
  taskStatusLabels,
  taskStatuses,
} from '../../../common/actions.js';
import { ledgerKindLabels, type LedgerKind, type LedgerQuery } from '../../../common/api/ledgers.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { cstDate, monthEnd } from '../../lib/dates.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { readStructure } from '../org/org.repo.js';
import { publicityChannelList } from '../settings/settings.service.js';
import * as repo from './ledgers.repo.js';
import { attendanceLineColumns, memberTotalColumns } from './member-task-columns.js';
import type { Lookups } from './column-kit.js';
import { openWorkbook, startSheet } from './ledger-sheet.js';
import { ledgerScope } from './ledgers.policy.js';
import { writeTaskLedger } from './task-ledger.js';
import { writeRecordLedger } from './record-ledger.js';
import type { Resolved } from './ledger-request.js';

/** Attendance lines read from the database at a time; each batch is written out before the next is read. */
const BATCH = 2000;

/**
 * Waits while the reader is behind (a slow download), so at most a batch of output is buffered;
 * stops the export when the reader is gone (the download was cancelled).
 */
async function drained(stream: Writable): Promise<void> {
  if (!stream.destroyed && stream.writableNeedDrain) {
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
    });
  }
  if (stream.destroyed) throw new Error('ledger download closed before the end');
}

/** An export that is authorized and recorded, ready to be written into a stream. */
export interface LedgerFile {
  fileName: string;
  /** The name for clients that cannot take a UTF-8 file name. */
  asciiName: string;
  write(stream: Writable): Promise<{ rows: number }>;
}

const fileSafe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_');
const monthText = (key: string) => `${key.slice(0, 4)}年${Number(key.slice(5, 7))}月`;

function badQuery(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', [{ path: `query.${field}`, message }]);
}

export class LedgersService {
  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'config' | 'clock'>,
    private readonly use: { campaigns: CampaignsService },
  ) {}

  /**
   * Authorizes the caller (a branch user gets only their own branch), resolves the filters, and
   * writes the audit row of the export (personal data leaves the system) before any byte is sent.
   */
  async prepare(ctx: AuthedContext, kind: LedgerKind, q: LedgerQuery): Promise<LedgerFile> {
    const r = await this.resolve(ctx, kind, q);
    const fileName = `${r.label}-${fileSafe(r.campaign.name)}-${fileSafe(r.period)}.xlsx`;
    await this.deps.db.transaction((tx) =>
      writeAudit(tx, ctx, this.deps.clock, {
        action: 'ledger.export',
        entityType: 'campaign',
        entityId: r.campaign.id,
        after: {
          ledger: kind,
          from: q.from ?? null,
          to: q.to ?? null,
          branchId: q.branchId ?? null,
          status: q.status ?? null,
          includeUnapproved: q.includeUnapproved === 'true',
          fileName,
        },
      }),
    );
    const range = [q.from, q.to].filter(Boolean).join('_');
    const asciiName = `ledger-${kind}-${r.campaign.year}${range ? `-${range}` : ''}.xlsx`;
    return { fileName, asciiName, write: (stream) => this.write(kind, r, ctx, stream) };
  }

  /** For benchmarks and scripts: prepare and write in one call. */
  async writeLedger(ctx: AuthedContext, kind: LedgerKind, q: LedgerQuery, stream: Writable) {
    return (await this.prepare(ctx, kind, q)).write(stream);
  }

  private async resolve(ctx: AuthedContext, kind: LedgerKind, q: LedgerQuery): Promise<Resolved> {
    const scope = ledgerScope(ctx.actor);
    const campaign = await this.use.campaigns.get(ctx, q.campaignId);
    if (q.branchId && scope !== 'all' && !scope.includes(q.branchId)) throw notFound();
    const structure = await readStructure(this.deps.db);
    const branch = q.branchId ? structure.branches.find((b) => b.id === q.branchId) : undefined;
    if (q.branchId && !branch) throw notFound();

    const statuses: readonly string[] = kind === 'tasks' ? taskStatuses : recordStatuses;
    if (q.status && !statuses.includes(q.status)) throw badQuery('status', '该台账没有这种状态');
    for (const field of ['from', 'to'] as const) {
      const m = Number(q[field]?.slice(5, 7));
      if (q[field] && (m < 1 || m > 12)) throw badQuery(field, '月份不正确');
    }
    if (q.from && q.to && q.from > q.to) throw badQuery('to', '结束月份不能早于开始月份');

    const months = [...campaign.months].sort((a, b) => a - b);
    const first = q.from ?? `${campaign.year}-${String(months[0] ?? 1).padStart(2, '0')}`;
    const last = q.to ?? `${campaign.year}-${String(months.at(-1) ?? 12).padStart(2, '0')}`;
    const branchIds = q.branchId ? [q.branchId] : scope;
    const ownBranches =
      scope === 'all' ? null : structure.branches.filter((b) => scope.includes(b.id)).map((b) => b.name);
    const unitName = branch?.name ?? ownBranches?.join('、') ?? structure.organisation.committeeName;
    // Record ledgers are what was approved, unless the caller asks for the rest too (or a status).
    const status = q.status ?? (kind === 'tasks' || q.includeUnapproved === 'true' ? undefined : 'approved');
    const statusLabel = status
      ? kind === 'tasks'
        ? taskStatusLabels[status as keyof typeof taskStatusLabels].zh
        : recordStatusLabels[status as keyof typeof recordStatusLabels].zh
      : kind === 'tasks'
        ? '全部'
        : '全部(未通过审核的记录以黄色底纹标出)';
    const label = ledgerKindLabels[kind].zh;
    const period = first === last ? monthText(first) : `${monthText(first)}至${monthText(last)}`;
    const now = this.deps.clock.now();
    return {
      campaign,
      label,
      period,
      branchOrder: structure.branches
        .filter((b) => (branchIds === 'all' ? true : branchIds.includes(b.id)))
        .map((b) => b.id),
      filter: {
        campaignId: campaign.id,
        branchIds,
        fromDate: q.from ? `${q.from}-01` : undefined,
        toDate: q.to ? monthEnd(Number(q.to.slice(0, 4)), Number(q.to.slice(5, 7))) : undefined,
        status,
      },
      block: {
        title: `${unitName}${label}`,
        lines: [
          ['单位', `${structure.organisation.name} ${structure.organisation.committeeName}`.trim()],
          ['活动', campaign.name],
          ['期间', period],
          ['范围', `支部:${branch?.name ?? ownBranches?.join('、') ?? '全部支部'};状态:${statusLabel}`],
          ['导出人', `${ctx.actor.displayName}(${ctx.actor.username})`],
          [
            '导出时间',
            `${cstDate(now)} ${new Date(now.getTime() + 8 * 3600_000).toISOString().slice(11, 16)}`,
          ],
        ],
      },
    };
  }

  private async write(kind: LedgerKind, r: Resolved, ctx: AuthedContext, stream: Writable) {
    const workbook = openWorkbook(stream, ctx.actor.displayName);
    let rows: number;
    const pace = () => drained(stream);
    if (kind === 'tasks') rows = await writeTaskLedger(this.deps, workbook, r, pace);
    else if (kind === 'attendance') rows = await this.writeAttendance(workbook, r, pace);
    else rows = await writeRecordLedger(this.deps, workbook, kind, r, await this.lookups(), pace);
    await workbook.commit();
    return { rows };
  }

  private async lookups(): Promise<Lookups> {
    const { db } = this.deps;
    const [structure, channels] = await Promise.all([readStructure(db), publicityChannelList(db)]);
    const byId = (list: { id: number; name: string }[]) => {
      const m = new Map(list.map((x) => [x.id, x.name]));
      return (id: unknown) => (typeof id === 'number' ? (m.get(id) ?? '') : '');
    };
    const channel = new Map(channels.map((c) => [c.code, c.label]));
    return {
      person: () => '',
      department: byId(structure.departments),
      unit: byId(structure.units),
      channel: (code) => channel.get(code) ?? code,
      fileUrl: (id) => `${this.deps.config.publicBaseUrl}/api/evidence/${id}/file`,
    };
  }

  private async writeAttendance(
    workbook: ReturnType<typeof openWorkbook>,
    r: Resolved,
    pace: () => Promise<void>,
  ): Promise<number> {
    const { db } = this.deps;
    const members = await repo.attendanceTotalsByPerson(db, r.filter);
    const totals = startSheet(workbook, '出勤汇总', r.block, memberTotalColumns, {
      sample: members.map((m) => ({ ...m, seq: 0 })),
      period: r.period,
    });
    for (const m of members) totals.add({ ...m, seq: totals.count + 1 });
    totals.note(
      totals.count
        ? `共 ${totals.count} 人;出勤率 = 出席次数 ÷ 应参加次数(按应到人员计算)`
        : '没有符合条件的记录',
    );
    totals.commit();

    // Members of one branch are read a group at a time, about BATCH lines per query.
    const lines = startSheet(workbook, '参学明细', r.block, attendanceLineColumns, {
      marked: (l) => l.recordStatus !== 'approved',
      period: r.period,
    });
    const flush = async (group: typeof members) => {
      if (!group.length) return;
      await pace();
      const found = await repo.attendanceOfMembers(
        db,
        r.filter,
        group[0]!.branchId,
        group.map((m) => m.personId),
      );
      for (const line of found) lines.add({ ...line, seq: lines.count + 1 });
    };
    let group: typeof members = [];
    let size = 0;
    for (const m of members) {
      if (group.length && (group[0]!.branchId !== m.branchId || size + m.expected > BATCH)) {
        await flush(group);
        group = [];
        size = 0;
      }
      group.push(m);
      size += m.expected;
    }
    await flush(group);
    lines.note(lines.count ? `共 ${lines.count} 条` : '没有符合条件的记录');
    lines.commit();
    return lines.count;
  }
}
