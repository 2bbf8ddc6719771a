/**
 * The meeting facts of the demo year's study sessions and theme days, as a branch's record book
 * has them: times, place or platform, who chaired and who minuted (both present), a 党课's lecturer,
 * people attending without being members, and agenda items with what each speaker said and what
 * was decided. Pure functions of the month, the branch and the people, so every demo is the same.
 */

type Mode = 'in_person' | 'video' | 'dingtalk' | 'text_platform';
type StudyForm = 'party_congress' | 'branch_committee' | 'group_meeting' | 'party_lecture';

export interface DemoPerson {
  id: number;
  name: string;
}

const PLACES = [
  '公司三楼党员活动室',
  '公司第一会议室',
  '公司第二会议室',
  '综合楼四楼会议室',
  '公司党建文化长廊',
];

/** Where an online meeting was held, as branches write it down. */
function platformOf(mode: Mode, month: number, b: number): { platform: string; meetingNo: string } {
  const no = String(100_000_000 + ((month * 7919 + b * 104_729) % 899_999_999));
  const spaced = `${no.slice(0, 3)} ${no.slice(3, 6)} ${no.slice(6)}`;
  switch (mode) {
    case 'video':
      return { platform: '腾讯会议', meetingNo: spaced };
    case 'dingtalk':
      return { platform: '钉钉视频会议', meetingNo: `机关第${'一二三四五'[b]}党支部党员群` };
    case 'text_platform':
      return { platform: '企业微信群（文字研讨）', meetingNo: `机关第${'一二三四五'[b]}党支部学习群` };
    default:
      return { platform: '', meetingNo: '' };
  }
}

export function meetingPlace(mode: Mode, month: number, b: number) {
  const online = platformOf(mode, month, b);
  return { place: mode === 'in_person' ? PLACES[(month + b) % 3]! : '', ...online };
}

/** Study sessions in the afternoon, theme days in the morning; lengths vary a little. */
export function meetingTimes(kind: 'study' | 'theme_day', month: number, b: number) {
  if (kind === 'theme_day') return { startTime: '09:00', endTime: (month + b) % 2 ? '11:30' : '11:00' };
  const start = (month + b) % 3 === 0 ? '15:00' : '14:30';
  const end = (month + b) % 4 === 0 ? '17:30' : start === '15:00' ? '17:00' : '16:30';
  return { startTime: start, endTime: end };
}

const LECTURERS = [
  { lecturer: '王建华', lecturerPosition: '公司党委副书记' },
  { lecturer: '陈立新', lecturerPosition: '公司纪委书记' },
  { lecturer: '刘海燕', lecturerPosition: '党群工作部部长' },
];

/** A 党课 names its lecturer: a company leader for the first, the branch secretary otherwise. */
export function lecturerOf(form: StudyForm, month: number, secretary: DemoPerson | undefined) {
  if (form !== 'party_lecture') return { lecturer: '', lecturerPosition: '' };
  if (month % 2 === 0 && secretary) return { lecturer: secretary.name, lecturerPosition: '支部书记' };
  return LECTURERS[month % LECTURERS.length]!;
}

/** 列席: activists and the department's non-member staff sit in on some meetings. */
export function attendeesOf(form: StudyForm, month: number, b: number) {
  if (form === 'party_lecture')
    return [
      { name: ['孙晓琳', '周子航', '吴雨桐', '郑凯文', '冯思远'][b]!, unit: '入党积极分子' },
      { name: ['何佳怡', '许博文', '韩梦洁', '曹宇航', '邓雅琪'][(b + month) % 5]!, unit: '发展对象' },
    ];
  if (form === 'branch_committee' && month % 3 === 0) return [{ name: '刘海燕', unit: '党群工作部（指导）' }];
  return [];
}

/** What members said in a study discussion: a point of the material tied to their own work. */
const STUDY_POINTS = [
  '结合本部门职责谈了体会，认为要把学习成果转化为推动工作的具体举措',
  '提出要在服务基层上下功夫，减少审批环节，提高办事效率',
  '联系近期项目现场调研的情况，谈了如何帮助基层解决实际困难',
  '认为机关作风建设要从小事做起，杜绝推诿扯皮',
  '谈到要加强业务学习，以专业能力支撑高质量发展',
  '建议把学习研讨与本月重点任务结合，明确责任人和完成时限',
  '结合疫情防控常态化要求，提出优化线上办公流程的建议',
  '对照党章党规查找自身不足，表示要在工作中发挥党员先锋模范作用',
  '提出机关各部门之间要加强协同，避免多头布置、重复报表',
  '认为要把“放管服”改革落到实处，让基层少跑腿',
  '谈了对成本管控和经营风险防范的思考',
  '建议支部定期回访基层单位，跟踪问题解决后的实际效果',
];

const STUDY_DECISIONS = [
  '各党员结合岗位撰写心得体会，月底前交支部组织委员汇总',
  '将学习成果落实到本月重点工作中，支部书记月底检查落实情况',
  '梳理本部门审批事项，下次支部会议前提出精简建议',
  '组织一次赴基层单位的调研，由支部书记带队',
  '对研讨中提出的问题建立清单，逐项明确责任人和时限',
];

const COMMITTEE_AGENDA = [
  { title: '研究本月“五个一”对标工作安排', decision: '明确各项规定动作的责任人和完成时限，月底前全部完成' },
  { title: '讨论制度修订的征求意见情况', decision: '采纳合理意见，修改完善后报分管领导审核' },
  { title: '研究帮助基层解决问题的措施', decision: '由支部书记牵头，组织业务骨干赴现场对接' },
];

/** 1–4 distinct speakers among those present, picked by the month and the branch. */
function speakersOf(present: DemoPerson[], n: number, seed: number): DemoPerson[] {
  const out: DemoPerson[] = [];
  for (let k = 0; out.length < Math.min(n, present.length) && k < present.length * 2; k++) {
    const p = present[(seed * 7 + k * 3) % present.length]!;
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

/** The agenda of a study session: its topic discussed, and for a 支委会 the month's business. */
export function studyAgenda(form: StudyForm, topic: string, month: number, b: number, present: DemoPerson[]) {
  const seed = month * 5 + b;
  const speeches = (n: number, offset: number) =>
    speakersOf(present, n, seed + offset).map((p, i) => ({
      speaker: p.name,
      summary: `${STUDY_POINTS[(seed + offset + i * 5) % STUDY_POINTS.length]!}。`,
    }));
  const study = {
    title: topic,
    speeches: speeches(form === 'party_lecture' ? 2 : 3 + (seed % 2), 0),
    decision: `${STUDY_DECISIONS[seed % STUDY_DECISIONS.length]!}。`,
  };
  if (form !== 'branch_committee') return [study];
  const business = COMMITTEE_AGENDA[seed % COMMITTEE_AGENDA.length]!;
  return [study, { title: business.title, speeches: speeches(2, 3), decision: `${business.decision}。` }];
}

/** A theme day's agenda: the activity, then members sharing what it meant to them. */
export function themeDayAgenda(title: string, month: number, b: number, present: DemoPerson[]) {
  const seed = month * 3 + b;
  return [
    {
      title,
      speeches: speakersOf(present, 2 + (seed % 2), seed).map((p, i) => ({
        speaker: p.name,
        summary: `${THEME_DAY_POINTS[(seed + i * 4) % THEME_DAY_POINTS.length]!}。`,
      })),
      decision: '',
    },
  ];
}

const THEME_DAY_POINTS = [
  '谈了参加活动的感受，表示要不忘初心、立足岗位作贡献',
  '回顾入党时的誓言，表示要以实际行动践行',
  '结合活动内容，提出把党建活动与业务工作结合的建议',
  '分享了身边优秀党员的事迹，表示要向他们学习',
  '表示要把活动中受到的教育转化为做好本职工作的动力',
  '建议今后多组织走进基层、走进项目的主题党日活动',
  '谈到要发扬艰苦奋斗精神，带头厉行节约',
];

/** Why someone did not come, as the record book notes it; leave is asked for, absence explained. */
export const absenceReasons = ['临时接到紧急工作任务', '在项目现场处理突发情况', '家中有急事', '身体不适'];

/**
 * Everything a demo meeting's record holds beyond its kind's own content, from who was there:
 * times, place or platform, lecturer, 列席, agenda with speeches and decisions, and minutes that
 * agree with the agenda. `data` is the record's data as the kind's content gave it.
 */
export function meetingFacts(
  kind: 'study' | 'theme_day',
  data: Record<string, unknown>,
  title: string,
  month: number,
  b: number,
  present: DemoPerson[],
  host: DemoPerson | undefined,
): Record<string, unknown> {
  const times = meetingTimes(kind, month, b);
  if (kind === 'theme_day') {
    const place = String(data.place ?? '');
    // The early months' theme days were held online (the article's spring of 2020).
    const online = place.startsWith('线上');
    const mode: Mode = online ? 'dingtalk' : 'in_person';
    const where = online
      ? { place: '', ...platformOf(mode, month, b) }
      : { place, platform: '', meetingNo: '' };
    return { ...times, mode, ...where, attendees: [], agenda: themeDayAgenda(title, month, b, present) };
  }
  const form = data.form as StudyForm;
  const agenda = studyAgenda(form, String(data.topic ?? title), month, b, present);
  const minutes = [
    host ? `${host.name}主持会议。` : '',
    ...agenda.map((a) => `围绕“${a.title}”，${a.speeches.map((s) => s.speaker).join('、')}先后发言。`),
  ].join('');
  return {
    ...times,
    ...meetingPlace(data.mode as Mode, month, b),
    ...lecturerOf(form, month, host),
    attendees: attendeesOf(form, month, b),
    agenda,
    minutes,
    decisions: agenda.map((a, i) => `${i + 1}. ${a.decision}`).join('\n'),
  };
}
