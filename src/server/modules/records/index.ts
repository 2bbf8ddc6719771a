import { defineModule } from '../../lib/module.js';
import { RecordsService } from './records.service.js';
import { ReviewService } from './review.service.js';
import { SubmitMonthService } from './submit-month.service.js';
import { recordsRoutes } from './records.routes.js';

export const recordsModule = defineModule({
  name: 'records',
  needs: [],
  services: (deps) => {
    const records = new RecordsService(deps);
    return { records, review: new ReviewService(deps), submitMonth: new SubmitMonthService(deps, records) };
  },
  routes: [recordsRoutes],
});
