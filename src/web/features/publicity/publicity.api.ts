import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PublicityItem } from '../../../common/api/publicity';
import { publicityApi } from '../../../common/api/publicity.routes';
import { call } from '../../api/call';

export type { PublicityItem };

export interface PublicityFilter {
  /** YYYY-MM */
  month?: string;
  channel?: string;
  branchId?: number;
}

/** The publicity register: the branches the user sees, filtered on the server. */
export function usePublicity(filter: PublicityFilter) {
  return useQuery({
    queryKey: ['publicity', filter],
    queryFn: () => call(publicityApi.list, { query: filter }),
    placeholderData: keepPreviousData,
  });
}
