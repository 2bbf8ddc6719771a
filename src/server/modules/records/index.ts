import { defineModule } from '../../lib/module.js';
import { RecordsService } from './records.service.js';
import { ReviewService } from './review.service.js';
import { recordsRoutes } from './records.routes.js';

export const recordsModule = defineModule({
  name: 'records',
  needs: [],
  services: (deps) => ({
    records: new RecordsService(deps),
    review: new ReviewService(deps),
  }),
  routes: [recordsRoutes],
});
