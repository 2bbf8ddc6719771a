import { meSchema } from './auth.js';
import { defineRoutes } from './route.js';
import { setupBody } from './setup.js';

export const setupApi = defineRoutes('setup', {
  /** Answers "me": the new administrator is signed in straight away. */
  setup: { method: 'POST', path: '/setup', summary: '首次运行初始化', body: setupBody, response: meSchema },
});
