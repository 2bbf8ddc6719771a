import {
  evidenceKindLabels,
  problemMeasureLabels,
  recordStatusLabels,
  studyMaterialLabels,
  type ActionKind,
} from '../../../common/actions.js';
import { beforeAfterOf, beforeAfterText, recordFields } from '../../../common/record-fields/index.js';
import {
  DATE_FMT,
  DATETIME_FMT,
  PERCENT_FMT,
  excelDate,
  excelDateTime,
  type Column,
} from './ledger-sheet.js';
import {
  branch,
  d,
  label,
  qualityLabels,
  rate,
  seq,
  str,
  yes,
  type LedgerRow,
  type Lookups,
} from './column-kit.js';
import { revisionColumns } from './revision-columns.js';
import { fieldColumns } from './field-columns.js';
import { agendaColumn, lecturerColumn, meetingColumns } from './meeting-columns.js';

/** The name of the evidence sheet, which lists each file with its link. */
export const EVIDENCE_SHEET = '佐证材料';

/**
 * The evidence behind a record: each file's kind and name. A single file is linked from the cell;
 * a cell holds one link only, so several files are linked one by one on the evidence sheet.
 */
function evidenceColumn(look: Lookups): Column<LedgerRow> {
  return {
    header: '佐证材料',
    width: 28,
    value: (r) => {
      if (!r.evidence.length) return '无';
      const text = r.evidence.map((f) => `${evidenceKindLabels[f.kind].zh}:${f.name}`).join('\n');
      if (r.evidence.length === 1) return { text, hyperlink: look.fileUrl(r.evidence[0]!.id) };
      return `${text}\n(共 ${r.evidence.length} 份,链接见“${EVIDENCE_SHEET}”表)`;
    },
  };
}

/** Status, lateness and review: the columns every record ledger ends with. */
const reviewColumns: Column<LedgerRow>[] = [
  { header: '状态', width: 9, value: (r) => recordStatusLabels[r.status].zh },
  {
    header: '首次提交时间',
    width: 17,
    value: (r) => excelDateTime(r.firstSubmittedAt),
    numFmt: DATETIME_FMT,
  },
  { header: '截止日期', width: 12, value: (r) => excelDate(r.dueDate), numFmt: DATE_FMT },
  { header: '补报', width: 6, value: (r) => yes(r.late) },
  { header: '审核通过时间', width: 17, value: (r) => excelDateTime(r.approvedAt), numFmt: DATETIME_FMT },
  { header: '质量评定', width: 9, value: (r) => (r.quality ? (qualityLabels[r.quality] ?? '') : '') },
  { header: '亮点', width: 6, value: (r) => yes(r.highlight) },
];

const attendanceColumns: Column<LedgerRow>[] = [
  { header: '应到', width: 6, value: (r) => r.attendance.expected },
  { header: '实到', width: 6, value: (r) => r.attendance.present },
  { header: '请假', width: 6, value: (r) => r.attendance.leave },
  { header: '缺席', width: 6, value: (r) => r.attendance.absent },
  {
    header: '出勤率',
    width: 8,
    value: (r) => rate(r.attendance.present, r.attendance.expected),
    numFmt: PERCENT_FMT,
  },
  { header: '请假、缺席人员及原因', width: 24, value: (r) => r.attendance.absentees ?? '' },
];

/** The columns of each kind's ledger, in the order the branches keep them on paper. */
export function recordColumns(kind: ActionKind, look: Lookups): Column<LedgerRow>[] {
  const month: Column<LedgerRow> = { header: '所属期间', width: 10, value: (r) => r.periodKey ?? '' };
  const date: Column<LedgerRow> = {
    header: '日期',
    width: 12,
    value: (r) => excelDate(r.occurredOn),
    numFmt: DATE_FMT,
  };
  const evidence = evidenceColumn(look);
  const f = fieldColumns(kind, look);
  switch (kind) {
    case 'study':
      return [
        seq,
        branch,
        date,
        month,
        ...f.columns('form', 'mode'),
        { header: '标题', width: 24, value: (r) => r.title },
        ...f.columns('topic'),
        lecturerColumn,
        f.custom('materials', 30, (r) =>
          [
            ((d(r).materialKinds as string[]) ?? []).map((m) => label(studyMaterialLabels, m)).join('、'),
            str(d(r).materials),
          ]
            .filter(Boolean)
            .join(':'),
        ),
        ...meetingColumns(look),
        ...attendanceColumns,
        agendaColumn,
        ...f.rest(),
        evidence,
        ...reviewColumns,
      ];
    case 'theme_day':
      return [
        seq,
        branch,
        date,
        month,
        { header: '活动名称', width: 30, value: (r) => r.title },
        ...f.columns('theme', 'activity', 'mode'),
        ...meetingColumns(look),
        ...attendanceColumns,
        agendaColumn,
        ...f.rest(),
        evidence,
        ...reviewColumns,
      ];
    case 'rule_revision':
      return [seq, branch, ...revisionColumns(look), ...f.rest(), month, evidence, ...reviewColumns];
    case 'grassroots_problem':
      return [
        seq,
        branch,
        ...f.columns('unitId', 'raisedBy'),
        { header: '问题', width: 30, value: (r) => r.title },
        ...f.columns('description', 'category'),
        f.custom('measures', 44, (r) =>
          ((d(r).measures as { date: string; kind: string; note: string }[]) ?? [])
            .map((m) => [m.date, label(problemMeasureLabels, m.kind), m.note].filter(Boolean).join(' '))
            .join(';\n'),
        ),
        ...f.columns('resolvedOn', 'outcome'),
        {
          header: '成效(解决前 → 解决后)',
          width: 20,
          value: (r) => {
            const m = beforeAfterOf(d(r));
            return m ? beforeAfterText(m) : '';
          },
        },
        {
          header: '基层单位确认',
          width: 16,
          value: (r) =>
            r.problem?.confirmation === 'solved'
              ? r.problem.onBehalf
                ? '已解决(代为确认)'
                : '已解决'
              : r.problem?.confirmation === 'partly'
                ? '部分解决'
                : '',
        },
        {
          header: '确认日期',
          width: 12,
          value: (r) => excelDate(r.problem?.confirmedOn ?? str(d(r).confirmedOn)),
          numFmt: DATE_FMT,
        },
        { header: '满意度(1-5)', width: 10, value: (r) => r.problem?.satisfaction ?? null },
        ...f.rest(),
        month,
        evidence,
        ...reviewColumns,
      ];
    case 'publicity':
      return [
        seq,
        branch,
        { header: '首发日期', width: 12, value: (r) => excelDate(r.date), numFmt: DATE_FMT },
        month,
        { header: '标题', width: 36, value: (r) => r.title },
        ...f.columns('kind', 'author'),
        {
          ...f.custom('channels', 50, (r) =>
            ((d(r).channels as { channel: string; publishedOn: string; link: string }[]) ?? [])
              .map((c) => [look.channel(c.channel), c.publishedOn, c.link].filter(Boolean).join(' '))
              .join('\n'),
          ),
          header: `${recordFields.publicity.channels.zh}(日期、链接或期号)`,
        },
        ...f.rest(),
        evidence,
        ...reviewColumns,
      ];
    case 'optional':
      return [
        seq,
        branch,
        date,
        month,
        { header: '名称', width: 30, value: (r) => r.title },
        ...f.rest(),
        { header: '典型案例', width: 9, value: (r) => yes(r.exemplary) },
        evidence,
        ...reviewColumns,
      ];
  }
}
