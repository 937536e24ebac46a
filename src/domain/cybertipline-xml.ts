import type { Report } from '../api/schemas/report';
import type { ReportFile } from '../api/schemas/report-file';
import { fileNotes, otherLocationPages, personNote, reportNotes } from './cybertipline-notes';

/**
 * NCMEC CyberTipline XML documents from a report. Pure string
 * building with no dependencies, so the mock server and the console can both run it. Children
 * follow the XSD's sequence order: NCMEC answers 4100 to children out of order. `batchedReport`
 * is never written: it forbids the source fields a training-data report exists to carry.
 */

/** Anything outside XML 1.0's `Char` production; with `u`, a lone surrogate is one code point. */
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text content or attribute value: drops what XML 1.0 cannot carry (NUL, C0 controls, lone
 * surrogates, U+FFFE/U+FFFF), escapes markup, and writes CR as a reference so a parser's
 * line-end normalisation does not turn CRLF into LF.
 */
export function xmlText(value: string): string {
  return value
    .replace(notXmlChar, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\r', '&#13;');
}

/** An element: text content, or child elements (null children are left out). */
interface El {
  name: string;
  attrs: Record<string, string>;
  body: string | readonly (El | null)[];
}

const leaf = (name: string, text: string, attrs: Record<string, string> = {}): El => ({
  name,
  attrs,
  body: text,
});
const node = (
  name: string,
  children: readonly (El | null)[],
  attrs: Record<string, string> = {},
): El => ({
  name,
  attrs,
  body: children,
});
/** A leaf only when the value is there (null optional values are omitted, never emptied). */
const opt = (name: string, value: string | boolean | null): El | null =>
  value === null ? null : leaf(name, String(value));
/** What would reach NCMEC as nothing: blank, or only characters XML cannot carry. */
const blank = (value: string) => xmlText(value).trim() === '';
const unlessBlank = (name: string, value: string | null): El | null =>
  value === null || blank(value) ? null : leaf(name, value);

function render(el: El, indent = ''): string {
  const attrs = Object.entries(el.attrs)
    .map(([key, value]) => ` ${key}="${xmlText(value)}"`)
    .join('');
  const open = `${indent}<${el.name}${attrs}`;
  // Whitespace only between child elements: inside a text element it would change the value.
  if (typeof el.body === 'string') return `${open}>${xmlText(el.body)}</${el.name}>`;
  const children = el.body.filter((child) => child !== null);
  if (children.length === 0) return `${open}/>`;
  const inner = children.map((child) => render(child, `${indent}  `)).join('\n');
  return `${open}>\n${inner}\n${indent}</${el.name}>`;
}

const xmlDocument = (root: El) => `<?xml version="1.0" encoding="UTF-8"?>\n${render(root)}\n`;

/** NCMEC ids are `xs:long`; the contract's `^\d{1,18}$` always fits. */
function ncmecId(value: string, what: string): string {
  if (!/^\d{1,18}$/.test(value)) throw new Error(`${what} must be a CyberTipline id (digits)`);
  return value;
}

/**
 * The fields NCMEC requires that are missing, as XSD paths. The XSD leaves the reporting person's
 * email optional, but NCMEC's documentation requires one, so it is checked here too.
 */
export function missingRequired(report: Pick<Report, 'incidentSummary' | 'reporter'>): string[] {
  const missing: string[] = [];
  if (report.incidentSummary.incidentType === null) missing.push('incidentSummary/incidentType');
  if (report.incidentSummary.incidentDateTime === null)
    missing.push('incidentSummary/incidentDateTime');
  if (report.reporter === null) missing.push('reporter/reportingPerson');
  else if (blank(report.reporter.email)) missing.push('reporter/reportingPerson/email');
  return missing;
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];
const flags = (name: string, tags: readonly string[]) =>
  tags.length === 0
    ? null
    : node(
        name,
        unique(tags).map((tag) => leaf(tag, 'true')),
      );

/**
 * One `internetDetails` per web page, then one per other location of a file that no web page
 * names (`otherLocationPages`). The console keeps `webPageIncident/additionalInfo` to 100
 * characters, hence the short wording; the report's `additionalInfo` lists every file's locations
 * in full.
 */
function internetDetails(report: Report): El[] {
  const incident = (url: string, thirdParty: boolean | null, info: string) =>
    node('internetDetails', [
      node(
        'webPageIncident',
        [unlessBlank('url', url), unlessBlank('additionalInfo', info)],
        thirdParty === null ? {} : { thirdPartyHostedContent: String(thirdParty) },
      ),
    ]);
  return [
    ...report.webPages.map((p) => incident(p.url, p.thirdPartyHostedContent, p.additionalInfo)),
    ...[...otherLocationPages(report)].map(([url, shas]) =>
      incident(
        url,
        null,
        shas.length === 1
          ? `Same file (SHA-256 ${shas[0] ?? ''}) found here.`
          : `${shas.length} reported files found here; see the report's additionalInfo.`,
      ),
    ),
  ];
}

/** `reportingPerson`: the name's first word is the first name, the rest the last name. */
function reporter({ name, email }: NonNullable<Report['reporter']>): El {
  const [first = '', ...rest] = name.trim().split(/\s+/);
  return node('reporter', [
    node('reportingPerson', [
      unlessBlank('firstName', first),
      unlessBlank('lastName', rest.join(' ')),
      leaf('email', email),
    ]),
  ]);
}

/**
 * The dataset's uploader (always a third party's user), with the prior report it follows up:
 * `priorCTReports` is the XSD's link between reports on one reported person, after
 * `thirdPartyUserReported`. Without a person there is no element (NCMEC shows one as the suspect,
 * so an empty one would invent a suspect): the report's `additionalInfo` names the prior report.
 */
function personOrUserReported(report: Report): El | null {
  const { reportedPerson: person, priorReport } = report;
  if (person === null) return null;
  return node('personOrUserReported', [
    unlessBlank('screenName', person.screenName),
    unlessBlank('profileUrl', person.profileUrl),
    ...person.ipCaptureEvents.map((event) =>
      node('ipCaptureEvent', [
        leaf('ipAddress', event.ipAddress),
        leaf('eventName', event.eventName),
        opt('dateTime', event.dateTime),
      ]),
    ),
    leaf('thirdPartyUserReported', 'true'),
    priorReport === null
      ? null
      : leaf('priorCTReports', ncmecId(priorReport.ncmecReportId, 'priorReport.ncmecReportId')),
    unlessBlank('additionalInfo', personNote(report)),
  ]);
}

/** The `<report>` document. Throws when a field NCMEC requires is missing (see `missingRequired`). */
export function reportXml(report: Report): string {
  const summary = report.incidentSummary;
  const missing = missingRequired(report);
  if (
    missing.length > 0 ||
    summary.incidentType === null ||
    summary.incidentDateTime === null ||
    report.reporter === null
  )
    throw new Error(`Report ${report.id} cannot be filed: missing ${missing.join(', ')}`);
  // A supplemental report says what it follows, whether or not it names a reported person.
  const prior = report.priorReport
    ? `Supplemental to CyberTipline report ${ncmecId(report.priorReport.ncmecReportId, 'priorReport.ncmecReportId')}: it carries only what is new.`
    : '';
  return xmlDocument(
    node('report', [
      node('incidentSummary', [
        leaf('incidentType', summary.incidentType),
        // NCMEC: a supplied escalation "must not be blank"; supplying one escalates the report.
        unlessBlank('escalateToHighPriority', summary.escalateToHighPriority),
        flags('reportAnnotations', summary.reportAnnotations),
        leaf('incidentDateTime', summary.incidentDateTime),
        unlessBlank('incidentDateTimeDescription', summary.incidentDateTimeDescription),
      ]),
      ...internetDetails(report),
      reporter(report.reporter),
      personOrUserReported(report),
      unlessBlank('additionalInfo', [prior, ...reportNotes(report)].filter(Boolean).join('\n\n')),
    ]),
  );
}

/** The `<fileDetails>` document for one file, after NCMEC's upload gave it `fileId`. */
export function fileDetailsXml(
  report: Report,
  file: ReportFile,
  ids: { reportId: string; fileId: string },
): string {
  if (!report.files.some((f) => f.sha256 === file.sha256))
    throw new Error(`File ${file.sha256} is not part of report ${report.id}`);
  if (blank(ids.fileId)) throw new Error('fileId must not be blank');
  const viewed = file.fileViewedByEsp.viewed;
  // NCMEC refuses exifViewedByEsp=true unless fileViewedByEsp=true; the file is never claimed
  // viewed when it was not, so that case says it in words instead (`fileNotes`).
  const exifOnly = file.exifViewedByEsp && !viewed;
  return xmlDocument(
    node('fileDetails', [
      leaf('reportId', ncmecId(ids.reportId, 'reportId')),
      leaf('fileId', ids.fileId),
      unlessBlank('fileName', file.fileName),
      unlessBlank('originalFileName', file.originalFileName),
      opt('uploadedToEspTimestamp', file.uploadedToEspTimestamp),
      unlessBlank('locationOfFile', file.locationOfFile),
      leaf('fileViewedByEsp', String(viewed)),
      exifOnly ? null : leaf('exifViewedByEsp', String(file.exifViewedByEsp)),
      opt('publiclyAvailable', file.publiclyAvailable),
      flags('fileAnnotations', file.fileAnnotations),
      opt('industryClassification', file.industryClassification),
      file.originalFileHash === null
        ? null
        : leaf('originalFileHash', file.originalFileHash.value, {
            hashType: file.originalFileHash.hashType,
          }),
      file.hashDetails.length === 0
        ? null
        : node(
            'details',
            file.hashDetails.map((pair) =>
              node('nameValuePair', [leaf('name', pair.name), leaf('value', pair.value)]),
            ),
            { type: 'HASH' },
          ),
      ...fileNotes(report, file).map((note) => leaf('additionalInfo', note)),
    ]),
  );
}
