import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IntegritySignal } from '../../../common/api/signals';
import { http } from '../../api/client';

const key = (recordId: number) => ['records', 'signals', recordId] as const;

/** The record's integrity signals; reviewers only (the server refuses everyone else). */
export function useSignals(recordId: number, enabled: boolean) {
  return useQuery({
    queryKey: key(recordId),
    queryFn: () => http.get<{ items: IntegritySignal[] }>(`/records/${recordId}/signals`),
    enabled,
  });
}

export function useMarkSignal(recordId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (b: { id: number; status: 'verified' | 'doubtful'; note?: string }) =>
      http.post<IntegritySignal>(`/signals/${b.id}/mark`, { status: b.status, note: b.note ?? '' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: key(recordId) }),
  });
}
