import type { MessageTable } from '../../app/i18n/types';

export const inboxMessages = {
  'inbox.title': { zh: '待办事项', en: 'Waiting for you' },
} satisfies MessageTable;
