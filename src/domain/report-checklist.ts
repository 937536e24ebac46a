import {
  NOT_AVAILABLE_REASON_MIN,
  type ActionabilityField,
  type Report,
  type ReportEditable,
  type ReportFile,
} from '../api/schemas/report';
import type { ChecklistLevel } from './provenance-checklist';
import { filled } from './usable-value';

/**
 * The report completeness checklist (DESIGN.md §6): a pure function of the report, read by the
 * report editor (live, as fields change), the report list (sorting, what blocks) and the mock
 * server (which refuses approval and filing while something blocks).
 *
 * - `required`: the report cannot be filed without it;
 * - `actionability`: present, or marked *not available* with a written reason;
 * - `recommended`: helps law enforcement, never blocks.
 */
export type ReportSection =
  'incident' | 'reporter' | 'internet' | 'person' | 'files' | 'additional';

export type EntryState =
  /** Filled in. */
  | 'present'
  /** Missing, explained with a reason (actionability entries only). */
  | 'not_available'
  /** Filled in by the workflow itself: the reporter, at approval. */
  | 'deferred'
  | 'missing';

export type ReportEntryId =
  | 'incident_type'
  | 'incident_date'
  | 'reporter_email'
  | 'files'
  | ActionabilityField
  | 'file_viewed'
  | 'original_file_name'
  | 'industry_classification'
  | 'uploaded_to_esp'
  | 'hash_details'
  | 'additional_info';

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
}

/** What the checklist reads: the editable fields (possibly unsaved) and the workflow's own. */
export type ChecklistInput = Omit<ReportEditable, 'files'> &
  Pick<Report, 'incident' | 'reporter'> & { files: readonly ChecklistFile[] };
type ChecklistFile = ReportEditable['files'][number] &
  Pick<ReportFile, 'originalFileHash' | 'uploadedToEspTimestamp' | 'hashDetails'>;

interface Rule {
  id: ReportEntryId;
  label: string;
  section: ReportSection;
  level: ChecklistLevel;
  xsdPath: string;
  hint: string;
  /** True, or a count of the files lacking it. */
  check: (report: ChecklistInput, now: number) => boolean | { lacking: number; of: number };
}

/** Every file has it: true, or how many lack it. */
const everyFile =
  (has: (file: ChecklistFile) => boolean) =>
  ({ files }: ChecklistInput) => {
    const lacking = files.filter((file) => !has(file)).length;
    return lacking === 0 && files.length > 0 ? true : { lacking, of: files.length };
  };

const rules: readonly Rule[] = [
  {
    id: 'incident_type',
    label: 'Incident type',
    section: 'incident',
    level: 'required',
    xsdPath: 'incidentSummary/incidentType',
    hint: 'The reviewer: almost always “Child Pornography (possession, manufacture, and distribution)”.',
    check: (r) => r.incidentSummary.incidentType !== null,
  },
  {
    id: 'incident_date',
    label: 'Incident date and what it is',
    section: 'incident',
    level: 'required',
    xsdPath: 'incidentSummary/incidentDateTime',
    hint: 'Crawl fetch time, supplier delivery date or ingestion time, in the past (NCMEC refuses a future one); say which in the description.',
    check: (r, now) =>
      r.incidentSummary.incidentDateTime !== null &&
      Date.parse(r.incidentSummary.incidentDateTime) < now &&
      filled(r.incidentSummary.incidentDateTimeDescription),
  },
  {
    id: 'reporter_email',
    label: 'Reporter and email',
    section: 'reporter',
    level: 'required',
    xsdPath: 'reporter/reportingPerson/email',
    hint: 'The filing supervisor: filled in when a supervisor approves the report.',
    check: (r) => r.reporter !== null && filled(r.reporter.email),
  },
  {
    id: 'files',
    label: 'At least one file',
    section: 'files',
    level: 'required',
    xsdPath: 'fileDetails',
    hint: 'Move a confirmed file here from another draft of the same supplier.',
    check: (r) => r.files.length > 0,
  },
  {
    id: 'web_page_url',
    label: 'Web page URL',
    section: 'internet',
    level: 'actionability',
    xsdPath: 'internetDetails/webPageIncident/url',
    hint: 'The manifest’s URL column, the crawl log’s target URI, or the supplier’s per-item source.',
    check: (r) => r.webPages.some((page) => filled(page.url)),
  },
  {
    id: 'source_details',
    label: 'Supplier, dataset, version and batch',
    section: 'internet',
    level: 'actionability',
    xsdPath: 'internetDetails/webPageIncident/additionalInfo',
    hint: 'The supplier’s delivery manifest: dataset name and version, ingestion batch.',
    check: ({ incident }) =>
      incident.dataset !== null && incident.dataset.version !== null && incident.batchId !== null,
  },
  {
    id: 'location_of_file',
    label: 'Source URL of each file',
    section: 'files',
    level: 'actionability',
    xsdPath: 'fileDetails/locationOfFile',
    hint: 'The file’s primary source URL: manifest URL column or crawl log.',
    check: everyFile((f) => filled(f.locationOfFile)),
  },
  {
    id: 'publicly_available',
    label: 'Publicly available',
    section: 'files',
    level: 'actionability',
    xsdPath: 'fileDetails/publiclyAvailable',
    hint: 'The HTTP status at crawl time (never re-download the file to check).',
    check: everyFile((f) => f.publiclyAvailable !== null),
  },
  {
    id: 'original_file_hash',
    label: 'Hash of each file as obtained',
    section: 'files',
    level: 'actionability',
    xsdPath: 'fileDetails/originalFileHash',
    hint: 'The ingestion pipeline’s hash of the bytes before any transcoding.',
    check: everyFile((f) => f.originalFileHash !== null),
  },
  {
    id: 'reported_person',
    label: 'Uploader (reported user)',
    section: 'person',
    level: 'actionability',
    xsdPath: 'personOrUserReported/screenName',
    hint: 'Uploader metadata in the dataset. Never name the supplier as the suspect.',
    check: (r) =>
      r.reportedPerson !== null &&
      (filled(r.reportedPerson.screenName) || filled(r.reportedPerson.profileUrl)),
  },
  {
    id: 'ip_capture',
    label: 'Uploader IP address',
    section: 'person',
    level: 'actionability',
    xsdPath: 'personOrUserReported/ipCaptureEvent',
    hint: 'Usually unavailable for crawled data: mark it not available and say why.',
    check: (r) => r.reportedPerson !== null && r.reportedPerson.ipCaptureEvents.length > 0,
  },
  {
    id: 'file_viewed',
    label: 'Whether a person viewed each file',
    section: 'files',
    level: 'actionability',
    xsdPath: 'fileDetails/fileViewedByEsp',
    hint: 'Derived from the audit log; always answered.',
    // Always answered: “not viewed” is complete and honest, never a gap.
    check: () => true,
  },
  {
    id: 'original_file_name',
    label: 'Original file name',
    section: 'files',
    level: 'recommended',
    xsdPath: 'fileDetails/originalFileName',
    hint: 'The URL’s last segment or the archive member name.',
    check: everyFile((f) => filled(f.originalFileName)),
  },
  {
    id: 'industry_classification',
    label: 'Industry classification',
    section: 'files',
    level: 'recommended',
    xsdPath: 'fileDetails/industryClassification',
    hint: 'The reviewer’s A1/A2/B1/B2, when known (a hash-only confirmation may not know it).',
    check: everyFile((f) => f.industryClassification !== null),
  },
  {
    id: 'uploaded_to_esp',
    label: 'Time each file reached the provider',
    section: 'files',
    level: 'recommended',
    xsdPath: 'fileDetails/uploadedToEspTimestamp',
    hint: 'The custody record’s ingestion time.',
    check: everyFile((f) => f.uploadedToEspTimestamp !== null),
  },
  {
    id: 'hash_details',
    label: 'Hash match details',
    section: 'files',
    level: 'recommended',
    xsdPath: 'fileDetails/details[@type=HASH]',
    hint: 'PDQ, MD5 and the hash list matched, with its distance.',
    check: everyFile((f) => f.hashDetails.length > 0),
  },
  {
    id: 'additional_info',
    label: 'How it was found',
    section: 'additional',
    level: 'recommended',
    xsdPath: 'additionalInfo',
    hint: 'Detection method (hash list, algorithm, distance), whether it was removed before training, remaining gaps.',
    check: (r) => filled(r.additionalInfo),
  },
];

export const isActionabilityField = (id: ReportEntryId): id is ActionabilityField =>
  rules.some((rule) => rule.id === id && rule.level === 'actionability') && id !== 'file_viewed';

/** Every entry, in report order, with its state as of `now`. */
export function reportChecklist(report: ChecklistInput, now: Date): ReportChecklistEntry[] {
  return rules.map(({ check, ...rule }) => {
    const result = check(report, now.getTime());
    const present = result === true;
    const detail = typeof result === 'object' ? `${result.lacking} of ${result.of} files` : null;
    const reason = isActionabilityField(rule.id)
      ? (report.notAvailable.find((n) => n.field === rule.id)?.reason ?? null)
      : null;
    let state: EntryState = 'missing';
    if (present) state = 'present';
    else if (
      rule.level === 'actionability' &&
      (reason?.trim().length ?? 0) >= NOT_AVAILABLE_REASON_MIN
    )
      state = 'not_available';
    else if (rule.id === 'reporter_email') state = 'deferred';
    return { ...rule, state, detail: present ? null : detail, reason: present ? null : reason };
  });
}

/**
 * What stops the report: required entries missing and actionability entries neither present nor
 * explained. Before approval the reporter is deferred (the approving supervisor becomes it).
 */
export function blockers(
  entries: readonly ReportChecklistEntry[],
  stage: 'approve' | 'file',
): ReportChecklistEntry[] {
  return entries.filter(
    (e) =>
      e.level !== 'recommended' &&
      (e.state === 'missing' || (e.state === 'deferred' && stage === 'file')),
  );
}

/** Entries that are settled (present, explained, or filled by the workflow), out of all that count. */
export function checklistProgress(entries: readonly ReportChecklistEntry[]) {
  const counted = entries.filter((e) => e.level !== 'recommended');
  return {
    settled: counted.filter((e) => e.state !== 'missing').length,
    total: counted.length,
  };
}
