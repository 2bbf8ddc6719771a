import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionKind } from '../../../common/actions';
import { campaignsApi } from '../../../common/api/campaigns.routes';
import { dashboardApi as api } from '../../../common/api/dashboard.routes';
import type { RecordDetail } from '../../../common/api/records';
import { recordsApi } from '../../../common/api/records.routes';
import type { RouteResponse } from '../../../common/api/route';
import { call } from '../../api/call';

export type Matrix = RouteResponse<typeof api.matrix>;
export type MatrixCell = Matrix['cells'][number];
export type Cell = RouteResponse<typeof api.cell>;
export type Ranking = RouteResponse<typeof api.ranking>;
export type RankingRow = Ranking['rows'][number];
export type Indicators = RouteResponse<typeof api.indicators>;
export type Companies = RouteResponse<typeof api.companies>;
export type CompanyRow = Companies['rows'][number];
export type Profile = RouteResponse<typeof api.profile>;
export type Due = RouteResponse<typeof api.due>;
export type Quality = NonNullable<RecordDetail['quality']>;
export const qualities: readonly Quality[] = ['excellent', 'good', 'fair', 'poor'];

/** Every query of this feature starts with this key, so a grade refreshes all figures at once. */
const root = 'dashboard';

export function useDashboardCampaigns() {
  return useQuery({
    queryKey: [root, 'campaigns'],
    queryFn: () => call(campaignsApi.list),
  });
}

/** Which branches of the matrix to fetch: a page of `limit` from `offset`, after the name search. */
export interface MatrixPage {
  offset: number;
  limit: number;
  q?: string;
  /** Only one company's branches (the group committee drilling down). */
  companyId?: number;
}

export function useMatrix(campaignId: number | undefined, kind: ActionKind | undefined, page: MatrixPage) {
  const { offset, limit, q, companyId } = page;
  return useQuery({
    queryKey: [root, 'matrix', campaignId, kind ?? null, offset, limit, q ?? null, companyId ?? null],
    queryFn: () =>
      call(api.matrix, { query: { campaignId: campaignId!, kind, offset, limit, q, companyId } }),
    enabled: campaignId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCell(campaignId: number | undefined, at: { branchId: number; periodKey: string } | null) {
  return useQuery({
    queryKey: [root, 'cell', campaignId, at?.branchId, at?.periodKey],
    queryFn: () => call(api.cell, { query: { campaignId: campaignId!, ...at! } }),
    enabled: campaignId !== undefined && at !== null,
  });
}

export function useRanking(
  campaignId: number | undefined,
  periodKey: string | undefined,
  companyId?: number,
) {
  return useQuery({
    queryKey: [root, 'ranking', campaignId, periodKey ?? null, companyId ?? null],
    queryFn: () => call(api.ranking, { query: { campaignId: campaignId!, periodKey, companyId } }),
    enabled: campaignId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useIndicators(
  campaignId: number | undefined,
  range: { from?: string; to?: string; companyId?: number },
) {
  return useQuery({
    queryKey: [root, 'indicators', campaignId, range.from ?? null, range.to ?? null, range.companyId ?? null],
    queryFn: () => call(api.indicators, { query: { campaignId: campaignId!, ...range } }),
    enabled: campaignId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The companies compared, for the group committee only (`enabled` where it may). */
export function useCompanies(
  campaignId: number | undefined,
  range: { from?: string; to?: string },
  enabled: boolean,
) {
  return useQuery({
    queryKey: [root, 'companies', campaignId, range.from ?? null, range.to ?? null],
    queryFn: () => call(api.companies, { query: { campaignId: campaignId!, ...range } }),
    enabled: enabled && campaignId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useProfile(branchId: number, campaignId: number | undefined) {
  return useQuery({
    queryKey: [root, 'profile', branchId, campaignId],
    queryFn: () => call(api.profile, { params: { id: branchId }, query: { campaignId: campaignId! } }),
    enabled: campaignId !== undefined,
  });
}

export function useDue(campaignId: number | undefined) {
  return useQuery({
    queryKey: [root, 'due', campaignId],
    queryFn: () => call(api.due, { query: { campaignId: campaignId!, withinDays: 7 } }),
    enabled: campaignId !== undefined,
  });
}

export function useRecordDetail(id: number | null) {
  return useQuery({
    queryKey: [root, 'record', id],
    queryFn: () => call(recordsApi.get, { params: { id: id! } }),
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
    mutationFn: (body: GradeInput) => call(recordsApi.grade, { params: { id }, body }),
    onSuccess: (detail) => {
      client.setQueryData([root, 'record', id], detail);
      void client.invalidateQueries({ queryKey: [root] });
      // The records pages keep their own copy of the record.
      void client.invalidateQueries({ queryKey: ['records'] });
    },
  });
}
