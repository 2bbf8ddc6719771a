import { defineModule } from '../../lib/module.js';
import { TasksService } from './tasks.service.js';
import { tasksRoutes } from './tasks.routes.js';

export const tasksModule = defineModule({
  name: 'tasks',
  needs: [],
  services: (deps) => ({
    tasks: new TasksService(deps),
  }),
  routes: [tasksRoutes],
});
