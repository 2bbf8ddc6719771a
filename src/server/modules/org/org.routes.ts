import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  branchBody,
  branchPatch,
  departmentBody,
  departmentPatch,
  organisationPatch,
  partyGroupBody,
  partyGroupPatch,
  structureSchema,
  unitBody,
  unitPatch,
} from '../../../common/api/org.js';
import { idParam, okSchema } from '../../../common/api/shared.js';
import { authed } from '../auth/auth.hooks.js';
import type { OrgEntity } from './org.repo.js';

const created = z.object({ id: z.number() });

/** Each editable part of the organisation: URL segment, entity, create and patch schemas. */
const editable: [string, OrgEntity, z.ZodObject, z.ZodObject, string][] = [
  ['branches', 'branch', branchBody, branchPatch, '支部'],
  ['party-groups', 'partyGroup', partyGroupBody, partyGroupPatch, '党小组'],
  ['departments', 'department', departmentBody, departmentPatch, '部门/业务中心'],
  ['units', 'unit', unitBody, unitPatch, '基层单位'],
];

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const { org } = app.services;

  app.get(
    '/org/structure',
    { schema: { tags: ['org'], summary: '组织架构', response: { 200: structureSchema } } },
    async (request) => org.structure(authed(request)),
  );

  app.patch(
    '/org/organisation',
    {
      schema: {
        tags: ['org'],
        summary: '修改单位名称',
        body: organisationPatch,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await org.updateOrganisation(authed(request), request.body);
      return { ok: true as const };
    },
  );

  for (const [segment, entity, createSchema, patchSchema, label] of editable) {
    app.post(
      `/org/${segment}`,
      { schema: { tags: ['org'], summary: `新增${label}`, body: createSchema, response: { 200: created } } },
      async (request) => org.create(authed(request), entity, request.body as Record<string, unknown>),
    );
    app.patch(
      `/org/${segment}/:id`,
      {
        schema: {
          tags: ['org'],
          summary: `修改或停用${label}`,
          params: idParam,
          body: patchSchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await org.update(authed(request), entity, request.params.id, request.body as Record<string, unknown>);
        return { ok: true as const };
      },
    );
  }
};
