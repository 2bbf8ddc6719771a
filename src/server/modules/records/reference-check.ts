import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { activeGroupOf } from './expected.repo.js';
import { activeDepartmentExists, activePeopleOfBranch } from './references.repo.js';

const personFields = [
  ['hostPersonId', '主持人'],
  ['recorderPersonId', '记录人'],
] as const;

/**
 * The people and the department a record names must be real. The host and recorder are active
 * people of the record's branch — the form offers only them, and a record would otherwise read
 * back the name of anyone in the organisation by id. A revision's owning department (归口部门)
 * must exist and be active, or no leader could ever review it. A reference kept unchanged from
 * the saved record stays valid after its person leaves or its department is retired.
 */
export async function checkRecordReferences(
  db: Db,
  data: Record<string, unknown>,
  branchId: number,
  saved: Record<string, unknown> = {},
): Promise<void> {
  const changed = (key: string) => typeof data[key] === 'number' && data[key] !== saved[key];
  const problems: { path: string; message: string }[] = [];

  const named = personFields.filter(([key]) => changed(key));
  if (named.length) {
    const ids = named.map(([key]) => data[key] as number);
    const found = await activePeopleOfBranch(db, ids, branchId);
    for (const [key, label] of named)
      if (!found.has(data[key] as number))
        problems.push({ path: `body.data.${key}`, message: `${label}须为本支部在册人员` });
  }

  // A 党小组会 names one of the branch's active groups: its members are those expected.
  if (changed('partyGroupId') && !(await activeGroupOf(db, data.partyGroupId as number, branchId)))
    problems.push({ path: 'body.data.partyGroupId', message: '党小组须为本支部的党小组' });

  if (changed('departmentId')) {
    if (!(await activeDepartmentExists(db, data.departmentId as number)))
      problems.push({ path: 'body.data.departmentId', message: '归口部门不存在或已停用' });
  }

  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
}
