import { commonMessages } from './common.messages';
import { navMessages } from './nav.messages';
import { authMessages } from '../../features/auth/auth.messages';
import { setupMessages } from '../../features/setup/setup.messages';
import { orgMessages } from '../../features/org/org.messages';
import { peopleMessages } from '../../features/org/people.messages';
import { usersMessages } from '../../features/users/users.messages';
import { auditMessages } from '../../features/audit/audit.messages';

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
};

export type MessageKey = keyof typeof messages;
