import type { SessionUser } from '../features/auth/auth.api';
import { hasRole } from '../../common/policies/actor';
import type { NavEntry } from './module';
import type { MessageKey } from './i18n/types';
import { navEntries } from './modules';

export function visibleAreas(user: SessionUser): NavEntry<MessageKey>[] {
  return navEntries.filter((area) => hasRole(user, ...area.roles));
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
