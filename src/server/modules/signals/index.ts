import { defineModule } from '../../lib/module.js';
import { SignalsService } from './signals.service.js';
import { signalsRoutes } from './signals.routes.js';

export const signalsModule = defineModule({
  name: 'signals',
  needs: [],
  services: (deps) => ({ signals: new SignalsService(deps) }),
  routes: [signalsRoutes],
});
