import { defineModule } from '../../lib/module.js';
import { SettingsService } from './settings.service.js';
import { settingsRoutes } from './settings.routes.js';

export const settingsModule = defineModule({
  name: 'settings',
  needs: [],
  services: (deps) => ({
    settings: new SettingsService(deps),
  }),
  routes: [settingsRoutes],
});
