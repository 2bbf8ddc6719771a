import { defineWebModule } from '../../app/module';
import { inboxMessages } from './inbox.messages';

/** What waits for each role: a card on other pages, no page of its own. */
export const inboxModule = defineWebModule({
  name: 'inbox',
  messages: inboxMessages,
});
