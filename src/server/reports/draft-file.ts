import type { Decision } from '../../api/schemas/decision';
import type { FlaggedItem } from '../../api/schemas/item';
import type { ReportFile } from '../../api/schemas/report-file';
import { accepted, ingestedAt } from './refused-source-values';

/**
 * One file of a draft, pre-filled from the items with its bytes (their provenance and the
 * decision that confirmed them), and the part of it a person may change. Like the report's own
 * fields (`draft-fields.ts`), nothing is invented and no value NCMEC's rules refuse is pre-filled.
 */

const extension: Record<string, string> = {
  'image/jpeg': 'jpg',
  'video/mp4': 'mp4',
  'text/plain': 'txt',
  'application/zip': 'zip',
};

/** The confirmation that decided the item: the latest confirm verdict in its history. */
export const confirmationOf = (decisions: readonly Decision[]) =>
  decisions.findLast((d) => d.verdict.kind === 'confirm')?.verdict;

/** HTTP status at crawl time → publicly available; unknown when the status says neither. */
export function publiclyAvailable(status: number | null): boolean | null {
  if (status === null) return null;
  if (status >= 200 && status < 300) return true;
  if (status === 401 || status === 403 || status === 407) return false;
  return null;
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];

/** One file: every item with these bytes, the first source URL NCMEC accepts primary, the rest listed. */
export function fileOf(
  items: readonly FlaggedItem[],
  decisionsOf: (itemId: string) => readonly Decision[],
  now: Date,
): Omit<ReportFile, 'fileViewedByEsp'> {
  const [first] = items;
  if (!first) throw new Error('a file needs at least one item');
  const urls = unique(items.flatMap((i) => i.provenance.origin.sourceUrls)).filter((url) =>
    accepted('fileDetails/locationOfFile', url, now),
  );
  const confirmation = items.map((i) => confirmationOf(decisionsOf(i.id))).find(Boolean);
  // What any of the items knows: the first that holds it.
  const originalHash = items.map((i) => i.media.originalHash).find((hash) => hash !== null) ?? null;
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
    originalFileName:
      items
        .map((i) => i.media.fileName)
        .find((n) => n !== null && accepted('fileDetails/originalFileName', n, now)) ?? null,
    locationOfFile: urls[0] ?? null,
    otherLocations: urls.slice(1),
    originalFileHash: originalHash && {
      hashType: originalHash.algorithm,
      value: originalHash.value,
    },
    uploadedToEspTimestamp:
      items
        .map((i) => ingestedAt(i))
        .find((at) => at !== null && accepted('fileDetails/uploadedToEspTimestamp', at, now)) ??
      null,
    publiclyAvailable:
      items
        .map((i) => publiclyAvailable(i.provenance.origin.httpStatus))
        .find((known) => known !== null) ?? null,
    exifViewedByEsp: false,
    industryClassification: confirmation?.kind === 'confirm' ? confirmation.classification : null,
    fileAnnotations: confirmation?.kind === 'confirm' ? [...confirmation.annotations] : [],
    hashDetails: [...new Map(hashDetails.map((d) => [`${d.name}=${d.value}`, d])).values()],
    crawledAt: unique(
      items.map((i) => i.provenance.origin.crawledAt).filter((t): t is string => t !== null),
    ).sort(),
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
