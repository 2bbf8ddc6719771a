import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditEntrySchema } from '../../../common/api/audit';
import { auditApi } from '../../../common/api/audit.routes';
import { call } from '../../api/call';

export type AuditEntry = z.infer<typeof auditEntrySchema>;

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  /** Calendar days (YYYY-MM-DD), both inclusive. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () => call(auditApi.search, { query: filter }),
    placeholderData: keepPreviousData,
  });
}
