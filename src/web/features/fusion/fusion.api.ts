import { useQuery } from '@tanstack/react-query';
import { fusionApi } from '../../../common/api/fusion.routes';
import { call } from '../../api/call';

/** 融合成效 of a campaign: every branch the caller may see, or one branch. */
export function useFusion(q: { campaignId?: number; branchId?: number; from?: string; to?: string }) {
  return useQuery({
    // Under the dashboard's key, so a grade or a follow-up that refreshes the figures refreshes these.
    queryKey: ['dashboard', 'fusion', q],
    queryFn: () =>
      call(fusionApi.figures, {
        query: { campaignId: q.campaignId!, branchId: q.branchId, from: q.from, to: q.to },
      }),
    enabled: q.campaignId !== undefined,
    retry: false,
  });
}

/** The review screen's side: the record's effect and its branch's same action in the three months before. */
export function useReviewContext(recordId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['records', 'review-context', recordId],
    queryFn: () => call(fusionApi.reviewContext, { params: { id: recordId } }),
    enabled,
  });
}
