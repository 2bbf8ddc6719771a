import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { departments, people } from '../../db/schema/index.js';
import { AppError } from '../../lib/errors.js';
import { activeGroupOf } from './expected.repo.js';

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
    const rows = await db
      .select({ id: people.id })
      .from(people)
      .where(and(inArray(people.id, ids), eq(people.branchId, branchId), eq(people.active, true)));
    const found = new Set(rows.map((r) => r.id));
    for (const [key, label] of named)
      if (!found.has(data[key] as number))
        problems.push({ path: `body.data.${key}`, message: `${label}须为本支部在册人员` });
  }

  // A 党小组会 names one of the branch's active groups: its members are those expected.
  if (changed('partyGroupId') && !(await activeGroupOf(db, data.partyGroupId as number, branchId)))
    problems.push({ path: 'body.data.partyGroupId', message: '党小组须为本支部的党小组' });

  if (changed('departmentId')) {
    const [dept] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.id, data.departmentId as number), eq(departments.active, true)));
    if (!dept) problems.push({ path: 'body.data.departmentId', message: '归口部门不存在或已停用' });
  }

  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
}
