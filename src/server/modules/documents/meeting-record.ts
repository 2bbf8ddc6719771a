import {
  meetingModeLabels,
  recordStatusLabels,
  studyFormLabels,
  studyMaterialLabels,
} from '../../../common/actions.js';
import type { RecordDetail } from '../../../common/api/records.js';
import type { Block, DocModel } from './docx-kit.js';
import { cnDate, ordinals, rateText } from './format.js';
import {
  fieldText,
  fieldsOf,
  type AgendaItem,
  type NameLookups,
} from '../../../common/record-fields/index.js';

type Row = [string, string];

/**
 * The rows of the record's fields that the meeting record prints on a row of their own (those with
 * a `document` heading in the field list): `row` places one where the record book has it, `rest`
 * gives the others in the list's order, so a field added with a heading is printed too.
 */
function fieldRows(r: RecordDetail, names: NameLookups) {
  const fields = new Map(fieldsOf(r.kind));
  const placed = new Set<string>();
  const data = r.data as Record<string, unknown>;
  const row = (key: string): Row => {
    const f = fields.get(key);
    if (!f?.document) throw new Error(`${r.kind}.${key} is not printed on the meeting record`);
    placed.add(key);
    return [f.document, fieldText(f, data[key], names)];
  };
  const rest = (): Row[] =>
    [...fields].filter(([key, f]) => f.document && !placed.has(key)).map(([key]) => row(key));
  return { row, rest };
}

const label = (labels: Record<string, { zh: string }>, code: unknown) =>
  typeof code === 'string' ? (labels[code]?.zh ?? code) : '';

/** “张三(出差)、李四”: names with the reason each gave, if any. */
const names = (list: { name: string; reason: string | null }[]) =>
  list.map((a) => (a.reason ? `${a.name}(${a.reason})` : a.name)).join('、') || '无';

/** What the record of a study form is called: 党员大会会议记录, 委员会会议记录, 党小组会议记录, 党课记录. */
function recordName(form: string): string {
  const kind = form.replace(/^支部/, '');
  if (kind === '党课') return '党课记录';
  return `${kind.replace(/^党小组会$/, '党小组')}会议记录`;
}

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
  const attendance: Row[] = [
    ['应到人数', `${s.expected}人`],
    [
      '实到人数',
      `${s.present}人(${rateText('出勤率', { label: '实到', n: s.present }, { label: '应到', n: s.expected }, '人')})`,
    ],
    ['出席人员', names(present)],
    ['请假人员', names(leave)],
    ['缺席人员及原因', names(absent)],
  ];
  const study = r.kind === 'study';
  const title = study
    ? `${r.branchName}${recordName(label(studyFormLabels, d.form))}`
    : `${r.branchName}主题党日活动记录`;
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  // 时间 from–to, where the record has them (older records have only the date).
  const when = [cnDate(r.occurredOn), str(d.startTime) && `${str(d.startTime)}—${str(d.endTime)}`]
    .filter(Boolean)
    .join(' ');
  // 地点: the room, or for an online meeting the platform and its number; a mixed one has both.
  const online = [str(d.platform), str(d.meetingNo) && `会议号${str(d.meetingNo)}`].filter(Boolean).join(',');
  const where = [str(d.place), online && `线上:${online}`].filter(Boolean).join(';');
  const attendees = ((d.attendees as { name: string; unit?: string }[] | undefined) ?? [])
    .map((a) => (a.unit ? `${a.name}(${a.unit})` : a.name))
    .join('、');
  const lecturer =
    str(d.lecturer) && `${str(d.lecturer)}${str(d.lecturerPosition) && `(${str(d.lecturerPosition)})`}`;
  const { row, rest } = fieldRows(r, { person });
  const head: Row[] = [
    [study ? '会议名称' : '活动名称', r.title],
    [study ? '会议时间' : '活动时间', when],
    [study ? '会议地点' : '活动地点', where],
  ];
  const rows: Row[] = study
    ? [
        ...head,
        ['会议形式', `${label(studyFormLabels, d.form)}(${label(meetingModeLabels, d.mode)})`],
        row('hostPersonId'),
        row('recorderPersonId'),
        ...(lecturer ? ([['授课人', lecturer]] as Row[]) : []),
        ...attendance,
        ['列席人员', attendees || '无'],
        row('topic'),
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
        ...rest(),
      ]
    : [
        ...head,
        row('theme'),
        row('activity'),
        row('hostPersonId'),
        row('recorderPersonId'),
        ...attendance,
        ['列席人员', attendees || '无'],
        ...rest(),
      ];
  const blocks: Block[] = [{ t: 'title', text: title }, { t: 'form', rows }, ...minutes(d, study)];
  blocks.push(
    {
      t: 'para',
      indent: false,
      text: `主持人(签字):${'\u3000'.repeat(8)}记录人(签字):`,
    },
    {
      t: 'note',
      text: `本记录根据对标系统中的记录生成(记录状态:${recordStatusLabels[r.status].zh};生成日期:${cnDate(generatedOn)})。`,
    },
  );
  return { title, blocks };
}

/**
 * 议题, 发言记录 and 决议 from the record's agenda; a record from before agendas were kept shows
 * its minutes and decisions as written.
 */
function minutes(d: Record<string, unknown>, study: boolean): Block[] {
  const agenda = (d.agenda as AgendaItem[] | undefined) ?? [];
  const content = String((study ? d.minutes : d.summary) || '');
  const blocks: Block[] = [{ t: 'heading', text: study ? '会议记录' : '活动记录' }];
  if (content || !agenda.length) blocks.push({ t: 'para', text: content || '(未记录)' });
  agenda.forEach((item, i) => {
    blocks.push({ t: 'heading2', text: `(${ordinals[i]})议题:${item.title}` });
    for (const s of item.speeches) blocks.push({ t: 'para', lead: `${s.speaker}:`, text: s.summary });
    blocks.push({ t: 'para', lead: '决议:', text: item.decision || '无' });
  });
  // A record from before agendas were kept has its decisions as one text.
  if (study && !agenda.length)
    blocks.push({ t: 'para', lead: '会议决定:', text: String(d.decisions || '') || '无' });
  return blocks;
}
