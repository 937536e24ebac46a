import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { filingEndpoints } from './filing';
import { reportsKey } from './reports.queries';

/**
 * The documents a report's filings exchanged with NCMEC (supervisors and auditors). Keyed under
 * `reportsKey`, so every report change refreshes it, and by the report's version, which each filing
 * step moves on: a running filing's documents appear as its report is polled.
 */
export const filingDocumentsQueryOptions = (reportId: string, version: number) =>
  queryOptions({
    queryKey: [...reportsKey, 'documents', reportId, version],
    queryFn: ({ signal }) =>
      apiRequest(filingEndpoints.listFilingDocuments, { params: { reportId }, signal }),
  });
