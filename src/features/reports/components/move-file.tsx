import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { reportListQueryOptions } from '../../../api/endpoints/reports.queries';
import type { Report } from '../../../api/schemas/report';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
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
      <SelectField
        label={`Move file ${index + 1} to`}
        value={target}
        options={[
          { value: 'new', label: 'A new draft' },
          ...others.map((r) => ({
            value: r.id,
            label: `${r.id}: ${r.incident.dataset?.name ?? 'no dataset'} · ${r.incident.batchId ?? 'no batch'}`,
          })),
        ]}
        onChange={setTarget}
      />
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
