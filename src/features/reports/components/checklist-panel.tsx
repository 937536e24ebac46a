import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { supplierReasonsQueryOptions } from '../../../api/endpoints/reports.queries';
import type { ActionabilityField } from '../../../api/schemas/report';
import { Button } from '../../../components/ui/button';
import {
  checklistProgress,
  isActionabilityField,
  type ReportChecklistEntry,
} from '../../../domain/report-checklist';
import { entryStateStyles } from '../model/report-labels';
import { TextField } from './fields';
import type { Update } from './report-sections';

const levelTitles = {
  required: 'Required: cannot be filed without',
  actionability: 'Actionability: present, or not available with a reason',
  recommended: 'Recommended',
} as const;

/**
 * The completeness checklist beside the form, live as the fields change: progress, each entry's
 * state, where missing data usually comes from, and for actionability entries the way to mark one
 * not available with a reason (reasons given before for this supplier are offered).
 */
export function ChecklistPanel({
  entries,
  supplierId,
  update,
  editable,
}: {
  entries: readonly ReportChecklistEntry[];
  supplierId: string;
  update: Update;
  editable: boolean;
}) {
  const progress = checklistProgress(entries);
  return (
    <aside aria-label="Completeness checklist" className="flex flex-col gap-3 text-sm">
      <h2 className="text-base font-semibold">Completeness</h2>
      <p>
        <span className="font-semibold">
          {progress.settled} of {progress.total}
        </span>{' '}
        required and actionability entries settled
      </p>
      <progress
        value={progress.settled}
        max={progress.total}
        aria-label="Completeness"
        className="h-2 w-full"
      />
      {(['required', 'actionability', 'recommended'] as const).map((level) => (
        <section key={level} aria-label={levelTitles[level]}>
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-700 uppercase">
            {levelTitles[level]}
          </h3>
          <ul className="flex flex-col gap-2">
            {entries
              .filter((e) => e.level === level)
              .map((entry) => (
                <ChecklistEntry
                  key={entry.id}
                  entry={entry}
                  supplierId={supplierId}
                  update={update}
                  editable={editable}
                />
              ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}

function ChecklistEntry({
  entry,
  supplierId,
  update,
  editable,
}: {
  entry: ReportChecklistEntry;
  supplierId: string;
  update: Update;
  editable: boolean;
}) {
  const style = entryStateStyles[entry.state];
  const explainable =
    isActionabilityField(entry.id) && entry.state !== 'present' && entry.state !== 'refused';
  return (
    <li className="rounded border border-slate-200 p-2" aria-label={entry.label}>
      <p className="flex justify-between gap-2">
        <span className="font-medium">{entry.label}</span>
        <span className={`shrink-0 font-semibold ${style.className}`}>
          {style.label}
          {entry.detail ? ` (${entry.detail})` : ''}
        </span>
      </p>
      {entry.state === 'refused' && (
        <>
          <ul aria-label={`What NCMEC refuses in “${entry.label}”`} className="text-xs">
            {entry.refusals.map((refusal) => (
              <li key={refusal}>{refusal}</li>
            ))}
          </ul>
          <p className="text-xs text-slate-700">
            NCMEC would refuse the report: correct or remove the value. It is saved as found, as
            evidence, but cannot be submitted, approved or filed.
          </p>
        </>
      )}
      {entry.state !== 'present' && entry.state !== 'refused' && (
        <p className="text-xs text-slate-700">{entry.hint}</p>
      )}
      {entry.id === 'file_viewed' && (
        <p className="text-xs text-slate-700">
          “Not viewed” is complete: it tells police they may need a warrant to open the file (
          <cite>United States v. Wilson</cite>, 9th Cir. 2021). Nobody needs to look to finish this
          report.
        </p>
      )}
      {explainable && isActionabilityField(entry.id) && (
        <NotAvailableReason
          field={entry.id}
          label={entry.label}
          reason={entry.reason}
          supplierId={supplierId}
          update={update}
          editable={editable}
        />
      )}
    </li>
  );
}

function NotAvailableReason({
  field,
  label,
  reason,
  supplierId,
  update,
  editable,
}: {
  field: ActionabilityField;
  label: string;
  reason: string | null;
  supplierId: string;
  update: Update;
  editable: boolean;
}) {
  const [open, setOpen] = useState(reason !== null);
  const reasons = useQuery({
    ...supplierReasonsQueryOptions(supplierId),
    enabled: open && editable,
  });
  const setReason = (text: string | null) =>
    update((f) => ({
      ...f,
      notAvailable: [
        ...f.notAvailable.filter((n) => n.field !== field),
        ...(text === null ? [] : [{ field, reason: text }]),
      ],
    }));
  if (!editable) {
    return reason ? <p className="mt-1 text-xs">Reason: {reason}</p> : null;
  }
  if (!open) {
    return (
      <Button variant="quiet" className="mt-1 px-1 text-xs" onClick={() => setOpen(true)}>
        Mark “{label}” not available
      </Button>
    );
  }
  const earlier = (reasons.data?.reasons ?? []).filter(
    (r) => r.field === field && r.reason !== reason,
  );
  return (
    <div className="mt-2 flex flex-col gap-1">
      <TextField
        label={`Why is “${label}” not available?`}
        value={reason ?? ''}
        onChange={(text) => setReason(text)}
        disabled={false}
        multiline
        maxLength={2000}
        hint="At least 10 characters. Kept with the supplier’s record."
      />
      {earlier.slice(0, 3).map((r) => (
        <Button
          key={r.reason}
          variant="quiet"
          className="self-start text-left text-xs"
          onClick={() => setReason(r.reason)}
        >
          Use the reason given in {r.reports} earlier {r.reports === 1 ? 'report' : 'reports'}: “
          {r.reason}”
        </Button>
      ))}
      <Button
        variant="quiet"
        className="self-start text-xs"
        onClick={() => {
          setReason(null);
          setOpen(false);
        }}
      >
        Clear the reason
      </Button>
    </div>
  );
}
