import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { auditEndpoints } from './audit';
import type { AuditQuery } from '../schemas/audit';

export type AuditFilter = Omit<AuditQuery, 'offset' | 'limit'>;

export const AUDIT_PAGE_SIZE = 200;

/** One page of the (filtered) audit log, by position. */
export const auditPageQueryOptions = (filter: AuditFilter, page: number) =>
  queryOptions({
    queryKey: ['audit', 'page', filter, page],
    queryFn: ({ signal }) =>
      apiRequest(auditEndpoints.listAudit, {
        query: { ...filter, offset: page * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE },
        signal,
      }),
  });

/**
 * One event by its seq, from the unfiltered log (position seq − 1). Reading it is reading the
 * log: an event that carries a first verdict bars its reader as any page does.
 */
export const auditEventQueryOptions = (seq: number) =>
  queryOptions({
    queryKey: ['audit', 'event', seq],
    queryFn: async ({ signal }) => {
      const page = await apiRequest(auditEndpoints.listAudit, {
        query: { offset: seq - 1, limit: 1 },
        signal,
      });
      return page.events.find((event) => event.seq === seq) ?? null;
    },
  });
