import { defineModule } from '../../lib/module.js';
import { PeopleService } from './people.service.js';
import { PostTermsService } from './post-terms.service.js';
import { PeopleImportService } from './people-import.service.js';
import { peopleRoutes } from './people.routes.js';
import { peopleImportRoutes } from './people-import.routes.js';

export const peopleModule = defineModule({
  name: 'people',
  needs: [],
  services: (deps) => ({
    people: new PeopleService(deps),
    postTerms: new PostTermsService(deps),
    peopleImport: new PeopleImportService(deps),
  }),
  routes: [peopleRoutes, peopleImportRoutes],
});
