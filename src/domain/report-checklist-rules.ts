import type {
  ChecklistFile,
  ChecklistInput,
  ReportEntryId,
  ReportSection,
} from './report-checklist';
import type { ChecklistLevel } from './provenance-checklist';
import { webPageUrls } from './cybertipline-notes';
import { filled } from './usable-value';

/**
 * The report checklist's entries, in report order (read by `report-checklist.ts`): what each
 * needs to be present. Which of their values NCMEC's rules would refuse is
 * `report-checklist-refusals.ts`.
 */
export interface Rule {
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

export const rules: readonly Rule[] = [
  {
    id: 'incident_type',
    label: 'Incident type',
    section: 'incident',
    level: 'required',
    xsdPath: 'incidentSummary/incidentType',
    hint: 'The reviewer chooses it: for files found in training data, almost always “Child Pornography (possession, manufacture, and distribution)”.',
    check: (r) => r.incidentSummary.incidentType !== null,
  },
  {
    id: 'incident_date',
    label: 'Incident date and what it is',
    section: 'incident',
    level: 'required',
    xsdPath: 'incidentSummary/incidentDateTime',
    hint: 'Crawl fetch time, supplier delivery date or ingestion time, in the past; say which in the description.',
    check: (r) =>
      r.incidentSummary.incidentDateTime !== null &&
      filled(r.incidentSummary.incidentDateTimeDescription),
  },
  {
    id: 'escalate_to_high_priority',
    label: 'Escalate to high priority',
    section: 'incident',
    level: 'recommended',
    xsdPath: 'incidentSummary/escalateToHighPriority',
    hint: 'Only with signs of new or ongoing abuse (a child at immediate risk): giving a reason escalates the report at NCMEC. Leave it empty otherwise.',
    check: (r) => filled(r.incidentSummary.escalateToHighPriority),
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
    hint: 'The manifest’s URL column, the crawl log’s target URI, or the supplier’s per-item source. Every other URL a file was found at is sent here too.',
    // What the XML sends as web page URLs: the web pages’ and the files’ other locations.
    check: (r) => webPageUrls(r).length > 0,
  },
  {
    id: 'third_party_hosted',
    label: 'Whether each web page is a third party’s',
    section: 'internet',
    level: 'recommended',
    xsdPath: 'internetDetails/webPageIncident/@thirdPartyHostedContent',
    hint: 'A person answers it: the page is on another company’s server and the provider knows nothing more of the incident. Unanswered, it is not sent.',
    check: (r) => r.webPages.every((page) => page.thirdPartyHostedContent !== null),
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
    id: 'file_annotations',
    label: 'File annotations',
    section: 'files',
    level: 'recommended',
    xsdPath: 'fileDetails/fileAnnotations',
    hint: 'The reviewer’s tags where they apply (generative AI, infant, live streaming…), from the confirmation or added here.',
    check: everyFile((f) => f.fileAnnotations.length > 0),
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
    hint: 'Detection method (hash list, algorithm, distance) and remaining gaps.',
    check: (r) => filled(r.additionalInfo),
  },
  {
    id: 'excluded_from_training',
    label: 'Whether the files were kept out of training',
    section: 'additional',
    level: 'recommended',
    xsdPath: 'additionalInfo',
    hint: 'Only a person can say: the data records the quarantine, not what training used. Unanswered, nothing is said about it.',
    check: (r) => r.excludedFromTraining !== null,
  },
];
