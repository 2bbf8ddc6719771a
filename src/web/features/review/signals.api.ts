import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { signalsApi } from '../../../common/api/signals.routes';
import { call } from '../../api/call';

const key = (recordId: number) => ['records', 'signals', recordId] as const;

/** The record's integrity signals; reviewers only (the server refuses everyone else). */
export function useSignals(recordId: number, enabled: boolean) {
  return useQuery({
    queryKey: key(recordId),
    queryFn: () => call(signalsApi.list, { params: { id: recordId } }),
    enabled,
  });
}

export function useMarkSignal(recordId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (b: { id: number; status: 'verified' | 'doubtful'; note?: string }) =>
      call(signalsApi.mark, { params: { id: b.id }, body: { status: b.status, note: b.note ?? '' } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: key(recordId) }),
  });
}

/** Open signals per record of a queue page; reviewers only. Records without any are absent. */
export function useSignalCounts(recordIds: number[], enabled: boolean) {
  const ids = recordIds.join(',');
  return useQuery({
    queryKey: ['records', 'signal-counts', ids],
    queryFn: () => call(signalsApi.counts, { query: { recordIds: ids } }),
    enabled: enabled && ids.length > 0,
    select: (d) => new Map(d.items.map((c) => [c.recordId, c.open])),
  });
}

/** A branch's signals over a campaign, for the committee's view of the branch profile. */
export function useBranchSignalCounts(branchId: number, campaignId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['records', 'signal-counts', 'branch', branchId, campaignId],
    queryFn: () => call(signalsApi.branchCounts, { params: { id: branchId }, query: { campaignId } }),
    enabled,
  });
}
