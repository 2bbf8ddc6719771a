import { defineModule } from '../../lib/module.js';
import { DocumentsService } from './documents.service.js';
import { IssuedDocumentsService } from './issued.service.js';
import { documentsRoutes } from './documents.routes.js';

export const documentsModule = defineModule({
  name: 'documents',
  needs: [],
  services: (deps) => ({
    documents: new DocumentsService(deps),
    issuedDocuments: new IssuedDocumentsService(deps),
  }),
  routes: [documentsRoutes],
});
