import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { filingEndpoints } from '../../../api/endpoints/filing';
import { reportEndpoints } from '../../../api/endpoints/reports';
import { invalidateReports, reportQueryOptions } from '../../../api/endpoints/reports.queries';
import type { Report } from '../../../api/schemas/report';
import type {
  FilingAction,
  ReportFileMove,
  ReportTransition,
  ReportUpdate,
} from '../../../api/schemas/report-workflow';

/**
 * Every change to a report: the server answers with the report as it now stands, which replaces
 * the cached one; the list is re-read for its completeness.
 */
function useReportMutation<Body>(reportId: string, send: (body: Body) => Promise<Report>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (report) => queryClient.setQueryData(reportQueryOptions(reportId).queryKey, report),
    onSettled: () => invalidateReports(queryClient),
  });
}

export const useSaveReport = (reportId: string) =>
  useReportMutation(reportId, (body: ReportUpdate) =>
    apiRequest(reportEndpoints.updateReport, { params: { reportId }, body }),
  );

export const useTransitionReport = (reportId: string) =>
  useReportMutation(reportId, (body: ReportTransition) =>
    apiRequest(reportEndpoints.transitionReport, { params: { reportId }, body }),
  );

export const useFileReport = (reportId: string) =>
  useReportMutation(reportId, (body: FilingAction) =>
    apiRequest(filingEndpoints.fileReport, { params: { reportId }, body }),
  );

export const useMoveFile = (reportId: string) =>
  useReportMutation(reportId, async (body: ReportFileMove) => {
    const { from } = await apiRequest(reportEndpoints.moveReportFile, {
      params: { reportId },
      body,
    });
    return from;
  });

/** A supplemental report: a new draft; the caller opens it. */
export function useCreateSupplemental(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest(reportEndpoints.createSupplementalReport, { params: { reportId } }),
    onSettled: () => invalidateReports(queryClient),
  });
}
