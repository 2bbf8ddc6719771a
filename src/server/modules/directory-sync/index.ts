import { randomUUID } from 'node:crypto';
import { defineModule } from '../../lib/module.js';
import { DirectorySyncService } from './directory-sync.service.js';

/**
 * The nightly sync of people and departments from the company directory (LDAP / AD) into the
 * organisation; off unless LDAP_SYNC is set. Also run by hand: npm run admin -- ldap-sync.
 */
export const directorySyncModule = defineModule({
  name: 'directory-sync',
  needs: [],
  services: (deps) => ({ directorySync: new DirectorySyncService(deps) }),
  routes: [],
  job: ({ directorySync }) => {
    const holder = randomUUID();
    return {
      name: 'directory-sync',
      tick: () => directorySync.nightly(holder),
      release: () => directorySync.releaseNightly(holder),
    };
  },
});
