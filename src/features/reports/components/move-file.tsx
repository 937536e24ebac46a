import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { reportListQueryOptions } from '../../../api/endpoints/reports.queries';
import type { Report } from '../../../api/schemas/report';
import { Button } from '../../../components/ui/button';
import { ErrorState } from '../../../components/ui/error-state';
import { useMoveFile } from '../api/report-mutations';

/** Moves a file (every item with its bytes) to another open draft of the supplier, or a new one. */
export function MoveFile({
  report,
  sha256,
  index,
  disabled,
}: {
  report: Report;
  sha256: string;
  index: number;
  disabled: boolean;
}) {
  const [target, setTarget] = useState('new');
  const drafts = useQuery(
    reportListQueryOptions({ supplierId: report.incident.supplier.id, status: 'draft' }),
  );
  const move = useMoveFile(report.id);
  const others = (drafts.data?.reports ?? []).filter((r) => r.id !== report.id);
  return (
    <div className="flex flex-wrap items-end gap-2 border-t border-slate-100 pt-2">
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
        Move file {index + 1} to
        <select
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          <option value="new">A new draft</option>
          {others.map((r) => (
            <option key={r.id} value={r.id}>
              {r.id}: {r.incident.dataset?.name ?? 'no dataset'} ·{' '}
              {r.incident.batchId ?? 'no batch'}
            </option>
          ))}
        </select>
      </label>
      <Button
        disabled={disabled || move.isPending}
        onClick={() =>
          move.mutate({ version: report.version, sha256, to: target === 'new' ? null : target })
        }
      >
        Move file {index + 1}
      </Button>
      {disabled && <span className="text-xs text-slate-700">Save your changes first.</span>}
      {move.error && <ErrorState title="Not moved" error={move.error} />}
    </div>
  );
}
