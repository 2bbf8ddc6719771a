import { seesAllBranches } from '../../../common/policies/actor';
import { defineWebModule, lazyPage } from '../../app/module';
import { auditMessages } from './audit.messages';

export const auditModule = defineWebModule({
  name: 'audit',
  nav: [{ path: '/audit', labelKey: 'nav.audit', roles: ['admin', 'committee'], allow: seesAllBranches }],
  routes: [{ path: '/audit', area: '/audit', element: lazyPage(() => import('./AuditPage'), 'AuditPage') }],
  messages: auditMessages,
});
