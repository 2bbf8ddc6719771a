import { z } from 'zod';
import {
  branchBody,
  branchPatch,
  companyBody,
  companyPatch,
  departmentBody,
  departmentPatch,
  organisationPatch,
  partyGroupBody,
  partyGroupPatch,
  structureSchema,
  unitBody,
  unitPatch,
} from './org.js';
import { defineRoutes } from './route.js';
import { idParam, okSchema } from './shared.js';

const created = z.object({ id: z.number() });

/**
 * The organisation's structure. Each editable part (公司, 支部, 党小组, 部门, 基层单位) has its own
 * create and update route, so each is checked with its own body schema.
 */
export const orgApi = defineRoutes('org', {
  structure: { method: 'GET', path: '/org/structure', summary: '组织架构', response: structureSchema },
  updateOrganisation: {
    method: 'PATCH',
    path: '/org/organisation',
    summary: '修改单位名称',
    body: organisationPatch,
    response: okSchema,
  },
  createCompany: {
    method: 'POST',
    path: '/org/companies',
    summary: '新增公司',
    body: companyBody,
    response: created,
  },
  updateCompany: {
    method: 'PATCH',
    path: '/org/companies/:id',
    summary: '修改或停用公司',
    params: idParam,
    body: companyPatch,
    response: okSchema,
  },
  createBranch: {
    method: 'POST',
    path: '/org/branches',
    summary: '新增支部',
    body: branchBody,
    response: created,
  },
  updateBranch: {
    method: 'PATCH',
    path: '/org/branches/:id',
    summary: '修改或停用支部',
    params: idParam,
    body: branchPatch,
    response: okSchema,
  },
  createPartyGroup: {
    method: 'POST',
    path: '/org/party-groups',
    summary: '新增党小组',
    body: partyGroupBody,
    response: created,
  },
  updatePartyGroup: {
    method: 'PATCH',
    path: '/org/party-groups/:id',
    summary: '修改或停用党小组',
    params: idParam,
    body: partyGroupPatch,
    response: okSchema,
  },
  createDepartment: {
    method: 'POST',
    path: '/org/departments',
    summary: '新增部门/业务中心',
    body: departmentBody,
    response: created,
  },
  updateDepartment: {
    method: 'PATCH',
    path: '/org/departments/:id',
    summary: '修改或停用部门/业务中心',
    params: idParam,
    body: departmentPatch,
    response: okSchema,
  },
  createUnit: {
    method: 'POST',
    path: '/org/units',
    summary: '新增基层单位',
    body: unitBody,
    response: created,
  },
  updateUnit: {
    method: 'PATCH',
    path: '/org/units/:id',
    summary: '修改或停用基层单位',
    params: idParam,
    body: unitPatch,
    response: okSchema,
  },
});
