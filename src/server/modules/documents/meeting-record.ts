import {
  meetingModeLabels,
  recordStatusLabels,
  studyFormLabels,
  studyMaterialLabels,
  themeDayActivityLabels,
  themeDayThemeLabels,
} from '../../../common/actions.js';
import type { RecordDetail } from '../../../common/api/records.js';
import type { Block, DocModel } from './docx-kit.js';
import { cnDate, pct } from './format.js';

const label = (labels: Record<string, { zh: string }>, code: unknown) =>
  typeof code === 'string' ? (labels[code]?.zh ?? code) : '';

/** “张三(出差)、李四”: names with the reason each gave, if any. */
const names = (list: { name: string; reason: string | null }[]) =>
  list.map((a) => (a.reason ? `${a.name}(${a.reason})` : a.name)).join('、') || '无';

/**
 * The meeting record (会议记录) of one study session or theme day, in the layout branches file:
 * time, place, host, recorder, expected / present / absent with reasons, topic, content, decisions.
 */
export function meetingRecordModel(r: RecordDetail, generatedOn: string): DocModel {
  const d = r.data as Record<string, unknown>;
  const person = (id: unknown) => (typeof id === 'number' ? (r.personNames[String(id)] ?? '') : '');
  const present = r.attendance.filter((a) => a.status === 'present');
  const leave = r.attendance.filter((a) => a.status === 'leave');
  const absent = r.attendance.filter((a) => a.status === 'absent');
  const s = r.attendanceSummary;
  const attendance: [string, string][] = [
    ['应到人数', `${s.expected}人`],
    ['实到人数', `${s.present}人(出勤率${pct(s.rate)})`],
    ['出席人员', names(present)],
    ['请假人员', names(leave)],
    ['缺席人员', names(absent)],
  ];
  const study = r.kind === 'study';
  const title = study
    ? `${r.branchName}${label(studyFormLabels, d.form)}会议记录`
    : `${r.branchName}主题党日活动记录`;
  const rows: [string, string][] = study
    ? [
        ['会议名称', r.title],
        ['会议时间', cnDate(r.occurredOn)],
        ['会议地点', String(d.place || '')],
        ['会议形式', `${label(studyFormLabels, d.form)}(${label(meetingModeLabels, d.mode)})`],
        ['主持人', person(d.hostPersonId)],
        ['记录人', person(d.recorderPersonId)],
        ...attendance,
        ['会议议题', String(d.topic || '')],
        [
          '学习内容',
          [
            ((d.materialKinds as string[] | undefined) ?? [])
              .map((k) => label(studyMaterialLabels, k))
              .join('、'),
            String(d.materials || ''),
          ]
            .filter(Boolean)
            .join('\n'),
        ],
        ['会议内容', String(d.minutes || '')],
        ['会议决定', String(d.decisions || '') || '无'],
      ]
    : [
        ['活动名称', r.title],
        ['活动时间', cnDate(r.occurredOn)],
        ['活动地点', String(d.place || '')],
        ['活动主题', label(themeDayThemeLabels, d.theme)],
        ['活动形式', label(themeDayActivityLabels, d.activity)],
        ['主持人', person(d.hostPersonId)],
        ...attendance,
        ['活动内容', String(d.summary || '')],
      ];
  const blocks: Block[] = [
    { t: 'title', text: title },
    { t: 'form', rows },
    {
      t: 'para',
      indent: false,
      text: `主持人(签字):${'\u3000'.repeat(8)}${study ? '记录人' : '经办人'}(签字):`,
    },
    {
      t: 'note',
      text: `本记录根据对标系统中的记录生成(记录状态:${recordStatusLabels[r.status].zh};生成日期:${cnDate(generatedOn)})。`,
    },
  ];
  return { title, blocks };
}
