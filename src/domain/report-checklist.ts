import {
  NOT_AVAILABLE_REASON_MIN,
  type ActionabilityField,
  type Report,
  type ReportEditable,
} from '../api/schemas/report';
import type { ReportFile } from '../api/schemas/report-file';
import type { CybertiplineField, SourceDetailsPart } from './cybertipline-fields';
import type { ChecklistLevel } from './provenance-checklist';
import { entryRefusals } from './report-checklist-refusals';
import { rules } from './report-checklist-rules';

/**
 * The report completeness checklist: a pure function of the report, read by the report editor
 * (live, as fields change), the report list (sorting, what blocks) and the mock server (which
 * refuses submitting, approval and filing while something blocks). Its entries are in
 * `report-checklist-rules.ts`, the values of each that NCMEC's rules refuse in
 * `report-checklist-refusals.ts`; docs/report-completeness.md says why each.
 *
 * - `required`: the report cannot be filed without it;
 * - `actionability`: present, or marked *not available* with a written reason;
 * - `recommended`: helps law enforcement, never blocks;
 * - at every level, a value NCMEC's rules refuse (`ncmec-value-rules.ts`) blocks: the entry is
 *   *refused*, naming the rule. Saving keeps such a value (it is evidence); it cannot be sent.
 */
export type ReportSection =
  'incident' | 'reporter' | 'internet' | 'person' | 'files' | 'additional';

export type EntryState =
  /** Filled in. */
  | 'present'
  /** Filled in, but NCMEC's rules refuse a value: it blocks at every level. */
  | 'refused'
  /** Missing, explained with a reason (actionability entries only). */
  | 'not_available'
  /** Filled in by the workflow itself: the reporter, at approval. */
  | 'deferred'
  | 'missing';

/** Every fact but the parts of `source_details` an item shows apart (`cybertipline-fields.ts`). */
export type ReportEntryId = Exclude<CybertiplineField, SourceDetailsPart>;

export interface ReportChecklistEntry {
  id: ReportEntryId;
  label: string;
  section: ReportSection;
  level: ChecklistLevel;
  /** Where it goes in the CyberTipline report (XSD path). */
  xsdPath: string;
  state: EntryState;
  /** For a missing entry: where a training-data pipeline usually gets it. */
  hint: string;
  /** For per-file entries: how many files lack it, e.g. "2 of 5 files". */
  detail: string | null;
  /** The reason given, when marked not available. */
  reason: string | null;
  /** When refused: each value NCMEC refuses, as "where: the rule" in NCMEC's words. */
  refusals: string[];
}

/** What the checklist reads: the editable fields (possibly unsaved) and the workflow's own. */
export type ChecklistInput = Omit<ReportEditable, 'files'> &
  Pick<Report, 'incident' | 'reporter'> & { files: readonly ChecklistFile[] };
export type ChecklistFile = ReportEditable['files'][number] &
  Pick<
    ReportFile,
    'originalFileHash' | 'uploadedToEspTimestamp' | 'hashDetails' | 'otherLocations'
  >;

const byId = new Map(rules.map((rule) => [rule.id, rule]));

export const isActionabilityField = (id: ReportEntryId): id is ActionabilityField =>
  byId.get(id)?.level === 'actionability' && id !== 'file_viewed';

/** Every entry, in report order, with its state as of `now`. */
export function reportChecklist(report: ChecklistInput, now: Date): ReportChecklistEntry[] {
  return rules.map(({ check, ...rule }) => {
    const result = check(report, now.getTime());
    const present = result === true;
    const detail = typeof result === 'object' ? `${result.lacking} of ${result.of} files` : null;
    const refusals = entryRefusals[rule.id]?.(report, now) ?? [];
    const reason = isActionabilityField(rule.id)
      ? (report.notAvailable.find((n) => n.field === rule.id)?.reason ?? null)
      : null;
    let state: EntryState = 'missing';
    if (refusals.length > 0) state = 'refused';
    else if (present) state = 'present';
    else if (
      rule.level === 'actionability' &&
      (reason?.trim().length ?? 0) >= NOT_AVAILABLE_REASON_MIN
    )
      state = 'not_available';
    else if (rule.id === 'reporter_email') state = 'deferred';
    return {
      ...rule,
      state,
      detail: present ? null : detail,
      reason: present ? null : reason,
      refusals,
    };
  });
}

/** The entries holding a value NCMEC's rules refuse: submitting, approving and filing stop at them. */
export const refusedEntries = (entries: readonly ReportChecklistEntry[]) =>
  entries.filter((e) => e.state === 'refused');

/** "Label (where: rule; …)" for each refused entry: what a refusal lists. */
export const refusalSummary = (entries: readonly ReportChecklistEntry[]) =>
  refusedEntries(entries)
    .map((e) => `${e.label} (${e.refusals.join('; ')})`)
    .join(', ');

/**
 * What stops the report: a value NCMEC refuses (at any level), required entries missing and
 * actionability entries neither present nor explained. Before approval the reporter is deferred
 * (the approving supervisor becomes it).
 */
export function blockers(
  entries: readonly ReportChecklistEntry[],
  stage: 'approve' | 'file',
): ReportChecklistEntry[] {
  return entries.filter(
    (e) =>
      e.state === 'refused' ||
      (e.level !== 'recommended' &&
        (e.state === 'missing' || (e.state === 'deferred' && stage === 'file'))),
  );
}

/** Entries that are settled (present, explained, or filled by the workflow), out of all that count. */
export function checklistProgress(entries: readonly ReportChecklistEntry[]) {
  const counted = entries.filter((e) => e.level !== 'recommended');
  return {
    settled: counted.filter((e) => e.state !== 'missing' && e.state !== 'refused').length,
    total: counted.length,
  };
}
