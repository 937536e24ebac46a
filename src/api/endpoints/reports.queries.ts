import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../client';
import type { Report } from '../schemas/report';
import type { ReportListQuery } from '../schemas/report-workflow';
import { reportEndpoints } from './reports';

/** Everything cached about reports starts with this key (their filing documents too). */
export const reportsKey = ['reports'] as const;

/** Whether a filing is under way on the server: the report page follows it. */
export const isFilingRunning = (report: Report | undefined) =>
  report?.status === 'filing' && report.filing?.state === 'running';

export const reportListQueryOptions = (query: Partial<ReportListQuery> = {}) =>
  queryOptions({
    queryKey: [...reportsKey, 'list', query],
    queryFn: ({ signal }) => apiRequest(reportEndpoints.listReports, { query, signal }),
  });

export const reportQueryOptions = (reportId: string) =>
  queryOptions({
    queryKey: [...reportsKey, 'one', reportId],
    queryFn: ({ signal }) =>
      apiRequest(reportEndpoints.getReport, { params: { reportId }, signal }),
    // While the server files it, its steps are read as they happen.
    refetchInterval: (query) => (isFilingRunning(query.state.data) ? 400 : false),
  });

export const supplierReasonsQueryOptions = (supplierId: string) =>
  queryOptions({
    queryKey: [...reportsKey, 'reasons', supplierId],
    queryFn: ({ signal }) =>
      apiRequest(reportEndpoints.listSupplierReasons, { params: { supplierId }, signal }),
    staleTime: 60_000,
  });

/** After any report change: the list's completeness and every open report are re-read. */
export const invalidateReports = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: reportsKey });
