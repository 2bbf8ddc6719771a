import { buildServices } from './lib/module.js';
import type { ServiceDeps } from './lib/service-deps.js';
import { healthModule } from './modules/health/index.js';
import { authModule } from './modules/auth/index.js';
import { ssoModule } from './modules/sso/index.js';
import { orgModule } from './modules/org/index.js';
import { peopleModule } from './modules/people/index.js';
import { directorySyncModule } from './modules/directory-sync/index.js';
import { usersModule } from './modules/users/index.js';
import { auditModule } from './modules/audit/index.js';
import { campaignsModule } from './modules/campaigns/index.js';
import { setupModule } from './modules/setup/index.js';
import { tasksModule } from './modules/tasks/index.js';
import { recordsModule } from './modules/records/index.js';
import { signalsModule } from './modules/signals/index.js';
import { evidenceModule } from './modules/evidence/index.js';
import { workbenchModule } from './modules/workbench/index.js';
import { dashboardModule } from './modules/dashboard/index.js';
import { fusionModule } from './modules/fusion/index.js';
import { signInModule } from './modules/sign-in/index.js';
import { revisionsModule } from './modules/revisions/index.js';
import { problemsModule } from './modules/problems/index.js';
import { settingsModule } from './modules/settings/index.js';
import { casesModule } from './modules/cases/index.js';
import { inboxModule } from './modules/inbox/index.js';
import { documentsModule } from './modules/documents/index.js';
import { ledgersModule } from './modules/ledgers/index.js';
import { publicityModule } from './modules/publicity/index.js';
import { notificationsModule } from './modules/notifications/index.js';

/**
 * Every server module, in the order they are built: a module comes after the modules whose
 * services it needs (buildServices stops the start if it does not). Adding a module is one line.
 */
export const serverModules = [
  healthModule,
  authModule,
  ssoModule,
  orgModule,
  peopleModule,
  directorySyncModule,
  usersModule,
  auditModule,
  campaignsModule,
  setupModule,
  tasksModule,
  recordsModule,
  evidenceModule,
  signalsModule,
  workbenchModule,
  dashboardModule,
  fusionModule,
  signInModule,
  notificationsModule,
  revisionsModule,
  problemsModule,
  settingsModule,
  casesModule,
  inboxModule,
  documentsModule,
  ledgersModule,
  publicityModule,
] as const;

export function createServices(deps: ServiceDeps) {
  return {
    config: deps.config,
    dbKind: deps.dbKind,
    db: deps.db,
    ...buildServices(deps, serverModules),
  };
}

export type Services = ReturnType<typeof createServices>;
