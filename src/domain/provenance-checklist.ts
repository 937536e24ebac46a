import type { Media, Provenance } from '../api/schemas/item';
import type { FieldsOf } from './cybertipline-fields';
import { filled, sendable, usableTime } from './usable-value';

/**
 * What a CyberTipline report needs from one item's provenance: the entries whose absence made a
 * million reports unactionable, for the provenance panel, the list's completeness badge and the
 * supplier scorecard. Its ids are the report checklist's (`cybertipline-fields.ts`); supplier,
 * dataset and batch are shown apart, and a report holds them as one entry, `source_details`.
 *
 * - `actionability`: the report may be filed only if present or explained as not available;
 * - `recommended`: helps law enforcement, never blocks.
 *
 * An entry is present only when it holds a value a report could send, by the report checklist's
 * rules (`usable-value.ts`, `ncmec-value-rules.ts`): a blank string is as missing as none, and so
 * is a value NCMEC refuses (a `javascript:` "URL", a crawl time in the future).
 */
export type ChecklistLevel = 'required' | 'actionability' | 'recommended';

export type ChecklistEntryId = FieldsOf<
  | 'supplier'
  | 'dataset'
  | 'location_of_file'
  | 'web_page_url'
  | 'incident_date'
  | 'publicly_available'
  | 'original_file_hash'
  | 'batch_or_record'
  | 'reported_person'
  | 'ip_capture'
  | 'original_file_name'
>;

export interface ChecklistEntry {
  id: ChecklistEntryId;
  label: string;
  level: ChecklistLevel;
  /** Where it goes in the report (XSD path). */
  reportField: string;
  present: boolean;
}

/**
 * What of an item the checklist reads: its provenance but the custody chain, and two facts of its
 * media. A whole `FlaggedItem` is one; a list reads only these.
 */
export interface ChecklistSubject {
  media: Pick<Media, 'originalHash' | 'fileName'>;
  provenance: Omit<Provenance, 'custody'>;
}

export type ProvenanceRule = Omit<ChecklistEntry, 'present'> & {
  present: (item: ChecklistSubject, now: Date) => boolean;
};

/**
 * The time that answers the report's incident date: the crawl's, or else the acquisition's (a
 * supplier delivery), each only when usable; null when neither is.
 */
export function acquisitionTime(
  item: ChecklistSubject,
  now = new Date(),
): { at: string; kind: 'crawled' | 'acquired' } | null {
  const { origin, acquisition } = item.provenance;
  if (usableIncidentTime(origin.crawledAt, now)) return { at: origin.crawledAt, kind: 'crawled' };
  if (usableIncidentTime(acquisition.acquiredAt, now))
    return { at: acquisition.acquiredAt, kind: 'acquired' };
  return null;
}

/** A time the report can send as its incident date: a date with its zone, and past by `now`. */
const usableIncidentTime = (at: string | null, now: Date): at is string =>
  usableTime(at) && sendable('incidentSummary/incidentDateTime', at, now);

/** The uploader is named: an account name or a profile URL, as the report's reported person. */
export const uploaderNamed = (item: ChecklistSubject, now = new Date()) => {
  const uploader = item.provenance.origin.uploader;
  return (
    uploader !== null &&
    (sendable('personOrUserReported/screenName', uploader.accountName, now) ||
      sendable('personOrUserReported/profileUrl', uploader.profileUrl, now))
  );
};

/**
 * The entries with their test: for aggregating over many items without building entries. Items
 * keep what these tests answered when they were stored (`keptChecklist`, in the server's item
 * rows): a change to a test, or to an entry's id, needs a migration that clears what items kept,
 * so that readers check their provenance again.
 */
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
    id: 'location_of_file',
    label: 'Original source URL',
    level: 'actionability',
    reportField: 'fileDetails/locationOfFile',
    present: (i, now) =>
      i.provenance.origin.sourceUrls.some((url) =>
        sendable('fileDetails/locationOfFile', url, now),
      ),
  },
  {
    id: 'web_page_url',
    label: 'Web page URL',
    level: 'actionability',
    reportField: 'internetDetails/webPageIncident/url',
    present: (i, now) => sendable('webPageIncident/url', i.provenance.origin.pageUrl, now),
  },
  {
    id: 'incident_date',
    label: 'Crawl or acquisition time',
    level: 'actionability',
    reportField: 'incidentSummary/incidentDateTime',
    present: (i, now) => acquisitionTime(i, now) !== null,
  },
  {
    id: 'publicly_available',
    label: 'HTTP status at crawl',
    level: 'actionability',
    reportField: 'fileDetails/publiclyAvailable',
    present: (i) => i.provenance.origin.httpStatus !== null,
  },
  {
    id: 'original_file_hash',
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
    id: 'reported_person',
    label: 'Uploader account',
    level: 'actionability',
    reportField: 'personOrUserReported/screenName',
    present: (i, now) => uploaderNamed(i, now),
  },
  {
    id: 'ip_capture',
    label: 'Server IP',
    level: 'actionability',
    reportField: 'personOrUserReported/ipCaptureEvent',
    present: (i, now) => sendable('ipCaptureEvent/ipAddress', i.provenance.origin.hostIp, now),
  },
  {
    id: 'original_file_name',
    label: 'Original file name',
    level: 'recommended',
    reportField: 'fileDetails/originalFileName',
    present: (i, now) => sendable('fileDetails/originalFileName', i.media.fileName, now),
  },
];

/** Every entry for one item, in report order, each present or missing. */
export function provenanceChecklist(item: ChecklistSubject, now = new Date()): ChecklistEntry[] {
  return provenanceRules.map(({ present, ...entry }) => ({
    ...entry,
    present: present(item, now),
  }));
}

/** The actionability entries present, out of all of them: the completeness badge. */
export function actionabilityScore(entries: readonly ChecklistEntry[]) {
  const actionable = entries.filter((e) => e.level === 'actionability');
  return { present: actionable.filter((e) => e.present).length, total: actionable.length };
}

/** Later than any time a report holds: what is present then is present whatever the clock. */
const END_OF_TIME = new Date(8.64e15);

/**
 * The completeness badge as an item can keep it: its provenance never changes, and the clock
 * moves only the incident date, which is present once the earliest crawl or acquisition time a
 * report could send has passed. `timeless` counts the other actionability entries present;
 * `incidentFrom` is that time in epoch milliseconds, null when there is none.
 */
export interface KeptCompleteness {
  timeless: number;
  incidentFrom: number | null;
}

/** What `item` keeps of its badge; `entries`, its `keptEntries`, when the caller has them. */
export function keptCompleteness(
  item: ChecklistSubject,
  entries: readonly string[] = keptEntries(item),
): KeptCompleteness {
  const { origin, acquisition } = item.provenance;
  const times = [origin.crawledAt, acquisition.acquiredAt].flatMap((at) =>
    usableIncidentTime(at, END_OF_TIME) ? [Date.parse(at)] : [],
  );
  return {
    timeless: entries.length,
    incidentFrom: times.length === 0 ? null : Math.min(...times),
  };
}

/** The ids of the actionability entries present whatever the time: all but the incident date. */
export const keptEntries = (item: ChecklistSubject): string[] =>
  provenanceRules
    .filter(
      (rule) =>
        rule.level === 'actionability' &&
        rule.id !== 'incident_date' &&
        rule.present(item, END_OF_TIME),
    )
    .map((rule) => rule.id);

/** What an item keeps of each actionability entry: its `keptEntries` and its `incidentFrom`. */
export interface KeptEntries {
  entries: readonly string[];
  incidentFrom: number | null;
}

/** Whether the incident date is present at `now`, from the `incidentFrom` an item keeps. */
const incidentPresent = (incidentFrom: number | null, now: Date) =>
  incidentFrom !== null && incidentFrom < now.getTime();

/** Whether the actionability entry `id` is present at `now`: the same answer as its own test. */
export const keptEntryPresent = (id: string, kept: KeptEntries, now: Date) =>
  id === 'incident_date' ? incidentPresent(kept.incidentFrom, now) : kept.entries.includes(id);

/** Everything an item keeps of its checklist: its badge's parts, and which entries it holds. */
export function keptChecklist(item: ChecklistSubject): KeptCompleteness & KeptEntries {
  const entries = keptEntries(item);
  return { entries, ...keptCompleteness(item, entries) };
}

/** The badge at `now` from what the item keeps: `actionabilityScore` of its checklist then. */
export const completenessAt = ({ timeless, incidentFrom }: KeptCompleteness, now: Date) => ({
  present: timeless + (incidentPresent(incidentFrom, now) ? 1 : 0),
  total: provenanceRules.filter((rule) => rule.level === 'actionability').length,
});
