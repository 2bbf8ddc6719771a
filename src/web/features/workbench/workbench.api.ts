import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Workbench } from '../../../common/api/workbench';
import { recordsApi } from '../../../common/api/records.routes';
import { workbenchApi } from '../../../common/api/workbench.routes';
import { call } from '../../api/call';

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
    queryFn: () => call(workbenchApi.get, { query: params }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export interface MonthPlace {
  campaignId: number;
  branchId: number;
  periodKey: string;
}

/** 提交本月: every draft of the branch-month, each submitted on its own; the answer is per record. */
export function useSubmitMonth() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (place: MonthPlace) => call(recordsApi.submitMonth, { body: place }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['records'] });
      void client.invalidateQueries({ queryKey: ['workbench'] });
      void client.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}
