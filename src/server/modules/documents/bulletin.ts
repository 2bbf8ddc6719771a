import { actionKindLabels, taskStatusLabels, type TaskStatus } from '../../../common/actions.js';
import type { Block, DocModel } from './docx-kit.js';
import { docPeriodLabel, docPeriodTerms, type DocPeriod } from '../../../common/document-periods.js';
import { breakdownText, cnDate, ordinals, rateText } from './format.js';
import { branchDoings, problemText, type BranchDoings, type ProblemFacts } from './bulletin-parts.js';
import type { FusionFigures } from '../../../common/api/fusion.js';
import { problemEffectText, revisionEffectText } from './fusion-text.js';

export interface BulletinFacts {
  committeeName: string;
  campaignName: string;
  /** The months covered: a month, a quarter, a half-year or a range. */
  period: DocPeriod;
  generatedOn: string;
  /** True when the bulletin covers only the caller's own branch (a branch's copy). */
  ownOnly: boolean;
  kinds: { kind: string; title: string }[];
  rows: { branchName: string; statuses: (TaskStatus | null)[] }[];
  counts: {
    total: number;
    done: number;
    doneLate: number;
    submitted: number;
    returned: number;
    overdue: number;
    inProgress: number;
    notStarted: number;
    /** Tasks past their deadline or already done: the completion rate's base. */
    due: number;
  };
  branches: BranchDoings[];
  completionRate: number | null;
  late: { branchName: string; kindTitle: string; status: TaskStatus }[];
  returns: { branchName: string; title: string; comment: string; resolved: boolean }[];
  highlights: { branchName: string; title: string; note: string | null }[];
  problems: ProblemFacts[];
  publicity: { branchName: string; title: string; channels: string }[];
  /** 融合成效 of the revisions and problems counted in the period (the fusion module's figures). */
  fusion: FusionFigures;
  ranking: { rank: number | null; branchName: string; score: number | null; max: number | null }[] | null;
}

/** A note as a sentence: with its closing full stop. */
const sentence = (s: string | null) => (!s ? '' : /[。!?.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}。`);

const cellOf = (s: TaskStatus | null) => (s === null ? '—' : s === 'done' ? '✓' : taskStatusLabels[s].zh);

/** The bulletin (通报) of a month or longer period, in the committee's usual order. */
export function bulletinModel(f: BulletinFacts): DocModel {
  const month = docPeriodLabel(f.period);
  const term = docPeriodTerms(f.period);
  // “2020年机关党支部“五个一”对标活动” → “关于2020年10月机关党支部“五个一”对标活动开展情况的通报”.
  const title = `关于${month}${f.campaignName.replace(/^\d{4}年度?/, '')}开展情况的通报`;
  const c = f.counts;
  const blocks: Block[] = [
    { t: 'title', text: title },
    { t: 'para', indent: false, text: f.ownOnly ? `${f.rows[0]?.branchName ?? ''}:` : '各党支部:' },
    {
      t: 'para',
      text: `现将${month}各支部对标活动开展情况通报如下。`,
    },
    {
      t: 'para',
      text: `${term.current}${breakdownText({
        label: '应完成规定动作',
        unit: '项',
        total: c.total,
        parts: [
          ['按时完成', c.done],
          ['补报完成', c.doneLate],
          ['已提交待审核', c.submitted],
          ['退回修改中', c.returned],
          ['逾期未完成', c.overdue],
          ['正在办理', c.inProgress],
          ['尚未开始', c.notStarted],
        ],
      })};${rateText('完成率', { label: '已完成', n: c.done + c.doneLate }, { label: '应完成', n: c.due }, '项')}。`,
    },
  ];
  let n = 0;
  const heading = (text: string) => blocks.push({ t: 'heading', text: `${ordinals[n++]}、${text}` });

  heading('规定动作完成情况');
  blocks.push({
    t: 'table',
    header: ['支部', ...f.kinds.map((k) => actionKindLabels[k.kind as 'study']?.zh ?? k.title), '完成'],
    rows: f.rows.map((r) => [
      r.branchName,
      ...r.statuses.map(cellOf),
      `${r.statuses.filter((s) => s === 'done' || s === 'done_late').length}/${r.statuses.filter((s) => s !== null).length}`,
    ]),
  });
  blocks.push({ t: 'note', text: '“✓”为按时完成;“补报完成”为截止日期后提交并通过。' });

  heading('各支部开展情况');
  if (!f.branches.length) blocks.push({ t: 'para', text: `${term.current}暂无通过审核的活动记录。` });
  for (const b of f.branches) blocks.push({ t: 'para', lead: `${b.branchName}:`, text: branchDoings(b) });

  heading('补报、逾期和退回情况');
  if (!f.late.length && !f.returns.length)
    blocks.push({ t: 'para', text: `${term.current}无补报、逾期和退回事项。` });
  for (const l of f.late) {
    blocks.push({
      t: 'para',
      text: `${l.branchName}:${l.kindTitle},${l.status === 'done_late' ? '逾期后补报完成' : '截至通报时逾期未完成'}。`,
    });
  }
  for (const r of f.returns) {
    blocks.push({
      t: 'para',
      text: `${r.branchName}:“${r.title}”被退回修改,原因:${r.comment}${r.resolved ? '(已修改通过)' : ''}。`,
    });
  }

  heading('工作亮点');
  if (!f.highlights.length) blocks.push({ t: 'para', text: `${term.current}暂无评定的工作亮点。` });
  for (const h of f.highlights) {
    blocks.push({ t: 'para', lead: `${h.branchName}:`, text: `${h.title}。${sentence(h.note)}` });
  }

  heading('为基层解决问题情况');
  if (!f.problems.length) blocks.push({ t: 'para', text: `${term.current}暂无经确认解决的基层问题。` });
  for (const p of f.problems) blocks.push({ t: 'para', lead: `${p.branchName}:`, text: problemText(p) });

  heading('融合成效');
  const effect = [...revisionEffectText(f.fusion), ...problemEffectText(f.fusion)];
  if (!effect.length) blocks.push({ t: 'para', text: `${term.current}暂无可衡量的修订和问题成效。` });
  for (const text of effect) blocks.push({ t: 'para', text });

  heading('新闻宣传情况');
  if (!f.publicity.length) blocks.push({ t: 'para', text: `${term.current}暂无通过审核的宣传稿件。` });
  else {
    blocks.push({
      t: 'table',
      header: ['支部', '稿件标题', '发布渠道'],
      rows: f.publicity.map((p) => [p.branchName, p.title, p.channels]),
    });
  }

  if (f.ranking) {
    // Positions between branches, shown because the campaign lets branches see rankings.
    heading('得分排名(内部)');
    blocks.push({
      t: 'table',
      header: ['名次', '支部', `${term.current}得分`],
      rows: f.ranking.map((r) => [
        r.rank === null ? '—' : String(r.rank),
        r.branchName,
        r.score === null ? '—' : `${r.score}/${r.max}`,
      ]),
    });
  }

  blocks.push({
    t: 'para',
    text: `请各支部对照通报查漏补缺,对逾期和退回事项抓紧整改,按时完成${term.next}规定动作。`,
  });
  blocks.push({ t: 'signature', lines: [f.committeeName, cnDate(f.generatedOn)] });
  return { title, blocks };
}
