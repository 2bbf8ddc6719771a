import type { SessionUser } from '../features/auth/auth.api';
import { hasRole, type PolicyActor } from '../../common/policies/actor';
import type { NavEntry } from './module';
import type { MessageKey } from './i18n/types';
import { navEntries } from './modules';

/** Whether an area opens to the user: one of its roles, and its narrower policy if it has one. */
export function opens(area: Pick<NavEntry, 'roles' | 'allow'>, user: PolicyActor): boolean {
  return hasRole(user, ...area.roles) && (area.allow?.(user) ?? true);
}

export function visibleAreas(user: SessionUser): NavEntry<MessageKey>[] {
  return navEntries.filter((area) => opens(area, user));
}

/**
 * Where "/" leads: a branch's secretary or member to the workbench (this month's work); others
 * (the administrator) to the organisation page, else the first allowed area.
 */
export function homePath(user: SessionUser): string {
  if (hasRole(user, 'branch_secretary', 'member')) return '/workbench';
  const areas = visibleAreas(user);
  const org = areas.find((a) => a.path === '/org');
  return (org ?? areas[0])?.path ?? '/workbench';
}
