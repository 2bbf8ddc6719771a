import { defineModule } from '../../lib/module.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import type { RecordsService } from '../records/records.service.js';
import type { TasksService } from '../tasks/tasks.service.js';
import { DashboardService } from './dashboard.service.js';
import { IndicatorsService } from './indicators.service.js';
import { CompaniesService } from './companies.service.js';
import { dashboardRoutes } from './dashboard.routes.js';

export const dashboardModule = defineModule({
  name: 'dashboard',
  needs: ['campaigns', 'records', 'tasks'],
  services: (deps, use: { campaigns: CampaignsService; records: RecordsService; tasks: TasksService }) => ({
    dashboard: new DashboardService(deps, use),
    indicators: new IndicatorsService(deps, use),
    companies: new CompaniesService(deps, use),
  }),
  routes: [dashboardRoutes],
});
