import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { caseList } from '../../../common/api/cases';
import { casesApi } from '../../../common/api/cases.routes';
import { call } from '../../api/call';

export type Case = z.infer<typeof caseList>['items'][number];

/** The exemplary cases, of every period or of one (YYYY-MM), filtered on the server. */
export function useCases(filter: { periodKey?: string } = {}) {
  return useQuery({
    queryKey: ['cases', filter],
    queryFn: () => call(casesApi.list, { query: filter }),
    // The previous month's cards stay while the next month loads, instead of a spinner flash.
    placeholderData: keepPreviousData,
  });
}

/** The committee marks an approved optional action exemplary (典型案例), or takes the mark off. */
export function useMarkExemplary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { recordId: number; exemplary: boolean; note?: string }) =>
      call(casesApi.mark, {
        params: { id: b.recordId },
        body: { exemplary: b.exemplary, note: b.note },
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['cases'] });
      await qc.invalidateQueries({ queryKey: ['records'] });
    },
  });
}
