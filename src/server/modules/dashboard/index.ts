import { defineModule } from '../../lib/module.js';
import { DashboardService } from './dashboard.service.js';
import { IndicatorsService } from './indicators.service.js';
import { dashboardRoutes } from './dashboard.routes.js';

export const dashboardModule = defineModule({
  name: 'dashboard',
  needs: [],
  services: (deps) => ({
    dashboard: new DashboardService(deps),
    indicators: new IndicatorsService(deps),
  }),
  routes: [dashboardRoutes],
});
