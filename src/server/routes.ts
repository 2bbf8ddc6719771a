import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthRoutes } from './modules/health/health.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { setupRoutes } from './modules/setup/setup.routes.js';
import { orgRoutes } from './modules/org/org.routes.js';
import { peopleRoutes } from './modules/people/people.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { campaignsRoutes } from './modules/campaigns/campaigns.routes.js';
import { tasksRoutes } from './modules/tasks/tasks.routes.js';
import { recordsRoutes } from './modules/records/records.routes.js';
import { evidenceRoutes } from './modules/evidence/evidence.routes.js';
import { workbenchRoutes } from './modules/workbench/workbench.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { signInRoutes } from './modules/sign-in/sign-in.routes.js';
import { revisionsRoutes } from './modules/revisions/revisions.routes.js';
import { problemsRoutes } from './modules/problems/problems.routes.js';
import { settingsRoutes } from './modules/settings/settings.routes.js';
import { casesRoutes } from './modules/cases/cases.routes.js';
import { inboxRoutes } from './modules/inbox/inbox.routes.js';
import { documentsRoutes } from './modules/documents/documents.routes.js';
import { ledgersRoutes } from './modules/ledgers/ledgers.routes.js';
import { peopleImportRoutes } from './modules/people/people-import.routes.js';
import { publicityRoutes } from './modules/publicity/publicity.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';

/** Every API feature, mounted under /api. */
export const routeModules: FastifyPluginAsyncZod[] = [
  healthRoutes,
  authRoutes,
  setupRoutes,
  orgRoutes,
  peopleRoutes,
  usersRoutes,
  auditRoutes,
  campaignsRoutes,
  tasksRoutes,
  recordsRoutes,
  evidenceRoutes,
  workbenchRoutes,
  dashboardRoutes,
  signInRoutes,
  revisionsRoutes,
  problemsRoutes,
  settingsRoutes,
  casesRoutes,
  inboxRoutes,
  documentsRoutes,
  ledgersRoutes,
  peopleImportRoutes,
  publicityRoutes,
  notificationsRoutes,
];
