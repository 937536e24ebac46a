import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { reportListQueryOptions } from '../../../api/endpoints/reports.queries';
import { ReportStatus } from '../../../api/schemas/report';
import type { ReportSummary } from '../../../api/schemas/report-workflow';
import { Badge } from '../../../components/ui/badge';
import { DataTable } from '../../../components/ui/data-table';

import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { SelectField } from '../../../components/ui/select-field';
import { daysUntil, preservationDueSoon } from '../../../domain/preservation';
import { countOf } from '../../../lib/count-of';
import { useNow } from '../../../lib/use-now';
import { reportStatusStyles, utcMinute } from '../model/report-labels';

/**
 * Every report: filed reports whose preservation ends within 30 days first, then the least
 * complete; what each covers, its status (a filed one's preservation deadline), how much of its
 * checklist is settled and what blocks it.
 */
export function ReportList({
  status,
  onStatusChange,
}: {
  status: ReportStatus | undefined;
  onStatusChange: (status: ReportStatus | undefined) => void;
}) {
  const list = useQuery(reportListQueryOptions(status ? { status } : {}));
  const now = useNow(60_000);
  return (
    <div className="flex flex-col gap-3">
      <SelectField
        label="Status"
        layout="inline"
        value={status ?? ''}
        options={[
          { value: '', label: 'Any' },
          ...ReportStatus.options.map((s) => ({ value: s, label: reportStatusStyles[s].label })),
        ]}
        onChange={(chosen) => onStatusChange(chosen || undefined)}
      />
      {list.isPending && <LoadingState label="Loading reports…" />}
      {list.isError && (
        <ErrorState
          title="Could not load the reports"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      )}
      {list.data && (
        <>
          <p className="text-sm text-slate-700">
            {list.data.total === 0
              ? 'No reports: confirmed items are gathered into drafts here.'
              : `${countOf(list.data.total, 'report')}${list.data.total > list.data.reports.length ? `, the first ${list.data.reports.length} shown` : ''}. Filed reports whose preservation ends within 30 days come first, then the least complete.`}
          </p>
          <DataTable
            caption="Reports: preservation ending within 30 days first, then the least complete"
            head={[
              'Report',
              'Incident',
              'Status',
              'Files',
              'Completeness',
              'Blocked by',
              'Updated',
            ]}
          >
            {list.data.reports.map((r) => {
              const { settled, total, blockers } = r.completeness;
              return (
                <tr key={r.id} className="border-b border-slate-100 align-top">
                  <td className="py-1.5 pr-3">
                    <Link
                      to="/reports/$reportId"
                      params={{ reportId: r.id }}
                      className="text-sky-800 underline"
                    >
                      {r.id}
                    </Link>
                    {r.priorReport && (
                      <span className="block text-xs text-slate-700">
                        supplemental to {r.priorReport.id}
                      </span>
                    )}
                  </td>
                  <td className="pr-3">
                    {r.incident.supplier.name}
                    <span className="block text-xs text-slate-700">
                      {r.incident.dataset
                        ? `${r.incident.dataset.name} ${r.incident.dataset.version ?? '(no version)'}`
                        : 'No dataset'}{' '}
                      · {r.incident.batchId ?? 'no batch'}
                    </span>
                  </td>
                  <td className="pr-3">
                    <Badge {...reportStatusStyles[r.status]} />
                    {r.filed && <PreserveUntil filed={r.filed} now={now} />}
                  </td>
                  <td className="pr-3">
                    {countOf(r.fileCount, 'file')} from {countOf(r.itemCount, 'item')}
                  </td>
                  <td className="pr-3">
                    <span className="sr-only">
                      {settled} of {total} settled
                    </span>
                    <span aria-hidden="true">
                      {settled}/{total}
                    </span>
                    <meter
                      min={0}
                      max={total}
                      value={settled}
                      aria-hidden="true"
                      className="ml-2 w-16 align-middle"
                    />
                  </td>
                  <td className="pr-3">
                    {blockers.length === 0 ? 'Nothing' : blockers.map((b) => b.label).join(', ')}
                  </td>
                  <td>{utcMinute(r.updatedAt)}</td>
                </tr>
              );
            })}
          </DataTable>
        </>
      )}
    </div>
  );
}

/** A filed report's NCMEC id and preservation deadline, marked when it ends within 30 days. */
function PreserveUntil({ filed, now }: { filed: NonNullable<ReportSummary['filed']>; now: Date }) {
  const days = daysUntil(filed.preservationDeadline, now);
  const soon = preservationDueSoon(filed.preservationDeadline, now);
  return (
    <span className="block text-xs">
      NCMEC {filed.ncmecReportId}
      <span className={`block ${soon ? 'font-semibold text-amber-900' : ''}`}>
        Preserve until {filed.preservationDeadline.slice(0, 10)}
        {soon && (days < 0 ? ' (ended)' : ` (${days} days left)`)}
      </span>
    </span>
  );
}
