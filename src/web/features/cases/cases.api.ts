import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { caseList } from '../../../common/api/cases';
import { http } from '../../api/client';

export type Case = z.infer<typeof caseList>['items'][number];

export function useCases() {
  return useQuery({
    queryKey: ['cases'],
    queryFn: () => http.get<{ items: Case[] }>('/cases'),
  });
}

/** The committee marks an approved optional action exemplary (典型案例), or takes the mark off. */
export function useMarkExemplary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { recordId: number; exemplary: boolean; note?: string }) =>
      http.post(`/records/${b.recordId}/exemplary`, { exemplary: b.exemplary, note: b.note }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['cases'] });
      await qc.invalidateQueries({ queryKey: ['records'] });
    },
  });
}
