import { recordStatusLabels, studyFormLabels } from '../../../common/actions.js';
import type { RecordDetail } from '../../../common/api/records.js';
import type { Block, DocModel } from './docx-kit.js';
import { cnDate, cnMonth } from './format.js';
import { meetingRecordModel } from './meeting-record.js';

/** What a meeting was, as the contents list names it: the study form (党课, 支委会…) or 主题党日. */
function meetingKind(r: RecordDetail): string {
  if (r.kind === 'theme_day') return '主题党日';
  const form = (r.data as { form?: string }).form;
  return (form && studyFormLabels[form as keyof typeof studyFormLabels]?.zh) || '学习研讨';
}

const timeOf = (r: RecordDetail) => {
  const d = r.data as { startTime?: string; endTime?: string };
  return d.startTime ? `${d.startTime}—${d.endTime ?? ''}` : '';
};

/**
 * A branch's meeting record book (会议记录本) for a month or a campaign year: a cover with the
 * contents, then each meeting's record (the same one downloaded singly) starting on its own page.
 * `meetings` come in the order they were held.
 */
export function meetingBookModel(
  book: { branchName: string; year: number; periodKey?: string; approvedOnly?: boolean },
  meetings: RecordDetail[],
  generatedOn: string,
): DocModel {
  const period = book.periodKey ? cnMonth(book.periodKey) : `${book.year}年度`;
  const title = `${book.branchName}会议记录本`;
  const pending = meetings.filter((m) => m.status !== 'approved').length;
  const cover: Block[] = [
    { t: 'title', text: title },
    { t: 'subtitle', text: `（${period}）` },
    {
      t: 'para',
      text:
        `本册收录${book.branchName}${period}召开的会议和开展的主题党日共${meetings.length}次，按时间先后排列，每次会议另起一页。` +
        (book.approvedOnly
          ? '仅收录已通过审核的记录。'
          : pending
            ? `其中${pending}次尚未通过审核，已在目录和该次记录中注明。`
            : ''),
    },
    { t: 'heading', text: '目录' },
    {
      t: 'table',
      header: ['序号', '日期', '时间', '类别', '会议名称', '审核'],
      rows: meetings.map((m, i) => [
        String(i + 1),
        // The year is on the cover: a short date keeps the column on one line.
        cnDate(m.occurredOn).replace(/^\d+年/, ''),
        timeOf(m),
        meetingKind(m),
        m.title,
        recordStatusLabels[m.status].zh,
      ]),
    },
  ];
  const records = meetings.flatMap((m): Block[] => [
    { t: 'pageBreak' },
    ...meetingRecordModel(m, generatedOn).blocks,
  ]);
  return { title: `${title}（${period}）`, blocks: [...cover, ...records] };
}
