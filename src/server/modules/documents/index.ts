import { defineModule } from '../../lib/module.js';
import { DocumentsService, type DocumentsCollaborators } from './documents.service.js';
import { IssuedDocumentsService } from './issued.service.js';
import { documentFileRoutes, documentsRoutes } from './documents.routes.js';

export const documentsModule = defineModule({
  name: 'documents',
  needs: ['campaigns', 'records', 'tasks', 'indicators', 'dashboard', 'fusion'],
  services: (deps, use: DocumentsCollaborators) => {
    const documents = new DocumentsService(deps, use);
    return { documents, issuedDocuments: new IssuedDocumentsService(deps, { ...use, documents }) };
  },
  routes: [documentsRoutes, documentFileRoutes],
});
