import type { Actor } from '../../lib/actor.js';

/** The leader in charge of the department that owns the rule reviews it. */
export function leadsDepartment(actor: Actor, departmentId: number | null | undefined): boolean {
  return (
    !!departmentId && actor.grants.some((g) => g.role === 'leader' && g.departmentIds.includes(departmentId))
  );
}
