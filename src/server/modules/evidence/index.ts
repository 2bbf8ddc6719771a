import { defineModule } from '../../lib/module.js';
import { EvidenceService } from './evidence.service.js';
import { evidenceFileRoutes, evidenceRoutes } from './evidence.routes.js';

export const evidenceModule = defineModule({
  name: 'evidence',
  needs: [],
  services: (deps) => ({
    evidence: new EvidenceService(deps),
  }),
  routes: [evidenceRoutes, evidenceFileRoutes],
});
