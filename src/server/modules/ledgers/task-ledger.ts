import { evidenceKindLabels, taskStatusLabels, type TaskStatus } from '../../../common/actions.js';
import type { Campaign } from '../../../common/api/campaigns.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { cstDate } from '../../lib/dates.js';
import { scorePeriod, type Quality } from '../dashboard/scoring.js';
import { deriveTaskStatus } from '../tasks/task-status.js';
import { taskColumns, type TaskLine } from './member-task-columns.js';
import { openWorkbook, startSheet } from './ledger-sheet.js';
import * as repo from './ledgers.repo.js';
import type { TaskLedgerRow } from './ledgers.repo.js';
import type { Resolved } from './ledger-request.js';

/**
 * Tasks of the task ledger read at a time. exceljs allocates tens of kilobytes of short-lived
 * objects per row it writes, so young-generation collections come every few hundred rows; what is
 * still alive at two of them (the rows of a large batch) moves to the old generation and piles up
 * there as garbage until a full collection, which V8 starts only once the old generation has grown
 * to several times its live size. The 120,000-row ledger read 2,000 tasks at a time took the
 * server from 185 MB to 280 MB, 1,000 at a time to 245 MB, 250 at a time to about 200 MB.
 */
const TASK_BATCH = 250;

/** The monthly task ledger: the campaign's branch × month × action table, status, dates and score. */
export async function writeTaskLedger(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  workbook: ReturnType<typeof openWorkbook>,
  r: Resolved,
  pace: () => Promise<void>,
): Promise<number> {
  const { db, clock } = deps;
  const { campaign, filter } = r;
  const today = cstDate(clock.now());
  const sheet = startSheet(workbook, r.label, r.block, taskColumns, { period: r.period });
  const counted = new Map<string, number>();
  // A batch is some branches' tasks of one period, read in ledger order (period, branch, action).
  const branchesPerBatch = Math.max(1, Math.floor(TASK_BATCH / Math.max(1, campaign.actionKinds.length)));
  for (const period of await repo.taskPeriods(db, campaign.id)) {
    if (filter.fromDate && period.periodStart < filter.fromDate) continue;
    if (filter.toDate && period.periodStart > filter.toDate) continue;
    for (let i = 0; i < r.branchOrder.length; i += branchesPerBatch) {
      // The event loop turns between batches, so the zip writer compresses and hands on what is
      // written before more rows come (an in-process engine may answer without such a turn).
      await new Promise<void>((resolve) => setImmediate(resolve));
      await pace();
      const branchIds = r.branchOrder.slice(i, i + branchesPerBatch);
      const tasks = await repo.taskLedgerRows(db, campaign.id, period.periodKey, branchIds);
      const evidence = new Map<number, string>();
      for (const e of await repo.evidenceCountsOfTasks(
        db,
        tasks.filter((x) => x.recordCount > 0).map((x) => x.id),
      )) {
        const files = `${evidenceKindLabels[e.kind].zh} ${e.files} 份`;
        const before = evidence.get(e.taskId!);
        evidence.set(e.taskId!, before ? `${before}、${files}` : files);
      }
      for (const task of tasks) {
        if (filter.fromDate && task.periodStart < filter.fromDate) continue;
        if (filter.toDate && task.periodEnd > filter.toDate) continue;
        const status = deriveTaskStatus(task, today, task.dueDate);
        if (filter.status && status !== filter.status) continue;
        const line = taskLine(sheet.count + 1, task, status, campaign);
        line.evidence = evidence.get(task.id) ?? (task.recordCount ? '无' : '');
        sheet.add(line);
        counted.set(status, (counted.get(status) ?? 0) + 1);
      }
    }
  }
  sheet.note(
    sheet.count
      ? `共 ${sheet.count} 项:${[...counted].map(([s, n]) => `${taskStatusLabels[s as keyof typeof taskStatusLabels].zh} ${n}`).join(',')}`
      : '没有符合条件的任务',
  );
  sheet.commit();
  return sheet.count;
}

/**
 * A task's row of the ledger: lateness, approval and, once its status is final, its score. One
 * small object that refers to the database row: copying the row into new objects per row made the
 * copies outlive young collections too (the export peaked 70 MB higher).
 */
function taskLine(seq: number, task: TaskLedgerRow, status: TaskStatus, campaign: Campaign): TaskLine {
  const points = campaign.actionKinds.find((k) => k.id === task.actionKindId)?.points ?? 0;
  const done = status === 'done' || status === 'done_late';
  const scored =
    done || status === 'overdue'
      ? scorePeriod(
          {
            tasks: [
              { kindTitle: task.title, points, status, qualities: task.qualities as (Quality | null)[] },
            ],
            optionalApproved: 0,
            optionalPoints: 0,
            optionalCap: 0,
            highlights: 0,
          },
          campaign.scoring,
        )
      : null;
  const { firstSubmittedAt } = task;
  return {
    seq,
    task,
    status,
    approvedAt: done ? task.approvedAt : null,
    late: status === 'done_late' || (!!firstSubmittedAt && cstDate(firstSubmittedAt) > task.dueDate),
    score: scored?.score ?? null,
    points,
    scoreNote: scoreNote(scored, task.highlights, campaign.scoring.highlightBonus),
    evidence: '',
  };
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * The score in words: each rule that produced it with its points (a grade above 良 takes a score
 * past the action's points, and says so), and the highlight bonus the task's records earn, which
 * counts in the branch's score for the month rather than in this row.
 */
function scoreNote(
  scored: ReturnType<typeof scorePeriod> | null,
  highlights: number,
  highlightBonus: number,
): string {
  if (!scored) return '';
  const lines = scored.lines.map((l) => `${l.rule.replace(/^[^:]*:/, '')} ${signed(l.points)}`);
  if (scored.score > scored.max) lines.push(`得分高于分值 ${scored.max} 分,因质量评定加分`);
  if (highlights > 0 && highlightBonus > 0)
    lines.push(`亮点 ${highlights} 项,另加 ${highlights * highlightBonus} 分(计入支部当月得分)`);
  return lines.join(';');
}
