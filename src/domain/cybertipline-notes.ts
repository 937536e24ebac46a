import type { RefusedSourceValue } from '../api/schemas/refused-source-value';
import type { ActionabilityField, Report } from '../api/schemas/report';
import type { ReportFile } from '../api/schemas/report-file';

/**
 * What the CyberTipline documents say in words (`additionalInfo`), so that everything the report
 * knows reaches NCMEC: the not-available reasons, the values set aside because NCMEC's rules refuse
 * them, every URL and crawl time of each file, and what a person stated about training. Pure
 * text; `cybertipline-xml.ts` places it.
 */

const unique = <T>(values: readonly T[]) => [...new Set(values)];

/** Where each actionability field goes in the documents: the reasons name it so. */
export const actionabilityPaths: Record<ActionabilityField, string> = {
  web_page_url: 'internetDetails/webPageIncident/url',
  source_details: 'internetDetails/webPageIncident/additionalInfo',
  location_of_file: 'fileDetails/locationOfFile',
  publicly_available: 'fileDetails/publiclyAvailable',
  original_file_hash: 'fileDetails/originalFileHash',
  reported_person: 'personOrUserReported',
  ip_capture: 'personOrUserReported/ipCaptureEvent',
};

type PagesInput = Pick<Report, 'webPages'> & {
  files: readonly Pick<ReportFile, 'sha256' | 'otherLocations'>[];
};

/** The files' other locations that no web page names, each with the files found there. */
export function otherLocationPages({ webPages, files }: PagesInput): Map<string, string[]> {
  const listed = new Set(webPages.map((page) => page.url));
  const found = new Map<string, string[]>();
  for (const file of files)
    for (const url of file.otherLocations)
      if (!listed.has(url)) found.set(url, unique([...(found.get(url) ?? []), file.sha256]));
  return found;
}

/** Every URL the `<report>` sends as `webPageIncident/url`: the checklist counts the same ones. */
export const webPageUrls = (report: PagesInput): string[] =>
  unique([
    ...report.webPages.map((page) => page.url).filter((url) => url.trim() !== ''),
    ...otherLocationPages(report).keys(),
  ]);

/** One value set aside: the rule, where it would have gone, and what it was. */
export const refusedValueNote = (value: RefusedSourceValue) =>
  `Set aside, refused by NCMEC's rules (${value.rule}): ${value.xsdPath} from item ${value.itemId}, ${value.length} characters, SHA-256 ${value.sha256}, escaped and cut to ${value.excerpt.length} characters: ${value.excerpt}`;

const reasonNote = (field: ActionabilityField, reason: string) =>
  `Not available, ${actionabilityPaths[field]}: ${reason.trim()}`;

const locations = (file: ReportFile) =>
  unique([file.locationOfFile, ...file.otherLocations].filter((url) => url !== null));

/** The report's `additionalInfo`, each part a paragraph. */
export function reportNotes(report: Report): string[] {
  const training =
    report.excludedFromTraining === null
      ? ''
      : report.excludedFromTraining
        ? 'The provider states that these files were kept out of training.'
        : 'The provider states that these files were not kept out of training.';
  const foundElsewhere = report.files
    .filter((file) => file.otherLocations.length > 0)
    .map((file) => `File SHA-256 ${file.sha256} was found at: ${locations(file).join(', ')}`);
  return [
    report.additionalInfo.trim(),
    training,
    foundElsewhere.join('\n'),
    report.notAvailable.map((n) => reasonNote(n.field, n.reason)).join('\n'),
    report.refusedSourceValues
      .filter((v) => v.fileSha256 === null)
      .map(refusedValueNote)
      .join('\n'),
  ].filter((part) => part !== '');
}

/** The reported person's `additionalInfo`: why their IP address is not sent, when it is not. */
export function personNote(report: Report): string | null {
  const reason = report.notAvailable.find((n) => n.field === 'ip_capture');
  return reason && report.reportedPerson?.ipCaptureEvents.length === 0
    ? reasonNote('ip_capture', reason.reason)
    : null;
}

/** What the file's own fields cannot say, each its own `additionalInfo` (the XSD allows several). */
export function fileNotes(report: Report, file: ReportFile): string[] {
  const exifOnly = file.exifViewedByEsp && !file.fileViewedByEsp.viewed;
  const others = unique(file.otherLocations.filter((url) => url !== file.locationOfFile));
  const lacking: Partial<Record<ActionabilityField, boolean>> = {
    location_of_file: file.locationOfFile === null || file.locationOfFile.trim() === '',
    publicly_available: file.publiclyAvailable === null,
    original_file_hash: file.originalFileHash === null,
  };
  return [
    exifOnly ? 'The provider viewed the EXIF metadata, not the whole file.' : '',
    others.length > 0 ? `The same file was also found at:\n${others.join('\n')}` : '',
    file.crawledAt.length > 0
      ? `Fetched from the web by a crawler at: ${unique(file.crawledAt).join(', ')}`
      : '',
    ...report.notAvailable
      .filter((n) => lacking[n.field] === true)
      .map((n) => reasonNote(n.field, n.reason)),
    ...report.refusedSourceValues.filter((v) => v.fileSha256 === file.sha256).map(refusedValueNote),
  ].filter((note) => note !== '');
}
