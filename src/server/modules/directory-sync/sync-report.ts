import type { KnownBranch, KnownDepartment, SyncPlan } from './sync-plan.js';

const skippedReasons = {
  no_employee_no: '目录中没有工号',
  duplicate_employee_no: '工号在目录中出现不止一次',
  no_name: '目录中没有姓名',
} as const;

/** The plan as lines an operator reads (the dry run prints them; the log gets the count). */
export function describePlan(
  plan: SyncPlan,
  org: { branches: KnownBranch[]; departments: KnownDepartment[] },
): string[] {
  const branch = (id: number | null) => org.branches.find((b) => b.id === id)?.name ?? '(无支部)';
  const dept = (id: number | null) => org.departments.find((d) => d.id === id)?.name ?? '(无部门)';
  const lines: string[] = [];
  for (const d of plan.departments)
    lines.push(
      d.kind === 'add'
        ? `新增部门 ${d.name} → ${branch(d.branchId)}`
        : `部门 ${d.name}:${branch(d.fromBranchId)} → ${branch(d.toBranchId)}`,
    );
  for (const c of plan.people) {
    const who =
      c.kind === 'joined' ? `${c.to.name}(${c.employeeNo})` : `${c.person.name}(${c.person.employeeNo})`;
    const where = (to: { branchId: number; department: string | null }) =>
      `${branch(to.branchId)} / ${to.department ?? '(无部门)'}`;
    switch (c.kind) {
      case 'joined':
        lines.push(`新增人员 ${who} → ${where(c.to)}`);
        break;
      case 'linked':
        lines.push(`与目录关联 ${who}:${where(c.to)}`);
        break;
      case 'moved':
        lines.push(
          `调动 ${who}:${branch(c.person.branchId)} / ${dept(c.person.departmentId)} → ${where(c.to)}`,
        );
        break;
      case 'updated':
        lines.push(`更新姓名或手机 ${who}`);
        break;
      case 'returned':
        lines.push(`重新在册 ${who} → ${where(c.to)}`);
        break;
      case 'left':
        lines.push(`离开(目录中已无此人,标记为停用) ${who}`);
        break;
      case 'transferred':
        lines.push(`调出(不在任何已对应支部的组织单位中,标记为停用) ${who}`);
        break;
    }
  }
  for (const s of plan.skipped) lines.push(`跳过 ${s.dn}:${skippedReasons[s.reason]}`);
  return lines;
}
