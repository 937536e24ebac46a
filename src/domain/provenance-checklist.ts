import type { FlaggedItem } from '../api/schemas/item';

/**
 * What a CyberTipline report needs from one item's provenance (shared/cybertipline/README.md):
 * the entries whose absence made a million reports unactionable. One named list, read by the
 * provenance panel now and by the report checklist later.
 *
 * - `actionability`: the report may be filed only if present or explained as not available;
 * - `recommended`: helps law enforcement, never blocks.
 */
export type ChecklistLevel = 'required' | 'actionability' | 'recommended';

export type ChecklistEntryId =
  | 'supplier'
  | 'dataset'
  | 'source_url'
  | 'page_url'
  | 'acquisition_date'
  | 'publicly_available'
  | 'original_hash'
  | 'batch_or_record'
  | 'uploader'
  | 'host_ip'
  | 'original_file_name';

export interface ChecklistEntry {
  id: ChecklistEntryId;
  label: string;
  level: ChecklistLevel;
  /** Where it goes in the report (XSD path). */
  reportField: string;
  present: boolean;
}

export type ProvenanceRule = Omit<ChecklistEntry, 'present'> & {
  present: (item: FlaggedItem) => boolean;
};

/** The entries with their test: for aggregating over many items without building entries. */
export const provenanceRules: readonly ProvenanceRule[] = [
  {
    id: 'supplier',
    label: 'Supplier and contract',
    level: 'actionability',
    reportField: 'internetDetails/webPageIncident/additionalInfo',
    present: (i) => i.provenance.supplier.contractRef !== null,
  },
  {
    id: 'dataset',
    label: 'Dataset and version',
    level: 'actionability',
    reportField: 'internetDetails/webPageIncident/additionalInfo',
    present: (i) => i.provenance.dataset !== null && i.provenance.dataset.version !== null,
  },
  {
    id: 'source_url',
    label: 'Original source URL',
    level: 'actionability',
    reportField: 'fileDetails/locationOfFile',
    present: (i) => i.provenance.origin.sourceUrls.length > 0,
  },
  {
    id: 'page_url',
    label: 'Web page URL',
    level: 'actionability',
    reportField: 'internetDetails/webPageIncident/url',
    present: (i) => i.provenance.origin.pageUrl !== null,
  },
  {
    id: 'acquisition_date',
    label: 'Crawl or acquisition time',
    level: 'actionability',
    reportField: 'incidentSummary/incidentDateTime',
    present: (i) =>
      i.provenance.origin.crawledAt !== null || i.provenance.acquisition.acquiredAt !== null,
  },
  {
    id: 'publicly_available',
    label: 'HTTP status at crawl',
    level: 'actionability',
    reportField: 'fileDetails/publiclyAvailable',
    present: (i) => i.provenance.origin.httpStatus !== null,
  },
  {
    id: 'original_hash',
    label: 'Hash of the file as obtained',
    level: 'actionability',
    reportField: 'fileDetails/originalFileHash',
    present: (i) => i.media.originalHash !== null,
  },
  {
    id: 'batch_or_record',
    label: 'Batch and record id',
    level: 'actionability',
    reportField: 'internetDetails/webPageIncident/additionalInfo',
    present: (i) =>
      i.provenance.acquisition.batchId !== null && i.provenance.acquisition.recordId !== null,
  },
  {
    id: 'uploader',
    label: 'Uploader account',
    level: 'actionability',
    reportField: 'personOrUserReported/screenName',
    present: (i) => i.provenance.origin.uploader !== null,
  },
  {
    id: 'host_ip',
    label: 'Server IP',
    level: 'actionability',
    reportField: 'personOrUserReported/ipCaptureEvent',
    present: (i) => i.provenance.origin.hostIp !== null,
  },
  {
    id: 'original_file_name',
    label: 'Original file name',
    level: 'recommended',
    reportField: 'fileDetails/originalFileName',
    present: (i) => i.media.fileName !== null,
  },
];

/** Every entry for one item, in report order, each present or missing. */
export function provenanceChecklist(item: FlaggedItem): ChecklistEntry[] {
  return provenanceRules.map(({ present, ...entry }) => ({ ...entry, present: present(item) }));
}

/** The actionability entries present, out of all of them: the completeness badge. */
export function actionabilityScore(entries: readonly ChecklistEntry[]) {
  const actionable = entries.filter((e) => e.level === 'actionability');
  return { present: actionable.filter((e) => e.present).length, total: actionable.length };
}
