/**
 * The 100,000-row ledger export, run in a process of its own so its peak resident memory is its own.
 *
 * STAND-IN: the ledgers module (台账) is not in this tree yet, so this writes the same rows a
 * records ledger holds with a plain exceljs streaming WorkbookWriter. Point `writeLedger` at the
 * real ledger writer once it lands; the timing and memory harness around it stays.
 *
 * Usage: tsx bench/ledger-export.ts <database url> <rows>; prints one JSON line.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import pg from 'pg';

const [url, rowsArg] = process.argv.slice(2);
const wanted = Number(rowsArg ?? 100_000);
const BATCH = 5_000;

const statusLabel: Record<string, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  approved: '已通过',
};

async function writeLedger(client: pg.Client, file: string): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const sheet = workbook.addWorksheet('记录台账');
  sheet.columns = [
    { header: '序号', key: 'n', width: 8 },
    { header: '支部', key: 'branch', width: 28 },
    { header: '月份', key: 'period', width: 10 },
    { header: '动作', key: 'kind', width: 14 },
    { header: '标题', key: 'title', width: 40 },
    { header: '活动日期', key: 'occurred', width: 12 },
    { header: '状态', key: 'status', width: 10 },
    { header: '提交时间', key: 'submitted', width: 20 },
    { header: '通过时间', key: 'approved', width: 20 },
    { header: '应到', key: 'expected', width: 8 },
    { header: '实到', key: 'present', width: 8 },
  ];
  let written = 0;
  let lastId = 0;
  // Keyset pages keep memory flat: no page holds more than BATCH rows.
  while (written < wanted) {
    const { rows } = await client.query<{
      id: number;
      branch: string;
      period_key: string | null;
      kind: string;
      title: string;
      occurred_on: string;
      status: string;
      submitted_at: Date | null;
      approved_at: Date | null;
      expected: number;
      present: number;
    }>(
      `select r.id, b.name as branch, r.period_key, r.kind, r.title, r.occurred_on::text, r.status,
              r.submitted_at, r.approved_at,
              (select count(*)::int from attendance a where a.record_id = r.id) as expected,
              (select count(*)::int from attendance a where a.record_id = r.id and a.status = 'present') as present
       from records r join branches b on b.id = r.branch_id
       where r.id > $1 order by r.id limit $2`,
      [lastId, Math.min(BATCH, wanted - written)],
    );
    if (!rows.length) break;
    for (const r of rows) {
      written++;
      sheet
        .addRow({
          n: written,
          branch: r.branch,
          period: r.period_key,
          kind: r.kind,
          title: r.title,
          occurred: r.occurred_on,
          status: statusLabel[r.status] ?? r.status,
          submitted: r.submitted_at,
          approved: r.approved_at,
          expected: r.expected,
          present: r.present,
        })
        .commit();
    }
    lastId = rows.at(-1)!.id;
  }
  sheet.commit();
  await workbook.commit();
  return written;
}

const dir = mkdtempSync(path.join(tmpdir(), 'duibiao-ledger-'));
const file = path.join(dir, 'ledger.xlsx');
const client = new pg.Client({ connectionString: url, options: '-c jit=off' });
await client.connect();
try {
  const start = performance.now();
  const rows = await writeLedger(client, file);
  const seconds = (performance.now() - start) / 1000;
  console.log(
    JSON.stringify({
      writer: 'stand-in: exceljs streaming WorkbookWriter (ledgers module not present)',
      rows,
      seconds: Math.round(seconds * 100) / 100,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      fileMb: Math.round((statSync(file).size / 1024 / 1024) * 10) / 10,
    }),
  );
} finally {
  await client.end();
  rmSync(dir, { recursive: true, force: true });
}
