import {
  headingOf,
  indicatorOf,
  indicatorText,
  recordFields,
  verdictLabels,
  type Indicator,
} from '../../../common/record-fields/index.js';
import { cstDate } from '../../lib/dates.js';
import { d, str, type LedgerRow, type Lookups } from './column-kit.js';
import { DATE_FMT, excelDate, type Column } from './ledger-sheet.js';

const fields = recordFields.rule_revision;
/** The revision ledger's headings of the fields, by key. */
const F = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, { zh: headingOf(f) }])) as Record<
  keyof typeof fields,
  { zh: string }
>;

const decisionLabels = { approved: '同意', returned: '退回修改' } as const;
const leaderLabels: Record<string, string> = {
  none: '未送审',
  pending: '待分管领导审核',
  approved: '已同意',
  returned: '已退回',
};

/** The review that stands: the latest one (a returned revision is reviewed again once revised). */
const lastReview = (r: LedgerRow) => r.reviews?.at(-1);

/**
 * The revision ledger's own columns: the rule, what was wrong and what changed, who reviewed it
 * and when, its publication, and each effect follow-up (due date, when it was noted, what was
 * found and by whom), as an inspection reads a revision from gap to effect.
 */
export function revisionColumns(look: Lookups): Column<LedgerRow>[] {
  return [
    { header: F.ruleTitle.zh, width: 34, value: (r) => str(d(r).ruleTitle) || r.title },
    { header: F.ruleType.zh, width: 7, value: (r) => (d(r).ruleType === 'process' ? '流程' : '制度') },
    { header: F.departmentId.zh, width: 18, value: (r) => look.department(d(r).departmentId) },
    { header: F.gap.zh, width: 36, value: (r) => str(d(r).gap) },
    { header: F.opinionsSolicited.zh, width: 28, value: (r) => str(d(r).opinionsSolicited) },
    { header: F.changeSummary.zh, width: 36, value: (r) => str(d(r).changeSummary) },
    { header: '分管领导审核', width: 14, value: (r) => leaderLabels[r.leaderStatus] ?? '' },
    { header: '审核领导', width: 16, value: (r) => lastReview(r)?.leader ?? '' },
    {
      header: '审核日期',
      width: 12,
      value: (r) => {
        const at = lastReview(r)?.at;
        return at ? excelDate(cstDate(at)) : null;
      },
      numFmt: DATE_FMT,
    },
    {
      header: '审核意见',
      width: 30,
      value: (r) =>
        (r.reviews ?? [])
          .map(
            (x) =>
              `${cstDate(x.at)} ${x.leader}:${decisionLabels[x.decision]}${x.comment ? `。${x.comment}` : ''}`,
          )
          .join('\n'),
    },
    { header: F.documentNo.zh, width: 20, value: (r) => str(d(r).documentNo) },
    {
      header: F.publishedOn.zh,
      width: 12,
      value: (r) => excelDate(str(d(r).publishedOn)),
      numFmt: DATE_FMT,
    },
    { header: F.releaseForm.zh, width: 12, value: (r) => str(d(r).releaseForm) },
    {
      header: '成效指标(修订前 → 目标值)',
      width: 24,
      value: (r) => {
        const ind = indicatorOf(d(r));
        return ind ? `${indicatorText(ind)}${ind.measureBy ? `\n${ind.measureBy} 前见效` : ''}` : '';
      },
    },
    {
      header: '效果跟踪(应跟踪日期、记录日期、发现的情况、实测值、结论、记录人)',
      width: 50,
      value: (r) => {
        const ind = indicatorOf(d(r));
        return (r.followups ?? []).map((f) => followupText(f, ind)).join('\n');
      },
    },
  ];
}

/** One follow-up as the ledger writes it: "2020-06-30 跟踪:2020-06-28 发现…;实测 4 个,已见效(王芳)". */
function followupText(f: NonNullable<LedgerRow['followups']>[number], ind: Indicator | null): string {
  if (!f.note) return `${f.dueOn} 跟踪:尚未记录`;
  const measured =
    ind && f.measuredValue !== null
      ? `;实测${ind.name} ${f.measuredValue}${ind.unit ? ` ${ind.unit}` : ''}` +
        `${f.evidence ? `(依据:${f.evidence})` : ''}` +
        `,${f.verdict ? verdictLabels[f.verdict].zh : ''}${f.nextStep ? `,下一步:${f.nextStep}` : ''}`
      : '';
  return `${f.dueOn} 跟踪:${f.notedOn ?? ''} ${f.note}${measured}${f.notedBy ? `(${f.notedBy})` : ''}`;
}
