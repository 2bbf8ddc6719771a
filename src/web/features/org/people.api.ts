import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { personBody, personPatch, postTermBody, postTermPatch } from '../../../common/api/people';
import { peopleApi } from '../../../common/api/people.routes';
import { call } from '../../api/call';
import { structureQueryKey } from './org.api';

export interface PeopleFilter {
  branchId?: number;
  q?: string;
  includeInactive?: boolean;
  limit: number;
  offset: number;
}

/** The server limits the list to what the caller may see (a branch secretary: own branch). */
export function usePeople(filter: PeopleFilter, enabled = true) {
  return useQuery({
    queryKey: ['people', filter],
    queryFn: () =>
      call(peopleApi.list, {
        query: {
          branchId: filter.branchId,
          q: filter.q,
          includeInactive: filter.includeInactive ? 'true' : undefined,
          limit: filter.limit,
          offset: filter.offset,
        },
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
    mutationFn: (body: z.input<typeof personBody>) => call(peopleApi.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: z.input<typeof personPatch> }) =>
      call(peopleApi.update, { params: { id }, body: patch }),
    onSuccess: invalidate,
  });
}

const postsKey = (personId: number) => ['people', personId, 'posts'] as const;

/** A person's posts (任职记录), the latest first. */
export function usePostTerms(personId: number | undefined) {
  return useQuery({
    queryKey: postsKey(personId ?? 0),
    queryFn: () => call(peopleApi.posts, { params: { id: personId! } }),
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
        ? call(peopleApi.addPost, { params: { id: personId }, body: change.body })
        : change.op === 'edit'
          ? call(peopleApi.editPost, { params: { id: personId, termId: change.termId }, body: change.body })
          : call(peopleApi.removePost, { params: { id: personId, termId: change.termId } }),
    onSuccess: invalidate,
  });
}
