import {
  refusalSummary,
  refusedEntries,
  type ReportChecklistEntry,
} from '../../domain/report-checklist';
import { Refusal } from '../refusal';

/**
 * 409 `refused_by_ncmec` when the report holds a value NCMEC's rules refuse, listing each: it may
 * be saved (it is evidence) but not submitted, approved or filed.
 */
export function refuseNcmecRefused(entries: readonly ReportChecklistEntry[]) {
  if (refusedEntries(entries).length === 0) return;
  throw new Refusal(
    'conflict',
    'refused_by_ncmec',
    `NCMEC’s rules refuse values this report holds: ${refusalSummary(entries)}. Correct or remove each, or mark the field not available and say why.`,
  );
}
