import type { ReportStatus } from '../../../api/schemas/report';
import type { EntryState } from '../../../domain/report-checklist';

/** A report's status, as a `Badge`. */
export const reportStatusStyles: Record<ReportStatus, { label: string; className: string }> = {
  draft: { label: 'Draft', className: 'bg-slate-100 text-slate-800 font-medium' },
  in_review: { label: 'In review', className: 'bg-violet-100 text-violet-900 font-medium' },
  approved: { label: 'Approved', className: 'bg-sky-100 text-sky-900 font-medium' },
  filing: { label: 'Filing', className: 'bg-amber-100 text-amber-900 font-medium' },
  filed: { label: 'Filed', className: 'bg-emerald-100 text-emerald-900 font-medium' },
  rejected: { label: 'Rejected', className: 'bg-red-100 text-red-900 font-medium' },
  retracted: { label: 'Retracted', className: 'bg-slate-200 text-slate-800 font-medium' },
};

export const entryStateStyles: Record<EntryState, { label: string; className: string }> = {
  present: { label: 'Present', className: 'text-emerald-800' },
  refused: { label: 'Refused by NCMEC', className: 'text-red-800' },
  not_available: { label: 'Not available', className: 'text-amber-900' },
  deferred: { label: 'Set at approval', className: 'text-slate-700' },
  missing: { label: 'Missing', className: 'text-red-800' },
};

/** An instant as the console shows times: UTC, to the minute. */
export const utcMinute = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
