import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { recordsApi } from '../../../common/api/records.routes';
import { call } from '../../api/call';

export const branchMonthKey = (branchId: number, periodKey: string) =>
  ['records', 'branch-month', branchId, periodKey] as const;

/** Branch-months with records waiting for the committee, the one waiting longest first. */
export function useReviewGroups(enabled: boolean) {
  return useQuery({
    queryKey: ['records', 'list', 'review-groups'],
    queryFn: () => call(recordsApi.reviewGroups),
    enabled,
  });
}

/** A branch's month in full, with what it handed in the month before. */
export function useBranchMonth(branchId: number, periodKey: string) {
  return useQuery({
    queryKey: branchMonthKey(branchId, periodKey),
    queryFn: () => call(recordsApi.branchMonth, { query: { branchId, periodKey } }),
  });
}

/** 全部通过: each record at the version the reviewer read; the answer says which went through. */
export function useApproveMany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { items: { id: number; version: number }[]; comment?: string }) =>
      call(recordsApi.approveMany, { body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['records'] });
      void client.invalidateQueries({ queryKey: ['workbench'] });
      void client.invalidateQueries({ queryKey: ['tasks'] });
      void client.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}
