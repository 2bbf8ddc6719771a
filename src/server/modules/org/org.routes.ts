import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgApi } from '../../../common/api/org.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';
import type { OrgEntity } from './org.repo.js';

type Values = Record<string, unknown>;

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const orgRoutes: FastifyPluginAsyncZod = tableRoutes(orgApi, (app) => {
  const { org } = app.services;
  // The five editable parts share one create and one update in the service, by entity.
  const create = (entity: OrgEntity) => (request: FastifyRequest & { body: Values }) =>
    org.create(authed(request), entity, request.body);
  const update =
    (entity: OrgEntity) => async (request: FastifyRequest & { params: { id: number }; body: Values }) => {
      await org.update(authed(request), entity, request.params.id, request.body);
      return { ok: true as const };
    };
  return {
    structure: (request) => org.structure(authed(request)),
    updateOrganisation: async (request) => {
      await org.updateOrganisation(authed(request), request.body);
      return { ok: true as const };
    },
    createCompany: create('company'),
    updateCompany: update('company'),
    createBranch: create('branch'),
    updateBranch: update('branch'),
    createPartyGroup: create('partyGroup'),
    updatePartyGroup: update('partyGroup'),
    createDepartment: create('department'),
    updateDepartment: update('department'),
    createUnit: create('unit'),
    updateUnit: update('unit'),
  };
});
