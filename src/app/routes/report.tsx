import { useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { reportQueryOptions } from '../../api/endpoints/reports.queries';
import { Badge } from '../../components/ui/badge';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { ReportEditor, reportStatusStyles } from '../../features/reports/public';

const route = getRouteApi('/_signed-in/reports/$reportId');

/** One report: its CyberTipline fields, the checklist, review and filing. */
export function ReportRoute() {
  const { reportId } = route.useParams();
  const { user } = route.useRouteContext();
  const report = useQuery(reportQueryOptions(reportId));
  if (report.isPending) return <LoadingState label="Loading the report…" />;
  if (report.isError) {
    return (
      <main className="p-6">
        <ErrorState
          title={`Could not load report ${reportId}`}
          error={report.error}
          onRetry={() => void report.refetch()}
        />
      </main>
    );
  }
  const { data } = report;
  return (
    <main className="flex flex-col gap-4 p-6">
      <header className="flex flex-col gap-1">
        <p className="text-sm">
          <Link to="/reports" className="text-sky-800 underline">
            Reports
          </Link>
        </p>
        <h1 className="flex items-center gap-3 text-xl font-semibold">
          Report {data.id}
          <Badge {...reportStatusStyles[data.status]} size="large" />
        </h1>
        <p className="text-sm text-slate-700">
          {data.incident.supplier.name} ·{' '}
          {data.incident.dataset
            ? `${data.incident.dataset.name} ${data.incident.dataset.version ?? '(no version)'}`
            : 'no dataset'}{' '}
          · batch {data.incident.batchId ?? 'unknown'}
        </p>
        {data.priorReport && (
          <p className="text-sm">
            Supplemental to{' '}
            <Link
              to="/reports/$reportId"
              params={{ reportId: data.priorReport.id }}
              className="text-sky-800 underline"
            >
              report {data.priorReport.id}
            </Link>{' '}
            (NCMEC {data.priorReport.ncmecReportId}). It carries only what is new: none of the files
            that report sent. NCMEC is told which report it follows (<code>priorCTReports</code>{' '}
            with the reported person, and its additional information).
          </p>
        )}
        {data.review && (
          <p className="text-sm">
            {data.review.outcome === 'approved' ? 'Approved' : 'Rejected'} by {data.review.by.name}
            {data.review.comment ? `: “${data.review.comment}”` : '.'}
          </p>
        )}
        {data.status === 'filed' && <p className="text-sm">Filed reports are read-only.</p>}
      </header>
      <ReportEditor key={data.id} report={data} user={user} />
    </main>
  );
}
