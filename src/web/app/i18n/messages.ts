import { commonMessages } from './common.messages';
import { navMessages } from './nav.messages';
import { authMessages } from '../../features/auth/auth.messages';
import { setupMessages } from '../../features/setup/setup.messages';
import { orgMessages } from '../../features/org/org.messages';
import { peopleMessages } from '../../features/org/people.messages';
import { usersMessages } from '../../features/users/users.messages';
import { auditMessages } from '../../features/audit/audit.messages';
import { recordsMessages } from '../../features/records/records.messages';
import { recordFieldMessages } from '../../features/records/recordFields.messages';
import { meetingMessages } from '../../features/records/meeting.messages';
import { workbenchMessages } from '../../features/workbench/workbench.messages';
import { reviewMessages } from '../../features/review/review.messages';
import { campaignsMessages } from '../../features/campaigns/campaigns.messages';
import { dashboardMessages } from '../../features/dashboard/dashboard.messages';
import { problemsMessages } from '../../features/problems/problems.messages';
import { revisionsMessages } from '../../features/revisions/revisions.messages';
import { signinMessages } from '../../features/signin/signin.messages';
import { inboxMessages } from '../../features/inbox/inbox.messages';
import { documentsMessages } from '../../features/reports/documents.messages';
import { issuedMessages } from '../../features/reports/issued.messages';
import { ledgersMessages } from '../../features/reports/ledgers.messages';
import { peopleImportMessages } from '../../features/org/peopleImport.messages';
import { publicityMessages } from '../../features/publicity/publicity.messages';
import { casesMessages } from '../../features/cases/cases.messages';
import { notificationsMessages } from '../../features/notifications/notifications.messages';

/** The whole dictionary. Each feature keeps its own texts; keys are prefixed by feature. */
export const messages = {
  ...commonMessages,
  ...navMessages,
  ...authMessages,
  ...setupMessages,
  ...orgMessages,
  ...peopleMessages,
  ...usersMessages,
  ...auditMessages,
  ...recordsMessages,
  ...recordFieldMessages,
  ...meetingMessages,
  ...workbenchMessages,
  ...reviewMessages,
  ...campaignsMessages,
  ...dashboardMessages,
  ...problemsMessages,
  ...revisionsMessages,
  ...signinMessages,
  ...inboxMessages,
  ...documentsMessages,
  ...issuedMessages,
  ...ledgersMessages,
  ...peopleImportMessages,
  ...publicityMessages,
  ...casesMessages,
  ...notificationsMessages,
};

export type MessageKey = keyof typeof messages;
