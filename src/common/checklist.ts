import type { ActionKind } from './actions.js';
import {
  agendaGiven,
  lecturerGiven,
  placeGiven,
  reasonsGiven,
  rolePresent,
  timesGiven,
  type AttendanceFact,
} from './meeting-checks.js';

/**
 * What a complete record of each kind holds: one definition for the server (it decides at submit
 * and the saved record's checklist comes from it) and for the web form (computed as the user
 * types). Blocking items are the substance (minutes, attendance, publication…); photos are advice
 * only: demanding photos as proof is one of the users' loudest complaints about such systems.
 */
export interface ChecklistEntry {
  key: string;
  label: string;
  labelEn: string;
  done: boolean;
  blocking: boolean;
}

export interface ChecklistInput {
  /** The kind's fields; in the web form dates may be dayjs values, so only presence matters. */
  data: Record<string, unknown>;
  /** How many people should attend (应到). */
  expected: number;
  /** Meetings: who was expected and how each attended, for the host, recorder and reasons. */
  attendance?: AttendanceFact[];
  evidenceKinds: string[];
  /** Revisions: where the review by the leader in charge (分管领导审核) stands. */
  leaderStatus?: 'none' | 'pending' | 'approved' | 'returned';
}

const filled = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
const present = (v: unknown) => v !== null && v !== undefined && v !== '';
const rows = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
const item = (key: string, label: string, labelEn: string, done: boolean, blocking: boolean) => ({
  key,
  label,
  labelEn,
  done,
  blocking,
});

/**
 * The facts every meeting must hold (支部工作条例): time, place or platform, a host and a
 * recorder who were present, and a reason for every absence and leave.
 */
function meetingFacts(d: Record<string, unknown>, c: ChecklistInput): ChecklistEntry[] {
  const attendance = c.attendance ?? [];
  return [
    item('attendance', '已登记应到人员及出勤情况', 'Attendance recorded', c.expected > 0, true),
    item('times', '已填写开始和结束时间', 'Start and end time given', timesGiven(d), true),
    item('place', '已填写会议地点或线上平台及会议号', 'Place or platform given', placeGiven(d), true),
    item(
      'host',
      '已填写主持人且其出席',
      'Host named and present',
      rolePresent(d, 'hostPersonId', attendance),
      true,
    ),
    item(
      'recorder',
      '已填写记录人且其出席',
      'Recorder named and present',
      rolePresent(d, 'recorderPersonId', attendance),
      true,
    ),
    item(
      'reasons',
      '缺席和请假人员均已填写原因',
      'A reason for every absence and leave',
      reasonsGiven(attendance),
      true,
    ),
  ];
}

export function checklistOf(kind: ActionKind, c: ChecklistInput): ChecklistEntry[] {
  const d = c.data ?? {};
  const hasPhoto = c.evidenceKinds.includes('photo');
  switch (kind) {
    case 'study':
      return [
        // A 党小组会 expects the members of one group, so it must say which.
        ...(d.form === 'group_meeting'
          ? [item('group', '已选择党小组', 'Party group chosen', present(d.partyGroupId), true)]
          : []),
        ...meetingFacts(d, c),
        ...(d.form === 'party_lecture'
          ? [item('lecturer', '已填写授课人及职务', 'Lecturer and position given', lecturerGiven(d), true)]
          : []),
        item('agenda', '已填写议题及发言摘要', 'Agenda items with speeches', agendaGiven(d), true),
        item('minutes', '已填写会议记录或研讨要点', 'Minutes written', filled(d.minutes), false),
        item('materials', '已填写学习内容', 'Materials listed', filled(d.materials), false),
        item(
          'photo_or_sheet',
          '已上传现场照片或签到表',
          'Photo or sign-in sheet attached',
          hasPhoto || c.evidenceKinds.includes('sign_in_sheet'),
          false,
        ),
      ];
    case 'theme_day':
      return [
        ...meetingFacts(d, c),
        item('summary', '已填写活动小结', 'Summary written', filled(d.summary), true),
        item('photo', '已上传活动照片', 'Photo attached', hasPhoto, false),
      ];
    case 'rule_revision':
      return [
        item('gap', '已说明发现的漏洞或不足', 'Gap described', filled(d.gap), true),
        item('change', '已填写修订内容摘要', 'Change summarised', filled(d.changeSummary), true),
        item(
          'leader',
          '分管领导已审核同意',
          'Approved by the leader in charge',
          c.leaderStatus === 'approved',
          true,
        ),
        item(
          'published',
          '已填写发布日期和文号',
          'Publication date and number',
          present(d.publishedOn) && filled(d.documentNo),
          true,
        ),
        item('opinions', '已记录征求意见情况', 'Opinions recorded', filled(d.opinionsSolicited), false),
        // Optional, but once named an indicator needs both figures, or no follow-up can judge it.
        item(
          'indicator',
          '已说明成效指标(修订前数值和目标值)',
          'Indicator with baseline and target',
          filled(d.indicatorName) && present(d.indicatorBaseline) && present(d.indicatorTarget),
          filled(d.indicatorName),
        ),
        item('document', '已上传制度文本', 'Rule text attached', c.evidenceKinds.includes('document'), false),
      ];
    case 'grassroots_problem':
      return [
        item('unit', '已选择基层单位', 'Grassroots unit chosen', present(d.unitId), true),
        item('measures', '已记录至少一项解决措施', 'At least one measure', rows(d.measures).length > 0, true),
        item(
          'resolved',
          '已填写解决日期和结果',
          'Resolution date and outcome',
          present(d.resolvedOn) && filled(d.outcome),
          true,
        ),
        // Optional, but once a measure is named the unit's values before and after make it one.
        item(
          'effect',
          '已填写成效衡量的解决前、解决后数值',
          'Values before and after',
          filled(d.effectName) && present(d.effectBefore) && present(d.effectAfter),
          filled(d.effectName),
        ),
        // A problem from the register counts only once its unit has confirmed it solved.
        ...(present(d.problemId)
          ? [
              item(
                'confirmed',
                '基层单位已确认解决',
                'Confirmed solved by the unit',
                present(d.confirmedOn),
                true,
              ),
            ]
          : []),
      ];
    case 'publicity': {
      const channels = rows(d.channels);
      return [
        item('channel', '已登记至少一个发布渠道', 'Published on a channel', channels.length > 0, true),
        item(
          'links',
          '各渠道已填写链接或期号',
          'Link or issue number for each channel',
          channels.length > 0 && channels.every((ch) => filled(ch?.link)),
          false,
        ),
        item('highlights', '已填写宣传亮点', 'Highlights written', filled(d.highlights), false),
      ];
    }
    case 'optional':
      return [
        item('novelty', '已说明创新之处', 'What is new', filled(d.novelty), false),
        item('evidence', '已上传佐证材料', 'Evidence attached', c.evidenceKinds.length > 0, false),
      ];
  }
}
