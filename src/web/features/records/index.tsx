import { defineWebModule, lazyPage } from '../../app/module';
import { recordsMessages } from './records.messages';
import { recordFieldMessages } from './recordFields.messages';
import { meetingMessages } from './meeting.messages';

/** A record is opened from the workbench's cards, so its page sits in the workbench's area. */
export const recordsModule = defineWebModule({
  name: 'records',
  routes: [
    {
      path: '/workbench/records/:recordId',
      area: '/workbench',
      element: lazyPage(() => import('./RecordPage'), 'RecordPage'),
    },
  ],
  messages: { ...recordsMessages, ...recordFieldMessages, ...meetingMessages },
});
