import { defineModule } from '../../lib/module.js';
import { AuditService } from './audit.service.js';
import { auditRoutes } from './audit.routes.js';

export const auditModule = defineModule({
  name: 'audit',
  needs: [],
  services: (deps) => ({
    audit: new AuditService(deps),
  }),
  routes: [auditRoutes],
});
