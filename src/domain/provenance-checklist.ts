import type { FlaggedItem } from '../api/schemas/item';
import { filled, usableTime } from './usable-value';

/**
 * What a CyberTipline report needs from one item's provenance (shared/cybertipline/README.md):
 * the entries whose absence made a million reports unactionable. One named list, read by the
 * provenance panel now and by the report checklist later.
 *
 * - `actionability`: the report may be filed only if present or explained as not available;
 * - `recommended`: helps law enforcement, never blocks.
 *
 * An entry is present only when it holds a usable value, by the report checklist's rule
 * (`usable-value.ts`): a blank string is as missing as none.
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

/**
 * The time that answers the report's incident date: the crawl's, or else the acquisition's (a
 * supplier delivery), each only when usable; null when neither is.
 */
export function acquisitionTime(
  item: FlaggedItem,
): { at: string; kind: 'crawled' | 'acquired' } | null {
  const { origin, acquisition } = item.provenance;
  if (usableTime(origin.crawledAt)) return { at: origin.crawledAt, kind: 'crawled' };
  if (usableTime(acquisition.acquiredAt)) return { at: acquisition.acquiredAt, kind: 'acquired' };
  return null;
}

/** The uploader is named: an account name or a profile URL, as the report's reported person. */
export const uploaderNamed = (item: FlaggedItem) => {
  const uploader = item.provenance.origin.uploader;
  return uploader !== null && (filled(uploader.accountName) || filled(uploader.profileUrl));
};

/** The entries with their test: for aggregating over many items without building entries. */
export const provenanceRules: readonly ProvenanceRule[] = [
  {
    id: 'supplier',
    label: 'Supplier and contract',
    level: 'actionability',
    reportField: 'internetDetails/webPageIncident/additionalInfo',
    present: (i) => filled(i.provenance.supplier.contractRef),
  },
  {
    id: 'dataset',
    label: 'Dataset and version',
    level: 'actionability',
    reportField: 'internetDetails/webPageIncident/additionalInfo',
    present: ({ provenance: { dataset } }) =>
      dataset !== null && filled(dataset.name) && filled(dataset.version),
  },
  {
    id: 'source_url',
    label: 'Original source URL',
    level: 'actionability',
    reportField: 'fileDetails/locationOfFile',
    present: (i) => i.provenance.origin.sourceUrls.some(filled),
  },
  {
    id: 'page_url',
    label: 'Web page URL',
    level: 'actionability',
    reportField: 'internetDetails/webPageIncident/url',
    present: (i) => filled(i.provenance.origin.pageUrl),
  },
  {
    id: 'acquisition_date',
    label: 'Crawl or acquisition time',
    level: 'actionability',
    reportField: 'incidentSummary/incidentDateTime',
    present: (i) => acquisitionTime(i) !== null,
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
    present: (i) => filled(i.media.originalHash?.value),
  },
  {
    id: 'batch_or_record',
    label: 'Batch and record id',
    level: 'actionability',
    reportField: 'internetDetails/webPageIncident/additionalInfo',
    present: (i) =>
      filled(i.provenance.acquisition.batchId) && filled(i.provenance.acquisition.recordId),
  },
  {
    id: 'uploader',
    label: 'Uploader account',
    level: 'actionability',
    reportField: 'personOrUserReported/screenName',
    present: (i) => uploaderNamed(i),
  },
  {
    id: 'host_ip',
    label: 'Server IP',
    level: 'actionability',
    reportField: 'personOrUserReported/ipCaptureEvent',
    present: (i) => filled(i.provenance.origin.hostIp),
  },
  {
    id: 'original_file_name',
    label: 'Original file name',
    level: 'recommended',
    reportField: 'fileDetails/originalFileName',
    present: (i) => filled(i.media.fileName),
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
