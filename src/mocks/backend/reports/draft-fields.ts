import type { Decision } from '../../../api/schemas/decision';
import type { FlaggedItem } from '../../../api/schemas/item';
import type { Incident, Report, ReportFile, WebPageIncident } from '../../../api/schemas/report';

/**
 * Pre-fills a report from what its items' provenance and decisions already hold
 * (shared/cybertipline/README.md: where a training-data pipeline gets each field). Nothing is
 * invented: a field the data lacks stays empty for the checklist to show.
 */

export const incidentKey = (item: FlaggedItem) => {
  const { supplier, dataset, acquisition } = item.provenance;
  return [
    supplier.id,
    dataset?.id ?? '-',
    dataset?.version ?? '-',
    acquisition.batchId ?? '-',
  ].join('|');
};

export function incidentOf(item: FlaggedItem): Incident {
  const { supplier, dataset, acquisition } = item.provenance;
  return {
    supplier: { id: supplier.id, name: supplier.name },
    dataset: dataset && { id: dataset.id, name: dataset.name, version: dataset.version },
    batchId: acquisition.batchId,
  };
}

const extension: Record<string, string> = {
  'image/jpeg': 'jpg',
  'video/mp4': 'mp4',
  'text/plain': 'txt',
  'application/zip': 'zip',
};

/** The confirmation that decided the item: the latest confirm verdict in its history. */
const confirmationOf = (decisions: readonly Decision[]) =>
  decisions.findLast((d) => d.verdict.kind === 'confirm')?.verdict;

/** HTTP status at crawl time → publicly available; unknown when the status says neither. */
function publiclyAvailable(status: number | null): boolean | null {
  if (status === null) return null;
  if (status >= 200 && status < 300) return true;
  if (status === 401 || status === 403 || status === 407) return false;
  return null;
}

/** One file: every item with these bytes, the first source URL primary, the rest listed. */
export function fileOf(
  items: readonly FlaggedItem[],
  decisionsOf: (itemId: string) => readonly Decision[],
): Omit<ReportFile, 'fileViewedByEsp'> {
  const [first] = items;
  if (!first) throw new Error('a file needs at least one item');
  const urls = [...new Set(items.flatMap((i) => i.provenance.origin.sourceUrls))];
  const confirmation = items.map((i) => confirmationOf(decisionsOf(i.id))).find(Boolean);
  const hashDetails = [
    { name: 'SHA256', value: first.media.sha256 },
    { name: 'MD5', value: first.media.md5 },
    ...(first.media.pdq === null ? [] : [{ name: 'PDQ', value: first.media.pdq }]),
    ...items
      .flatMap((i) => i.signals)
      .filter((s) => s.kind === 'hash_match')
      .map((s) => ({
        name: `Match ${s.hashList} ${s.algorithm}`,
        value: `${s.ruleName} ${s.ruleVersion}: distance ${s.distance} (at most ${s.maxDistance})`,
      })),
  ];
  return {
    sha256: first.media.sha256,
    itemIds: items.map((i) => i.id),
    fileName: `${first.media.sha256}.${extension[first.media.mimeType] ?? 'bin'}`,
    originalFileName: items.map((i) => i.media.fileName).find((n) => n !== null) ?? null,
    locationOfFile: urls[0] ?? null,
    otherLocations: urls.slice(1),
    originalFileHash: first.media.originalHash && {
      hashType: first.media.originalHash.algorithm,
      value: first.media.originalHash.value,
    },
    uploadedToEspTimestamp: first.provenance.custody.find((c) => c.kind === 'ingested')?.at ?? null,
    publiclyAvailable: publiclyAvailable(first.provenance.origin.httpStatus),
    exifViewedByEsp: false,
    industryClassification: confirmation?.kind === 'confirm' ? confirmation.classification : null,
    fileAnnotations: confirmation?.kind === 'confirm' ? [...confirmation.annotations] : [],
    hashDetails: [...new Map(hashDetails.map((d) => [`${d.name}=${d.value}`, d])).values()],
  };
}

/** What the supplier's data says about where an item came from, for `additionalInfo`. */
function sourceDetails(item: FlaggedItem): string {
  const { supplier, dataset, acquisition, origin } = item.provenance;
  const parts = [
    `Supplier: ${supplier.name}${supplier.contractRef ? ` (contract ${supplier.contractRef})` : ''}`,
    dataset && `Dataset: ${dataset.name}${dataset.version ? ` version ${dataset.version}` : ''}`,
    acquisition.recordId && `Record: ${acquisition.recordId}`,
    acquisition.batchId && `Batch: ${acquisition.batchId}`,
    acquisition.crawlSnapshot && `Crawl snapshot: ${acquisition.crawlSnapshot}`,
    acquisition.manifestRef && `Manifest: ${acquisition.manifestRef}`,
    origin.hostIp && `Server IP: ${origin.hostIp}`,
  ];
  return parts.filter(Boolean).join('. ');
}

/** The source in NCMEC's 100 characters for a web page's `additionalInfo`, else a pointer. */
function shortSource(item: FlaggedItem): string {
  const { supplier, dataset, acquisition, origin } = item.provenance;
  const text = [
    supplier.name,
    dataset && [dataset.name, dataset.version].filter(Boolean).join(' '),
    acquisition.batchId,
    acquisition.recordId,
    origin.hostIp,
  ]
    .filter(Boolean)
    .join(' / ');
  return text.length <= 100 ? text : 'Source details: see the report’s additional information.';
}

/** The incident time: crawl time, else supplier delivery, else ingestion; and which it is. */
function incidentTime(items: readonly FlaggedItem[]): { at: string; description: string } | null {
  const earliest = (times: (string | null | undefined)[]) =>
    times.filter((t): t is string => typeof t === 'string').sort()[0];
  const crawled = earliest(items.map((i) => i.provenance.origin.crawledAt));
  if (crawled)
    return { at: crawled, description: 'Crawl time: when the file was fetched from the web.' };
  const acquired = earliest(items.map((i) => i.provenance.acquisition.acquiredAt));
  if (acquired)
    return { at: acquired, description: 'Supplier delivery: when the dataset was acquired.' };
  const ingested = earliest(
    items.map((i) => i.provenance.custody.find((c) => c.kind === 'ingested')?.at),
  );
  return ingested
    ? { at: ingested, description: 'Ingestion into the training-data pipeline.' }
    : null;
}

function detectionSummary(items: readonly FlaggedItem[]): string {
  const rules = [
    ...new Set(items.flatMap((i) => i.signals.map((s) => `${s.ruleName} ${s.ruleVersion}`))),
  ];
  return [
    'Found by scanning third-party AI training data before training; the files were quarantined and excluded from training.',
    `Detection: ${rules.join('; ')}.`,
  ].join(' ');
}

export type DraftFields = Pick<
  Report,
  'incidentSummary' | 'webPages' | 'reportedPerson' | 'additionalInfo' | 'notAvailable'
>;

/** The report-level fields, from the items of one incident. */
export function draftFields(items: readonly FlaggedItem[]): DraftFields {
  const time = incidentTime(items);
  const pages = new Map<string, WebPageIncident>();
  for (const item of items) {
    const url = item.provenance.origin.pageUrl;
    if (url !== null && !pages.has(url)) {
      pages.set(url, { url, thirdPartyHostedContent: true, additionalInfo: shortSource(item) });
    }
  }
  const uploader = items.map((i) => i.provenance.origin.uploader).find((u) => u !== null);
  return {
    incidentSummary: {
      incidentType: 'Child Pornography (possession, manufacture, and distribution)',
      escalateToHighPriority: null,
      reportAnnotations: [],
      incidentDateTime: time?.at ?? null,
      incidentDateTimeDescription: time?.description ?? null,
    },
    webPages: [...pages.values()],
    reportedPerson: uploader
      ? {
          screenName: uploader.accountName,
          profileUrl: uploader.profileUrl,
          ipCaptureEvents:
            uploader.ipAddress === null
              ? []
              : [
                  {
                    ipAddress: uploader.ipAddress,
                    eventName: 'Upload',
                    dateTime: uploader.uploadedAt,
                  },
                ],
        }
      : null,
    // The source details also stand here, for reports whose items name no web page.
    additionalInfo: [detectionSummary(items), ...new Set(items.map(sourceDetails))].join('\n'),
    notAvailable: [],
  };
}

/** The fields of a file a person may change. */
export const fileEdits = (file: Omit<ReportFile, 'fileViewedByEsp'>) => ({
  originalFileName: file.originalFileName,
  locationOfFile: file.locationOfFile,
  publiclyAvailable: file.publiclyAvailable,
  exifViewedByEsp: file.exifViewedByEsp,
  industryClassification: file.industryClassification,
  fileAnnotations: file.fileAnnotations,
});
