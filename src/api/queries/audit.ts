import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { endpoints } from '../endpoints';
import type { AuditQuery } from '../schemas/audit';

export type AuditFilter = Omit<AuditQuery, 'offset' | 'limit'>;

export const AUDIT_PAGE_SIZE = 200;

/** One page of the (filtered) audit log, by position. */
export const auditPageQueryOptions = (filter: AuditFilter, page: number) =>
  queryOptions({
    queryKey: ['audit', 'page', filter, page],
    queryFn: ({ signal }) =>
      apiRequest(endpoints.listAudit, {
        query: { ...filter, offset: page * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE },
        signal,
      }),
  });
