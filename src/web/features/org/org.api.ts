import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  branchBody,
  branchPatch,
  departmentBody,
  departmentPatch,
  organisationPatch,
  partyGroupBody,
  partyGroupPatch,
  Structure,
  unitBody,
  unitPatch,
} from '../../../common/api/org';
import { http, type IdResult, type OkResult } from '../../api/client';
import { meQueryKey } from '../auth/auth.api';

export const structureQueryKey = ['org', 'structure'] as const;

export type Branch = Structure['branches'][number];
export type PartyGroup = Structure['partyGroups'][number];
export type Department = Structure['departments'][number];
export type GrassrootsUnit = Structure['units'][number];

/** Branches, Party groups, departments and units: small, read everywhere, so fetched once. */
export function useStructure() {
  return useQuery({ queryKey: structureQueryKey, queryFn: () => http.get<Structure>('/org/structure') });
}

/** Create and update bodies of each structure endpoint, as the forms send them. */
interface OrgBodies {
  branches: { create: z.input<typeof branchBody>; patch: z.input<typeof branchPatch> };
  'party-groups': { create: z.input<typeof partyGroupBody>; patch: z.input<typeof partyGroupPatch> };
  departments: { create: z.input<typeof departmentBody>; patch: z.input<typeof departmentPatch> };
  units: { create: z.input<typeof unitBody>; patch: z.input<typeof unitPatch> };
}
export type OrgEntity = keyof OrgBodies;

function useInvalidateOrg() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: structureQueryKey }),
      // People show branch and department names; member counts depend on people.
      client.invalidateQueries({ queryKey: ['people'] }),
    ]);
}

export function useCreateOrgItem<E extends OrgEntity>(entity: E) {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: (body: OrgBodies[E]['create']) => http.post<IdResult>(`/org/${entity}`, body),
    onSuccess: invalidate,
  });
}

export function useUpdateOrgItem<E extends OrgEntity>(entity: E) {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: OrgBodies[E]['patch'] }) =>
      http.patch<OkResult>(`/org/${entity}/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useUpdateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: z.input<typeof organisationPatch>) =>
      http.patch<OkResult>('/org/organisation', patch),
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
