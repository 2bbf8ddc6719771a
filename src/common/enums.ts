/** Enumerations of the organisation, with their Chinese and English labels. */
type Labels<T extends string> = Record<T, { zh: string; en: string }>;

export const memberStatuses = ['full', 'probationary', 'non_member'] as const;
export type MemberStatus = (typeof memberStatuses)[number];
export const memberStatusLabels: Labels<MemberStatus> = {
  full: { zh: '正式党员', en: 'Full member' },
  probationary: { zh: '预备党员', en: 'Probationary member' },
  non_member: { zh: '群众', en: 'Non-member staff' },
};

export const branchPosts = [
  'secretary',
  'deputy_secretary',
  'organisation',
  'publicity',
  'discipline',
  'committee_member',
] as const;
export type BranchPost = (typeof branchPosts)[number];
export const branchPostLabels: Labels<BranchPost> = {
  secretary: { zh: '书记', en: 'Secretary' },
  deputy_secretary: { zh: '副书记', en: 'Deputy secretary' },
  organisation: { zh: '组织委员', en: 'Organisation member' },
  publicity: { zh: '宣传委员', en: 'Publicity member' },
  discipline: { zh: '纪检委员', en: 'Discipline member' },
  committee_member: { zh: '委员', en: 'Committee member' },
};

export const departmentKinds = ['department', 'business_centre'] as const;
export type DepartmentKind = (typeof departmentKinds)[number];
export const departmentKindLabels: Labels<DepartmentKind> = {
  department: { zh: '职能部门', en: 'Functional department' },
  business_centre: { zh: '业务中心', en: 'Business centre' },
};

export const unitKinds = ['division', 'subsidiary', 'project'] as const;
export type UnitKind = (typeof unitKinds)[number];
export const unitKindLabels: Labels<UnitKind> = {
  division: { zh: '事业部', en: 'Division' },
  subsidiary: { zh: '分公司', en: 'Subsidiary' },
  project: { zh: '项目部', en: 'Project' },
};
