import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { reportListQueryOptions } from '../../../api/endpoints/reports.queries';
import { reportStatusStyles } from '../model/report-labels';

/** The reports an item is part of, for its page: a confirmed item's way to its report. */
export function ItemReports({ itemId }: { itemId: string }) {
  const reports = useQuery(reportListQueryOptions({ itemId }));
  if (!reports.data || reports.data.reports.length === 0) return null;
  return (
    <section aria-label="Reports" className="mt-6">
      <h2 className="mb-2 text-base font-semibold">In reports</h2>
      <ul className="flex flex-col gap-1 text-sm">
        {reports.data.reports.map((r) => (
          <li key={r.id}>
            <Link
              to="/reports/$reportId"
              params={{ reportId: r.id }}
              className="text-sky-800 underline"
            >
              Report {r.id}
            </Link>{' '}
            · {reportStatusStyles[r.status].label}
            {r.filed ? ` · NCMEC ${r.filed.ncmecReportId}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
