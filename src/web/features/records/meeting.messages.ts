import type { MessageTable } from '../../app/i18n/types';

/** Words of the meeting facts' inputs; the fields' own labels come from the field list. */
export const meetingMessages = {
  'meeting.endBeforeStart': { zh: '结束时间须晚于开始时间', en: 'The end must be after the start' },
  'meeting.attendeesHint': {
    zh: '不是本支部党员而参加会议的人员(上级领导、其他支部党员等),不计入应到人数',
    en: 'People attending who are not members of this branch; not counted as expected',
  },
  'meeting.attendeeName': { zh: '姓名', en: 'Name' },
  'meeting.attendeeUnit': { zh: '单位或职务', en: 'Unit or position' },
  'meeting.addAttendee': { zh: '添加列席人员', en: 'Add an attendee' },
  'meeting.agendaHint': {
    zh: '逐项填写议题、发言摘要和决议;提交前每个议题至少一条发言摘要',
    en: 'Each agenda item with the speeches and the decision; at least one speech per item to submit',
  },
  'meeting.agendaItem': { zh: '议题 {n}', en: 'Item {n}' },
  'meeting.agendaTitle': { zh: '议题', en: 'Agenda item' },
  'meeting.speeches': { zh: '发言摘要', en: 'Speeches' },
  'meeting.speaker': { zh: '发言人', en: 'Speaker' },
  'meeting.speechSummary': { zh: '发言内容摘要', en: 'What they said' },
  'meeting.addSpeech': { zh: '添加发言', en: 'Add a speech' },
  'meeting.decision': { zh: '决议', en: 'Decision' },
  'meeting.decisionHint': { zh: '无决议事项可不填', en: 'Leave empty if nothing was decided' },
  'meeting.addAgendaItem': { zh: '添加议题', en: 'Add an agenda item' },
  'meeting.colon': { zh: '：', en: ': ' },
} satisfies MessageTable;
