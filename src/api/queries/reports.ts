import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { reportEndpoints } from '../report-endpoints';
import type { Report } from '../schemas/report';
import type { ReportListQuery } from '../schemas/report-workflow';

/** Whether a filing is under way on the server: the report page follows it. */
export const isFilingRunning = (report: Report | undefined) =>
  report?.status === 'filing' && report.filing?.state === 'running';

export const reportListQueryOptions = (query: Partial<ReportListQuery> = {}) =>
  queryOptions({
    queryKey: ['reports', 'list', query],
    queryFn: ({ signal }) => apiRequest(reportEndpoints.listReports, { query, signal }),
  });

export const reportQueryOptions = (reportId: string) =>
  queryOptions({
    queryKey: ['reports', 'one', reportId],
    queryFn: ({ signal }) =>
      apiRequest(reportEndpoints.getReport, { params: { reportId }, signal }),
    // While the server files it, its steps are read as they happen.
    refetchInterval: (query) => (isFilingRunning(query.state.data) ? 400 : false),
  });

export const supplierReasonsQueryOptions = (supplierId: string) =>
  queryOptions({
    queryKey: ['reports', 'reasons', supplierId],
    queryFn: ({ signal }) =>
      apiRequest(reportEndpoints.listSupplierReasons, { params: { supplierId }, signal }),
    staleTime: 60_000,
  });

/** After any report change: the list's completeness and every open report are re-read. */
export const invalidateReports = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: ['reports'] });
