import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApproveManyResult, BranchMonth, ReviewGroup } from '../../../common/api/review';
import { http } from '../../api/client';

export const branchMonthKey = (branchId: number, periodKey: string) =>
  ['records', 'branch-month', branchId, periodKey] as const;

/** Branch-months with records waiting for the committee, the one waiting longest first. */
export function useReviewGroups(enabled: boolean) {
  return useQuery({
    queryKey: ['records', 'list', 'review-groups'],
    queryFn: () => http.get<{ items: ReviewGroup[] }>('/records/review-groups'),
    enabled,
  });
}

/** A branch's month in full, with what it handed in the month before. */
export function useBranchMonth(branchId: number, periodKey: string) {
  return useQuery({
    queryKey: branchMonthKey(branchId, periodKey),
    queryFn: () => http.get<BranchMonth>('/records/branch-month', { branchId, periodKey }),
  });
}

/** 全部通过: each record at the version the reviewer read; the answer says which went through. */
export function useApproveMany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { items: { id: number; version: number }[]; comment?: string }) =>
      http.post<ApproveManyResult>('/records/approve-many', body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['records'] });
      void client.invalidateQueries({ queryKey: ['workbench'] });
      void client.invalidateQueries({ queryKey: ['tasks'] });
      void client.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}
