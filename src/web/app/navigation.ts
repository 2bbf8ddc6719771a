import type { Role } from '../../common/roles';
import type { MessageKey } from './i18n/messages';
import type { SessionUser } from '../features/auth/auth.api';
import { hasRole } from '../../common/policies/actor';

export interface NavArea {
  path: string;
  labelKey: MessageKey;
  /** Roles that see the area; the server enforces the same on its data. */
  roles: readonly Role[];
}

/** Every area of DOMAIN.md, in menu order. */
export const navAreas: readonly NavArea[] = [
  // A branch's view: leaders in charge and grassroots contacts have none (the server agrees).
  {
    path: '/workbench',
    labelKey: 'nav.workbench',
    roles: ['admin', 'committee', 'branch_secretary', 'member'],
  },
  { path: '/review', labelKey: 'nav.review', roles: ['admin', 'committee', 'leader'] },
  // A branch (secretary or member) sees its own figures; leaders and grassroots contacts have none.
  {
    path: '/dashboard',
    labelKey: 'nav.dashboard',
    roles: ['admin', 'committee', 'branch_secretary', 'member'],
  },
  {
    path: '/revisions',
    labelKey: 'nav.revisions',
    roles: ['admin', 'committee', 'branch_secretary', 'leader'],
  },
  {
    path: '/problems',
    labelKey: 'nav.problems',
    roles: ['admin', 'committee', 'branch_secretary', 'grassroots_contact'],
  },
  {
    path: '/publicity',
    labelKey: 'nav.publicity',
    roles: ['admin', 'committee', 'branch_secretary'],
  },
  // Exemplary cases are shared with every branch: sharing good practice is their purpose.
  { path: '/cases', labelKey: 'nav.cases', roles: ['admin', 'committee', 'branch_secretary', 'member'] },
  { path: '/reports', labelKey: 'nav.reports', roles: ['admin', 'committee', 'branch_secretary'] },
  { path: '/campaigns', labelKey: 'nav.campaigns', roles: ['admin', 'committee'] },
  { path: '/org', labelKey: 'nav.org', roles: ['admin', 'committee', 'branch_secretary'] },
  { path: '/users', labelKey: 'nav.users', roles: ['admin'] },
  { path: '/audit', labelKey: 'nav.audit', roles: ['admin', 'committee'] },
];

export function visibleAreas(user: SessionUser): NavArea[] {
  return navAreas.filter((area) => hasRole(user, ...area.roles));
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
