/** Roles of DOMAIN.md. A user may hold several grants, each with its own scope. */
export const roles = [
  'admin',
  'committee',
  'branch_secretary',
  'leader',
  'member',
  'grassroots_contact',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  committee: { zh: '机关党委', en: 'Committee' },
  branch_secretary: { zh: '支部书记/支委', en: 'Branch secretary / committee member' },
  leader: { zh: '分管领导', en: 'Leader in charge' },
  member: { zh: '党员', en: 'Party member' },
  grassroots_contact: { zh: '基层联系人', en: 'Grassroots contact' },
};

/**
 * What scope each role needs: admin and committee see everything; a branch secretary and a
 * member are tied to one branch; a leader to some departments; a grassroots contact to one unit.
 */
export const roleScope: Record<Role, 'all' | 'branch' | 'departments' | 'unit'> = {
  admin: 'all',
  committee: 'all',
  branch_secretary: 'branch',
  leader: 'departments',
  member: 'branch',
  grassroots_contact: 'unit',
};
