import type { ServiceDeps } from './lib/service-deps.js';
import { AuthService } from './modules/auth/auth.service.js';
import { SetupService } from './modules/setup/setup.service.js';
import { OrgService } from './modules/org/org.service.js';
import { PeopleService } from './modules/people/people.service.js';
import { PostTermsService } from './modules/people/post-terms.service.js';
import { UsersService } from './modules/users/users.service.js';
import { AuditService } from './modules/audit/audit.service.js';
import { CampaignsService } from './modules/campaigns/campaigns.service.js';
import { TasksService } from './modules/tasks/tasks.service.js';
import { RecordsService } from './modules/records/records.service.js';
import { ReviewService } from './modules/records/review.service.js';
import { EvidenceService } from './modules/evidence/evidence.service.js';
import { WorkbenchService } from './modules/workbench/workbench.service.js';
import { DashboardService } from './modules/dashboard/dashboard.service.js';
import { IndicatorsService } from './modules/dashboard/indicators.service.js';
import { SignInService } from './modules/sign-in/sign-in.service.js';
import { RevisionsService } from './modules/revisions/revisions.service.js';
import { ProblemsService } from './modules/problems/problems.service.js';
import { SettingsService } from './modules/settings/settings.service.js';
import { CasesService } from './modules/cases/cases.service.js';
import { InboxService } from './modules/inbox/inbox.service.js';
import { DocumentsService } from './modules/documents/documents.service.js';
import { IssuedDocumentsService } from './modules/documents/issued.service.js';
import { LedgersService } from './modules/ledgers/ledgers.service.js';
import { PeopleImportService } from './modules/people/people-import.service.js';
import { PublicityService } from './modules/publicity/publicity.service.js';
import { NotificationsService } from './modules/notifications/notifications.service.js';

export type { ServiceDeps };

export function createServices(deps: ServiceDeps) {
  return {
    config: deps.config,
    dbKind: deps.dbKind,
    db: deps.db,
    auth: new AuthService(deps),
    setup: new SetupService(deps),
    org: new OrgService(deps),
    people: new PeopleService(deps),
    postTerms: new PostTermsService(deps),
    users: new UsersService(deps),
    audit: new AuditService(deps),
    campaigns: new CampaignsService(deps),
    tasks: new TasksService(deps),
    records: new RecordsService(deps),
    review: new ReviewService(deps),
    evidence: new EvidenceService(deps),
    workbench: new WorkbenchService(deps),
    dashboard: new DashboardService(deps),
    indicators: new IndicatorsService(deps),
    signIn: new SignInService(deps),
    revisions: new RevisionsService(deps),
    problems: new ProblemsService(deps),
    settings: new SettingsService(deps),
    cases: new CasesService(deps),
    inbox: new InboxService(deps),
    documents: new DocumentsService(deps),
    issuedDocuments: new IssuedDocumentsService(deps),
    ledgers: new LedgersService(deps),
    peopleImport: new PeopleImportService(deps),
    publicity: new PublicityService(deps),
    notifications: new NotificationsService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
