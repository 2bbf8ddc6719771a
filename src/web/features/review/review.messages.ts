import type { MessageTable } from '../../app/i18n/types';

export const reviewMessages = {
  'review.title': { zh: '审核', en: 'Review' },
  'review.intro': {
    zh: '各支部提交的记录按提交时间排列,先交先审。打开记录核对内容、出勤和佐证材料后,通过或退回修改。',
    en: 'Submitted records, oldest first. Open one, check its content, attendance and evidence, then approve or return it.',
  },
  'review.queue': { zh: '待审核', en: 'To review' },
  'review.returnedList': { zh: '已退回', en: 'Returned' },
  'review.approvedList': { zh: '已通过', en: 'Approved' },
  'review.allBranches': { zh: '全部支部', en: 'All branches' },
  'review.allKinds': { zh: '全部动作', en: 'All actions' },
  'review.allMonths': { zh: '全部月份', en: 'All months' },
  'review.submittedAt': { zh: '提交时间', en: 'Submitted' },
  'review.occurredOn': { zh: '活动日期', en: 'Date' },
  'review.month': { zh: '计入月份', en: 'Month' },
  'review.open': { zh: '审核', en: 'Review' },
  'review.view': { zh: '查看', en: 'View' },
  'review.empty': { zh: '没有待审核的记录', en: 'Nothing to review' },
  'review.decision': { zh: '审核意见', en: 'Decision' },
  'review.approve': { zh: '通过', en: 'Approve' },
  'review.return': { zh: '退回修改', en: 'Return for changes' },
  'review.reason': { zh: '退回原因', en: 'Reason' },
  'review.reasonPlaceholder': {
    zh: '请写明需要修改或补充的内容,支部将看到这段话',
    en: 'Say what to change or add; the branch will read this',
  },
  'review.reasonRequired': { zh: '退回时须填写原因', en: 'A return needs a reason' },
  'review.comment': { zh: '意见(选填)', en: 'Comment (optional)' },
  'review.addComment': { zh: '填写意见', en: 'Add a comment' },
  'review.confirmReturn': { zh: '确认退回', en: 'Return it' },
  'review.approved': { zh: '已通过', en: 'Approved' },
  'review.returned': { zh: '已退回支部修改', en: 'Returned to the branch' },
  'review.ownRecord': {
    zh: '这条记录由您本人填报,须由机关党委其他成员审核。',
    en: 'You wrote this record; another committee member must review it.',
  },
  'review.notCommittee': {
    zh: '只有机关党委成员可以审核记录。',
    en: 'Only committee members review records.',
  },
  'review.notPending': {
    zh: '该记录当前状态为“{status}”,无需审核。',
    en: 'This record is "{status}"; nothing to review.',
  },
  'review.backToQueue': { zh: '返回审核列表', en: 'Back to the queue' },
} satisfies MessageTable;
