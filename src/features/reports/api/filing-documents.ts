import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { reportEndpoints } from '../../../api/report-endpoints';

/**
 * The documents a report's filings exchanged with NCMEC (supervisors and auditors). Keyed under
 * `reports`, so every report change refreshes it, and by the report's version, which each filing
 * step moves on: a running filing's documents appear as its report is polled.
 */
export const filingDocumentsQueryOptions = (reportId: string, version: number) =>
  queryOptions({
    queryKey: ['reports', 'documents', reportId, version],
    queryFn: ({ signal }) =>
      apiRequest(reportEndpoints.listFilingDocuments, { params: { reportId }, signal }),
  });

export const useFilingDocuments = (reportId: string, version: number, enabled: boolean) =>
  useQuery({ ...filingDocumentsQueryOptions(reportId, version), enabled });
