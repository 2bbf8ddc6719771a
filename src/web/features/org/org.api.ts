import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { organisationPatch, Structure } from '../../../common/api/org';
import { orgApi } from '../../../common/api/org.routes';
import type { RouteSpec } from '../../../common/api/route';
import { call } from '../../api/call';
import { meQueryKey } from '../auth/auth.api';

export const structureQueryKey = ['org', 'structure'] as const;

export type Company = Structure['companies'][number];
export type Branch = Structure['branches'][number];
export type PartyGroup = Structure['partyGroups'][number];
export type Department = Structure['departments'][number];
export type GrassrootsUnit = Structure['units'][number];

/** Branches, Party groups, departments and units: small, read everywhere, so fetched once. */
export function useStructure() {
  return useQuery({ queryKey: structureQueryKey, queryFn: () => call(orgApi.structure) });
}

/** The create and update routes of the editable parts: 公司, 支部, 党小组, 部门, 基层单位. */
type OrgCreate =
  | typeof orgApi.createCompany
  | typeof orgApi.createBranch
  | typeof orgApi.createPartyGroup
  | typeof orgApi.createDepartment
  | typeof orgApi.createUnit;
type OrgUpdate =
  | typeof orgApi.updateCompany
  | typeof orgApi.updateBranch
  | typeof orgApi.updatePartyGroup
  | typeof orgApi.updateDepartment
  | typeof orgApi.updateUnit;
/** One of them as the shared hooks call it: the body is checked by that route's own schema. */
type AnyBody<R extends RouteSpec> = Omit<R, 'body'> & { body: z.ZodType };

function useInvalidateOrg() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: structureQueryKey }),
      // People show branch and department names; member counts depend on people.
      client.invalidateQueries({ queryKey: ['people'] }),
    ]);
}

/** `useCreateOrgItem(orgApi.createBranch)`: the form's values typed by the route's body schema. */
export function useCreateOrgItem<R extends OrgCreate>(route: R) {
  const invalidate = useInvalidateOrg();
  const create: AnyBody<OrgCreate> = route;
  return useMutation({
    mutationFn: (body: z.input<R['body']>) => call(create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateOrgItem<R extends OrgUpdate>(route: R) {
  const invalidate = useInvalidateOrg();
  const update: AnyBody<OrgUpdate> = route;
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: z.input<R['body']> }) =>
      call(update, { params: { id }, body: patch }),
    onSuccess: invalidate,
  });
}

export function useUpdateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: z.input<typeof organisationPatch>) =>
      call(orgApi.updateOrganisation, { body: patch }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: structureQueryKey }),
        // The header shows the organisation name from "me".
        client.invalidateQueries({ queryKey: meQueryKey }),
      ]),
  });
}

/** Active items first, then by the server's order; inactive ones stay visible but sink. */
export function activeFirst<T extends { active: boolean }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Number(b.active) - Number(a.active));
}

/** Options for a select: active items, plus the current value even if it was deactivated since. */
export function pickable<T extends { id: number; active: boolean }>(
  items: readonly T[],
  current?: unknown,
): T[] {
  const currentIds = Array.isArray(current) ? current : [current];
  return items.filter((item) => item.active || currentIds.includes(item.id));
}
