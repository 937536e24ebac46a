import { getRouteApi } from '@tanstack/react-router';
import { ReportStatus } from '../../api/schemas/report';
import { ReportList } from '../../features/reports/public';

const route = getRouteApi('/_signed-in/reports');

/** The CyberTipline reports, least complete first (analysts, supervisors; auditors read). */
export function ReportsRoute() {
  const status = ReportStatus.safeParse(route.useSearch().status).data;
  const navigate = route.useNavigate();
  return (
    <main className="flex flex-col gap-3 p-6">
      <h1 className="text-xl font-semibold">Reports</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        Confirmed items are gathered into CyberTipline drafts by incident: the same supplier,
        dataset and ingestion batch. A report is filed only once every field that lets law
        enforcement act is present, or explained as not available.
      </p>
      <ReportList
        status={status}
        onStatusChange={(next) => void navigate({ search: { status: next } })}
      />
    </main>
  );
}
