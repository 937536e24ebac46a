import type { FlaggedItem } from '../../api/schemas/item';
import type { ActionabilityField, Report } from '../../api/schemas/report';
import type { ReportFile } from '../../api/schemas/report-file';
import type { Incident, WebPageIncident } from '../../api/schemas/report-incident';
import { webPageUrls } from '../../domain/cybertipline-notes';
import {
  accepted,
  generatedReasons,
  ingestedAt,
  refusedSourceValues,
} from './refused-source-values';
import { detectionSummary, shortSource, sourceDetails } from './draft-notes';

/**
 * Pre-fills a report from what its items' provenance and decisions already hold: which items one
 * report holds, and its own fields (each of its files: `draft-file.ts`;
 * docs/report-completeness.md says what each entry is for). Nothing is
 * invented: a field the data lacks stays empty for the checklist to show, and a value NCMEC's
 * rules refuse is set aside, explained (`refused-source-values.ts`), never pre-filled.
 */

/** Who uploaded the item, as the data names them: the same name and profile URL, the same uploader. */
export const uploaderKey = (item: FlaggedItem) => {
  const uploader = item.provenance.origin.uploader;
  return uploader ? [uploader.accountName, uploader.profileUrl] : null;
};

/**
 * What one report holds: the items of one incident (supplier, dataset and version, ingestion
 * batch) and one uploader. NCMEC takes at most one reported person per report, so each uploader
 * the data names gets a report of their own, with every file they uploaded.
 */
export const incidentKey = (item: FlaggedItem) => {
  const { supplier, dataset, acquisition } = item.provenance;
  return JSON.stringify([
    supplier.id,
    dataset?.id ?? null,
    dataset?.version ?? null,
    acquisition.batchId,
    uploaderKey(item),
  ]);
};

export function incidentOf(item: FlaggedItem): Incident {
  const { supplier, dataset, acquisition } = item.provenance;
  return {
    supplier: { id: supplier.id, name: supplier.name },
    dataset: dataset && { id: dataset.id, name: dataset.name, version: dataset.version },
    batchId: acquisition.batchId,
  };
}

/** The incident time: crawl time, else supplier delivery, else ingestion, in the past; and which it is. */
function incidentTime(
  items: readonly FlaggedItem[],
  now: Date,
): { at: string; description: string } | null {
  const earliest = (times: (string | null | undefined)[]) =>
    times
      .filter((t): t is string => typeof t === 'string')
      .filter((t) => accepted('incidentSummary/incidentDateTime', t, now))
      .sort()[0];
  const crawled = earliest(items.map((i) => i.provenance.origin.crawledAt));
  if (crawled)
    return { at: crawled, description: 'Crawl time: when the file was fetched from the web.' };
  const acquired = earliest(items.map((i) => i.provenance.acquisition.acquiredAt));
  if (acquired)
    return { at: acquired, description: 'Supplier delivery: when the dataset was acquired.' };
  const ingested = earliest(items.map(ingestedAt));
  return ingested
    ? { at: ingested, description: 'Ingestion into the training-data pipeline.' }
    : null;
}

/** The report's uploader (a draft holds one), with every IP address and time NCMEC accepts. */
function reportedPerson(items: readonly FlaggedItem[], now: Date): Report['reportedPerson'] {
  const uploaders = items.flatMap((i) => i.provenance.origin.uploader ?? []);
  const [first] = uploaders;
  if (!first) return null;
  const same = uploaders.filter(
    (u) => u.accountName === first.accountName && u.profileUrl === first.profileUrl,
  );
  const events = same.flatMap(({ ipAddress, uploadedAt }) =>
    ipAddress !== null && accepted('ipCaptureEvent/ipAddress', ipAddress, now)
      ? [
          {
            ipAddress,
            eventName: 'Upload' as const,
            dateTime:
              uploadedAt !== null && accepted('ipCaptureEvent/dateTime', uploadedAt, now)
                ? uploadedAt
                : null,
          },
        ]
      : [],
  );
  const screenName = accepted('personOrUserReported/screenName', first.accountName, now)
    ? first.accountName
    : null;
  const profileUrl =
    first.profileUrl !== null && accepted('personOrUserReported/profileUrl', first.profileUrl, now)
      ? first.profileUrl
      : null;
  const ipCaptureEvents = [...new Map(events.map((e) => [JSON.stringify(e), e])).values()];
  if (screenName === null && profileUrl === null && ipCaptureEvents.length === 0) return null;
  return { screenName, profileUrl, ipCaptureEvents };
}

export type DraftFields = Pick<
  Report,
  | 'incidentSummary'
  | 'webPages'
  | 'reportedPerson'
  | 'additionalInfo'
  | 'notAvailable'
  | 'excludedFromTraining'
  | 'refusedSourceValues'
>;

/** The report-level fields, from the items of one incident and uploader, and their files. */
export function draftFields(
  items: readonly FlaggedItem[],
  files: readonly Omit<ReportFile, 'fileViewedByEsp'>[],
  now: Date,
): DraftFields {
  const time = incidentTime(items, now);
  const pages = new Map<string, WebPageIncident>();
  for (const item of items) {
    const url = item.provenance.origin.pageUrl;
    if (url !== null && !pages.has(url) && accepted('webPageIncident/url', url, now)) {
      // Whether the page is a third party's is for a person to say.
      pages.set(url, { url, thirdPartyHostedContent: null, additionalInfo: shortSource(item) });
    }
  }
  const webPages = [...pages.values()];
  const person = reportedPerson(items, now);
  const refused = refusedSourceValues(items, now);
  const lackingFile = files.filter((f) => f.locationOfFile === null);
  // The fields left empty only because NCMEC's rules refuse what the data held.
  const lacking: ActionabilityField[] = [
    ...(webPageUrls({ webPages, files }).length === 0 ? (['web_page_url'] as const) : []),
    ...(lackingFile.length > 0 &&
    lackingFile.every((f) =>
      refused.some((v) => v.fileSha256 === f.sha256 && v.field === 'location_of_file'),
    )
      ? (['location_of_file'] as const)
      : []),
    ...(person === null || (person.screenName === null && person.profileUrl === null)
      ? (['reported_person'] as const)
      : []),
    ...(person === null || person.ipCaptureEvents.length === 0 ? (['ip_capture'] as const) : []),
  ];
  return {
    incidentSummary: {
      // A person chooses the incident type: the checklist asks for it.
      incidentType: null,
      escalateToHighPriority: null,
      reportAnnotations: [],
      incidentDateTime: time?.at ?? null,
      incidentDateTimeDescription: time?.description ?? null,
    },
    webPages,
    reportedPerson: person,
    // The source details also stand here, for reports whose items name no web page.
    additionalInfo: [detectionSummary(items), ...new Set(items.map(sourceDetails))].join('\n'),
    notAvailable: generatedReasons(
      refused.filter(
        (v) => v.field !== 'location_of_file' || lackingFile.some((f) => f.sha256 === v.fileSha256),
      ),
      lacking,
    ),
    excludedFromTraining: null,
    refusedSourceValues: refused,
  };
}
