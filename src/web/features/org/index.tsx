import { defineWebModule, lazyPage } from '../../app/module';
import { orgMessages } from './org.messages';
import { peopleMessages } from './people.messages';
import { peopleImportMessages } from './peopleImport.messages';

/** The organisation page: the server's org and people modules (units, branches, members). */
export const orgModule = defineWebModule({
  name: 'org',
  nav: [{ path: '/org', labelKey: 'nav.org', roles: ['admin', 'committee', 'branch_secretary'] }],
  routes: [
    { path: '/org', area: '/org', element: lazyPage(() => import('./OrganisationPage'), 'OrganisationPage') },
  ],
  messages: { ...orgMessages, ...peopleMessages, ...peopleImportMessages },
});
