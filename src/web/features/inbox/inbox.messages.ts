import type { MessageTable } from '../../app/i18n/types';

/** Each inbox item's title and hint, by the item's type; `{days}` is the item's span of days. */
export const inboxMessages = {
  'inbox.title': { zh: '待办事项', en: 'Waiting for you' },
  'inbox.record_returned.title': { zh: '被退回待修改的记录', en: 'Records returned for changes' },
  'inbox.record_returned.detail': {
    zh: '请按机关党委意见修改后重新提交',
    en: 'Change them as the committee asks and submit again',
  },
  'inbox.task_due.title': { zh: '{days} 天内到期的规定动作', en: 'Required actions due within {days} days' },
  'inbox.task_due.detail': { zh: '请及时填报并提交', en: 'Record and submit them in time' },
  'inbox.task_overdue.title': { zh: '已逾期的规定动作', en: 'Overdue required actions' },
  'inbox.task_overdue.detail': {
    zh: '可补报，补报将按规则计分',
    en: 'They can still be recorded; late records score by the rules',
  },
  'inbox.followup_due.title': { zh: '制度实施效果待跟踪', en: 'Revised rules awaiting an effect follow-up' },
  'inbox.followup_due.detail': {
    zh: '请填写已发布制度的实施效果',
    en: 'Note how the published rules are working',
  },
  'inbox.problem_to_accept.title': { zh: '待受理的基层问题', en: 'Grassroots problems to take on' },
  'inbox.problem_to_accept.detail': {
    zh: '基层单位反映的问题，请支部受理',
    en: 'Raised by grassroots units, waiting for the branch',
  },
  'inbox.problem_to_confirm.title': { zh: '待您确认的问题', en: 'Problems waiting for your confirmation' },
  'inbox.problem_to_confirm.detail': {
    zh: '支部已标记解决，请确认并评价',
    en: 'The branch marked them solved: confirm and rate',
  },
  'inbox.problem_confirm_overdue.title': {
    zh: '基层逾期未确认的问题',
    en: 'Solved problems the unit has not confirmed',
  },
  'inbox.problem_confirm_overdue.detail': {
    zh: '已解决超过 {days} 天未确认，可代为确认',
    en: 'Solved more than {days} days ago; you may confirm on the unit’s behalf',
  },
  'inbox.review_waiting.title': { zh: '待审核的记录', en: 'Records waiting for review' },
  'inbox.review_waiting.detail': {
    zh: '各支部已提交，等待机关党委审核',
    en: 'Submitted by the branches, waiting for the committee',
  },
  'inbox.revision_waiting.title': { zh: '待您审核的制度修订', en: 'Rule revisions waiting for your review' },
  'inbox.revision_waiting.detail': {
    zh: '分管部门报送的制度修订',
    en: 'Sent by the departments you oversee',
  },
} satisfies MessageTable;
