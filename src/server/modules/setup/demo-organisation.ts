import type { BranchPost, DepartmentKind, MemberStatus, UnitKind } from '../../../common/enums.js';
import type { Role } from '../../../common/roles.js';
import { addDays } from '../../lib/dates.js';

/**
 * The demo organisation of DOMAIN.md: a company HQ whose organ Party committee has five branches,
 * as in the article. People's names are invented.
 */
export const demoOrganisation = {
  name: '华远工程有限公司',
  committeeName: '机关党委',
};

export interface DemoBranch {
  name: string;
  shortName: string;
  departments: { name: string; kind: DepartmentKind }[];
  groups: string[];
}

export const demoBranches: DemoBranch[] = [
  {
    name: '机关第一党支部',
    shortName: '一支部',
    departments: [
      { name: '党委办公室(总经理办公室)', kind: 'department' },
      { name: '人力资源部(党委组织部)', kind: 'department' },
      { name: '党群工作部', kind: 'department' },
    ],
    groups: ['办公室党小组', '人力党群党小组'],
  },
  {
    name: '机关第二党支部',
    shortName: '二支部',
    departments: [
      { name: '计划经营部', kind: 'department' },
      { name: '财务资金部', kind: 'department' },
      { name: '审计部', kind: 'department' },
    ],
    groups: ['经营党小组', '财务审计党小组'],
  },
  {
    name: '机关第三党支部',
    shortName: '三支部',
    departments: [
      { name: '工程管理部', kind: 'department' },
      { name: '安全质量环保部', kind: 'department' },
      { name: '设计技术中心', kind: 'business_centre' },
    ],
    groups: ['工程安质党小组', '设计技术党小组'],
  },
  {
    name: '机关第四党支部',
    shortName: '四支部',
    departments: [
      { name: '市场开发部', kind: 'department' },
      { name: '投资管理部', kind: 'department' },
      { name: '海外业务中心', kind: 'business_centre' },
    ],
    groups: ['市场投资党小组', '海外业务党小组'],
  },
  {
    name: '机关第五党支部',
    shortName: '五支部',
    departments: [
      { name: '党风廉政办/巡察办', kind: 'department' },
      { name: '法律合规部', kind: 'department' },
      { name: '科技信息中心', kind: 'business_centre' },
    ],
    groups: ['纪检巡察党小组', '法务科信党小组'],
  },
];

export const demoUnits: { name: string; kind: UnitKind }[] = [
  { name: '地热开发事业部', kind: 'division' },
  { name: '新能源事业部', kind: 'division' },
  { name: '华北分公司', kind: 'subsidiary' },
  { name: '西南分公司', kind: 'subsidiary' },
  { name: '海外分公司', kind: 'subsidiary' },
  { name: '张北风电项目部', kind: 'project' },
  { name: '雄安地热项目部', kind: 'project' },
  { name: '成都轨道交通项目部', kind: 'project' },
];

const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const givenNames = [
  '建华',
  '晓梅',
  '志强',
  '丽娟',
  '海涛',
  '雪莹',
  '国栋',
  '春燕',
  '立新',
  '文静',
  '德明',
  '慧敏',
  '永刚',
  '佳琪',
  '振宇',
  '秀兰',
  '子豪',
  '雅婷',
  '伟东',
  '红霞',
  '思远',
  '玉洁',
  '明辉',
  '欣怡',
  '学军',
  '婉清',
  '鹏飞',
  '桂芳',
  '浩然',
  '凤英',
  '俊杰',
  '淑华',
  '天佑',
  '梦瑶',
  '长青',
  '翠萍',
  '宏伟',
  '静怡',
  '少华',
  '丹丹',
  '云峰',
  '美玲',
  '卫国',
  '晨曦',
  '树林',
  '小燕',
  '金龙',
  '若兰',
  '光明',
  '雨萱',
  '家豪',
  '素琴',
  '庆丰',
  '嘉欣',
  '维民',
];

export interface DemoPerson {
  name: string;
  employeeNo: string;
  gender: 'male' | 'female';
  branchIndex: number;
  groupIndex: number;
  departmentIndex: number;
  memberStatus: MemberStatus;
  branchPost: BranchPost | null;
  phone: string;
  joinedPartyOn: string | null;
}

/** The day the demo branches elected their committees (换届), before the demo year. */
export const DEMO_COMMITTEE_ELECTED = '2018-06-28';

/**
 * Each branch's committee, by the index of the person in the branch: a secretary, a deputy
 * secretary in two branches, and two or three members (委员) with their portfolios.
 */
const committees: BranchPost[][] = [
  ['secretary', 'organisation', 'publicity', 'discipline'],
  ['secretary', 'deputy_secretary', 'organisation', 'publicity'],
  ['secretary', 'organisation', 'publicity'],
  ['secretary', 'deputy_secretary', 'organisation', 'publicity', 'discipline'],
  ['secretary', 'organisation', 'publicity', 'committee_member'],
];

/** A hand-over in the demo year, so a former post holder is not expected at later 支委会. */
const postChanges = [
  { branchIndex: 2, fromIndex: 2, toIndex: 5, post: 'publicity' as const, on: '2020-07-01' },
];

export interface DemoPostTerm {
  /** Index into demoPeople(). */
  personIndex: number;
  post: BranchPost;
  startedOn: string;
  endedOn: string | null;
}

/** Who held which post from when to when; the open terms are the people's current posts. */
export function demoPostTerms(): DemoPostTerm[] {
  const terms: DemoPostTerm[] = [];
  committees.forEach((posts, b) =>
    posts.forEach((post, i) => {
      const change = postChanges.find((c) => c.branchIndex === b && c.fromIndex === i);
      terms.push({
        personIndex: b * 11 + i,
        post,
        startedOn: DEMO_COMMITTEE_ELECTED,
        endedOn: change ? addDays(change.on, -1) : null,
      });
    }),
  );
  for (const c of postChanges)
    terms.push({ personIndex: c.branchIndex * 11 + c.toIndex, post: c.post, startedOn: c.on, endedOn: null });
  return terms;
}

/**
 * Eleven people per branch: the committee, full and probationary members, one non-member. The
 * first five form the first Party group (the secretary's), the next five the second.
 */
export function demoPeople(): DemoPerson[] {
  const current = new Map(
    demoPostTerms()
      .filter((t) => t.endedOn === null)
      .map((t) => [t.personIndex, t.post]),
  );
  const result: DemoPerson[] = [];
  let n = 0;
  demoBranches.forEach((_branch, b) => {
    for (let i = 0; i < 11; i++, n++) {
      const status: MemberStatus = i === 9 ? 'probationary' : i === 10 ? 'non_member' : 'full';
      const given = givenNames[n % givenNames.length]!;
      result.push({
        name: surnames[(n * 7) % surnames.length]! + given,
        employeeNo: `HY${String(20001 + n)}`,
        gender: n % 3 === 1 ? 'female' : 'male',
        branchIndex: b,
        groupIndex: i < 5 ? 0 : 1,
        departmentIndex: i % 3,
        memberStatus: status,
        branchPost: current.get(n) ?? null,
        phone: `138${String(10000000 + n * 7919).slice(-8)}`,
        // The probationary members joined in late 2019: members for the whole demo year.
        joinedPartyOn:
          status === 'non_member'
            ? null
            : status === 'probationary'
              ? '2019-11-28'
              : `${1995 + ((n * 3) % 25)}-07-01`,
      });
    }
  });
  return result;
}

/** Demo accounts for each role, all with the published demo password. */
export const DEMO_PASSWORD = 'Duibiao@2020';
export interface DemoAccount {
  username: string;
  /** Index into demoPeople() of the person behind the account, if any. */
  personIndex: number | null;
  displayName?: string;
  grants: { role: Role; branchIndex?: number; departmentRefs?: [number, number][]; unitIndex?: number }[];
}

/** Every department of the given demo branches, as [branchIndex, departmentIndex] pairs. */
const departmentsOf = (branchIndexes: number[]): [number, number][] =>
  branchIndexes.flatMap((b) => demoBranches[b]!.departments.map((_d, i): [number, number] => [b, i]));

export function demoAccounts(): DemoAccount[] {
  const accounts: DemoAccount[] = [
    {
      username: 'jiguan',
      personIndex: 1, // organisation member of branch 1, also committee staff
      grants: [{ role: 'committee' }, { role: 'member', branchIndex: 0 }],
    },
    // Two leaders in charge between them own every department, so every revision has its reviewer.
    {
      username: 'lingdao',
      personIndex: null,
      displayName: '分管领导甲(演示)',
      grants: [{ role: 'leader', departmentRefs: departmentsOf([4, 0]) }],
    },
    {
      username: 'lingdao2',
      personIndex: null,
      displayName: '分管领导乙(演示)',
      grants: [{ role: 'leader', departmentRefs: departmentsOf([1, 2, 3]) }],
    },
    { username: 'dangyuan', personIndex: 5, grants: [{ role: 'member', branchIndex: 0 }] },
    {
      username: 'jiceng',
      personIndex: null,
      displayName: '地热开发事业部联系人',
      grants: [{ role: 'grassroots_contact', unitIndex: 0 }],
    },
  ];
  demoBranches.forEach((_b, i) =>
    accounts.push({
      username: `zhibu${i + 1}`,
      personIndex: i * 11,
      grants: [
        { role: 'branch_secretary', branchIndex: i },
        { role: 'member', branchIndex: i },
      ],
    }),
  );
  return accounts;
}
