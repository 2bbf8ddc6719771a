import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Person,
  personBody,
  personPatch,
  PostTerm,
  postTermBody,
  postTermPatch,
} from '../../../common/api/people';
import { http } from '../../api/client';
import { structureQueryKey } from './org.api';

export interface PeopleFilter {
  branchId?: number;
  q?: string;
  includeInactive?: boolean;
  limit: number;
  offset: number;
}

interface PeopleList {
  total: number;
  items: Person[];
}

/** The server limits the list to what the caller may see (a branch secretary: own branch). */
export function usePeople(filter: PeopleFilter, enabled = true) {
  return useQuery({
    queryKey: ['people', filter],
    queryFn: () =>
      http.get<PeopleList>('/people', {
        branchId: filter.branchId,
        q: filter.q,
        includeInactive: filter.includeInactive ? 'true' : undefined,
        limit: filter.limit,
        offset: filter.offset,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useInvalidatePeople() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['people'] }),
      // Member counts per branch are computed from people.
      client.invalidateQueries({ queryKey: structureQueryKey }),
    ]);
}

export function useCreatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (body: z.input<typeof personBody>) => http.post<Person>('/people', body),
    onSuccess: invalidate,
  });
}

export function useUpdatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: z.input<typeof personPatch> }) =>
      http.patch<Person>(`/people/${id}`, patch),
    onSuccess: invalidate,
  });
}

const postsKey = (personId: number) => ['people', personId, 'posts'] as const;

/** A person's posts (任职记录), the latest first. */
export function usePostTerms(personId: number | undefined) {
  return useQuery({
    queryKey: postsKey(personId ?? 0),
    queryFn: () => http.get<{ items: PostTerm[] }>(`/people/${personId}/posts`),
    enabled: personId !== undefined,
  });
}

/** Adds, corrects or removes a term; the roster's current post follows on the server. */
export function usePostTermChange(personId: number) {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (
      change:
        | { op: 'add'; body: z.input<typeof postTermBody> }
        | { op: 'edit'; termId: number; body: z.input<typeof postTermPatch> }
        | { op: 'remove'; termId: number },
    ) =>
      change.op === 'add'
        ? http.post<{ items: PostTerm[] }>(`/people/${personId}/posts`, change.body)
        : change.op === 'edit'
          ? http.patch<{ items: PostTerm[] }>(`/people/${personId}/posts/${change.termId}`, change.body)
          : http.delete<{ items: PostTerm[] }>(`/people/${personId}/posts/${change.termId}`),
    onSuccess: invalidate,
  });
}
