import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Workbench } from '../../../common/api/workbench';
import { http } from '../../api/client';

export type WorkbenchCard = Workbench['cards'][number];

export interface WorkbenchParams {
  campaignId?: number;
  branchId?: number;
  periodKey?: string;
}

/**
 * This period's cards of a branch. Without parameters the server picks the latest active
 * campaign, the user's own branch and the current month (or the last month of a past campaign).
 */
export function useWorkbench(params: WorkbenchParams) {
  return useQuery({
    queryKey: ['workbench', params],
    queryFn: () => http.get<Workbench>('/workbench', { ...params }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
