import { describe, expect, it } from 'vitest';
import type { RecordDetail } from '../../../common/api/records.js';
import { recordFields, type FieldDef } from '../../../common/record-fields/index.js';
import { modelText } from './docx-kit.js';
import { meetingRecordModel } from './meeting-record.js';
import { meetingBookModel } from './meeting-book.js';

/** A 党课 held both in a room and online, with its agenda, as a branch records it. */
const record = {
  id: 1,
  kind: 'study',
  branchName: '机关第一党支部',
  title: '学习党的十九届五中全会精神',
  occurredOn: '2020-11-12',
  status: 'approved',
  data: {
    form: 'party_lecture',
    mode: 'mixed',
    startTime: '14:30',
    endTime: '16:00',
    place: '公司三楼会议室',
    platform: '腾讯会议',
    meetingNo: '123 456 789',
    hostPersonId: 11,
    recorderPersonId: 12,
    lecturer: '王强',
    lecturerPosition: '公司党委副书记',
    attendees: [{ name: '赵敏', unit: '机关第二党支部' }],
    topic: '学习全会公报',
    agenda: [
      {
        title: '传达学习全会公报',
        speeches: [{ speaker: '李华', summary: '结合财务工作谈体会。' }],
        decision: '各党小组12月底前完成专题研讨。',
      },
    ],
  },
  personNames: { '11': '张伟', '12': '刘洋' },
  attendance: [
    { personId: 11, name: '张伟', status: 'present', reason: null },
    { personId: 12, name: '刘洋', status: 'present', reason: null },
    { personId: 13, name: '陈静', status: 'leave', reason: '出差' },
    { personId: 14, name: '周杰', status: 'absent', reason: '临时抢险' },
  ],
  attendanceSummary: { expected: 4, present: 2, leave: 1, absent: 1, rate: 0.5 },
} as unknown as RecordDetail;

describe('meeting record (会议记录) layout', () => {
  it('has the header block with time from–to, place and platform, lecturer, 列席, then 议题, 发言 and 决议', () => {
    const text = modelText(meetingRecordModel(record, '2020-11-13'));
    expect(text).toContain('会议时间\t2020年11月12日 14:30—16:00');
    expect(text).toContain('会议地点\t公司三楼会议室;线上:腾讯会议,会议号123 456 789');
    expect(text).toContain('授课人\t王强(公司党委副书记)');
    expect(text).toContain('主持人\t张伟');
    expect(text).toContain('记录人\t刘洋');
    expect(text).toContain('应到人数\t4人');
    expect(text).toContain('实到人数\t2人(出勤率50.0%(实到2人/应到4人))');
    expect(text.split('\n')[0]).toBe('机关第一党支部党课记录');
    expect(text).toContain('请假人员\t陈静(出差)');
    expect(text).toContain('缺席人员及原因\t周杰(临时抢险)');
    expect(text).toContain('列席人员\t赵敏(机关第二党支部)');
    expect(text).toContain('(一)议题:传达学习全会公报');
    expect(text).toContain('李华:结合财务工作谈体会。');
    expect(text).toContain('决议:各党小组12月底前完成专题研讨。');
    expect(text).toMatch(/主持人\(签字\):\u3000+记录人\(签字\):/);
  });

  it('prints the fields the field list gives a heading, a field added there included', () => {
    const study = recordFields.study as Record<string, FieldDef>;
    study.venueNote = {
      ...recordFields.study.materials,
      zh: '场地说明',
      en: 'Venue note',
      document: '会场情况',
    };
    try {
      const data = { ...(record.data as Record<string, unknown>), venueNote: '可容纳四十人' };
      const text = modelText(meetingRecordModel({ ...record, data } as RecordDetail, '2020-11-13'));
      expect(text).toContain(`${recordFields.study.topic.document}\t学习全会公报`);
      // After the rows the record book has, before the minutes.
      expect(text).toMatch(/学习内容[^]*会场情况\t可容纳四十人[^]*会议记录/);
    } finally {
      delete study.venueNote;
    }
  });
});

describe('meeting record book (会议记录本)', () => {
  it('lists every meeting on the cover, then gives each its record on a page of its own', () => {
    const later = { ...record, id: 2, title: '第二次会议', occurredOn: '2020-11-26' } as RecordDetail;
    const book = meetingBookModel(
      { branchName: '机关第一党支部', year: 2020, periodKey: '2020-11' },
      [record, later],
      '2020-12-01',
    );
    expect(book.title).toBe('机关第一党支部会议记录本（2020年11月）');
    const contents = book.blocks.find((b) => b.t === 'table');
    expect(contents?.t === 'table' && contents.rows.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['1', '11月12日', '14:30—16:00', '学习党的十九届五中全会精神'],
      ['2', '11月26日', '14:30—16:00', '第二次会议'],
    ]);
    // Each record starts after a page break, with its own title.
    const starts = book.blocks.flatMap((b, i) => (b.t === 'pageBreak' ? [book.blocks[i + 1]] : []));
    expect(starts).toEqual([
      { t: 'title', text: '机关第一党支部党课记录' },
      { t: 'title', text: '机关第一党支部党课记录' },
    ]);
    expect(modelText(book)).toMatch(/会议名称\t学习党的十九届五中全会精神[^]*会议名称\t第二次会议/);
  });
});
