import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ActionKind } from '../../../common/actions';
import type { Campaign } from '../../../common/api/campaigns';
import type {
  cellSchema,
  dueSchema,
  indicatorsSchema,
  matrixSchema,
  profileSchema,
  rankingSchema,
} from '../../../common/api/dashboard';
import type { RecordDetail } from '../../../common/api/records';
import { http } from '../../api/client';

export type Matrix = z.infer<typeof matrixSchema>;
export type MatrixCell = Matrix['cells'][number];
export type Cell = z.infer<typeof cellSchema>;
export type Ranking = z.infer<typeof rankingSchema>;
export type RankingRow = Ranking['rows'][number];
export type Indicators = z.infer<typeof indicatorsSchema>;
export type Profile = z.infer<typeof profileSchema>;
export type Due = z.infer<typeof dueSchema>;
export type Quality = NonNullable<RecordDetail['quality']>;
export const qualities: readonly Quality[] = ['excellent', 'good', 'fair', 'poor'];

/** Every query of this feature starts with this key, so a grade refreshes all figures at once. */
const root = 'dashboard';

export function useDashboardCampaigns() {
  return useQuery({
    queryKey: [root, 'campaigns'],
    queryFn: () => http.get<{ items: Campaign[] }>('/campaigns'),
  });
}

/** Which branches of the matrix to fetch: a page of `limit` from `offset`, after the name search. */
export interface MatrixPage {
  offset: number;
  limit: number;
  q?: string;
}

export function useMatrix(campaignId: number | undefined, kind: ActionKind | undefined, page: MatrixPage) {
  const { offset, limit, q } = page;
  return useQuery({
    queryKey: [root, 'matrix', campaignId, kind ?? null, offset, limit, q ?? null],
    queryFn: () => http.get<Matrix>('/dashboard/matrix', { campaignId, kind, offset, limit, q }),
    enabled: campaignId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCell(campaignId: number | undefined, at: { branchId: number; periodKey: string } | null) {
  return useQuery({
    queryKey: [root, 'cell', campaignId, at?.branchId, at?.periodKey],
    queryFn: () => http.get<Cell>('/dashboard/cell', { campaignId, ...at }),
    enabled: campaignId !== undefined && at !== null,
  });
}

export function useRanking(campaignId: number | undefined, periodKey: string | undefined) {
  return useQuery({
    queryKey: [root, 'ranking', campaignId, periodKey ?? null],
    queryFn: () => http.get<Ranking>('/dashboard/ranking', { campaignId, periodKey }),
    enabled: campaignId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useIndicators(campaignId: number | undefined, range: { from?: string; to?: string }) {
  return useQuery({
    queryKey: [root, 'indicators', campaignId, range.from ?? null, range.to ?? null],
    queryFn: () => http.get<Indicators>('/dashboard/indicators', { campaignId, ...range }),
    enabled: campaignId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useProfile(branchId: number, campaignId: number | undefined) {
  return useQuery({
    queryKey: [root, 'profile', branchId, campaignId],
    queryFn: () => http.get<Profile>(`/dashboard/branches/${branchId}`, { campaignId }),
    enabled: campaignId !== undefined,
  });
}

export function useDue(campaignId: number | undefined) {
  return useQuery({
    queryKey: [root, 'due', campaignId],
    queryFn: () => http.get<Due>('/dashboard/due', { campaignId, withinDays: 7 }),
    enabled: campaignId !== undefined,
  });
}

export function useRecordDetail(id: number | null) {
  return useQuery({
    queryKey: [root, 'record', id],
    queryFn: () => http.get<RecordDetail>(`/records/${id}`),
    enabled: id !== null,
    staleTime: 0,
  });
}

export interface GradeInput {
  quality: Quality | null;
  highlight: boolean;
  highlightNote?: string;
}

/** 质量评定/亮点 (committee, approved records). Scores, rankings and highlights all follow. */
export function useGradeRecord(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: GradeInput) => http.post<RecordDetail>(`/records/${id}/grade`, body),
    onSuccess: (detail) => {
      client.setQueryData([root, 'record', id], detail);
      void client.invalidateQueries({ queryKey: [root] });
      // The records pages keep their own copy of the record.
      void client.invalidateQueries({ queryKey: ['records'] });
    },
  });
}
