import { unescapeXml } from '../../ncmec/ncmec-client';
import { IncidentType } from '../../../api/schemas/report-incident';
import { documentRefusals, type DocumentElement } from '../../../domain/ncmec-document-rules';

/**
 * The demo NCMEC's reading of request documents: a minimal XML reader and the checks NCMEC's
 * documentation states beyond the XSD: every value rule (`src/domain/ncmec-value-rules.ts`, the
 * same rules the console's checklist applies), the rules across values, a past incident time with
 * a zone, batched reports. Not the XSD itself: that would need a schema validator, a dependency
 * the demo does not need to be useful. Each check names the path that failed, as NCMEC's 4100 does.
 */

export interface XmlElement {
  name: string;
  path: string;
  attributes: string;
  text: string;
}

/**
 * A minimal non-validating reader: every element's slash path, attributes and own text, or why
 * the document is not well-formed. It expands no entity but the five predefined ones, and a DTD
 * (`<!DOCTYPE`) is refused as a stray `<`, so nothing in a document can reach outside it.
 */
export function readXml(xml: string): XmlElement[] | string {
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|</g;
  const elements: XmlElement[] = [];
  const open: XmlElement[] = [];
  for (const [whole, cdata, close, name, attributes = '', selfClosing, text] of xml.matchAll(
    token,
  )) {
    const current = open.at(-1);
    if (cdata !== undefined || text !== undefined) {
      const value = cdata ?? unescapeXml(text ?? '');
      if (current) current.text += value;
      else if (value.trim()) return 'text outside the root element';
    } else if (name !== undefined && close) {
      if (current?.name !== name) return `</${name}> closes no open <${name}>`;
      open.pop();
    } else if (name !== undefined) {
      if (!current && elements.length > 0) return 'more than one root element';
      const element = {
        name,
        path: current ? `${current.path}/${name}` : name,
        attributes,
        text: '',
      };
      elements.push(element);
      if (!selfClosing) open.push(element);
    } else if (whole === '<') return 'a "<" that starts no tag (DTDs are not accepted)';
  }
  const unclosed = open.at(-1);
  if (unclosed) return `<${unclosed.name}> is never closed`;
  return elements.length > 0 ? elements : 'no root element';
}

/** An element's attributes by name, their values unescaped. */
function attributesOf(raw: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name = '', double, single] of raw.matchAll(
    /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
  ))
    attributes[name] = unescapeXml(double ?? single ?? '');
  return attributes;
}

/** The first value or combination of values NCMEC's documented rules refuse, as "path rule", or null. */
export function refusedValue(elements: XmlElement[], now: Date): string | null {
  const read: DocumentElement[] = elements.map((e) => ({
    path: e.path,
    text: e.text,
    attributes: attributesOf(e.attributes),
  }));
  const [first] = documentRefusals(read, now);
  return first ? `${first.path} ${first.says}` : null;
}

export const textsAt = (elements: XmlElement[], path: string) =>
  elements.filter((e) => e.path === path).map((e) => e.text.trim());
export const has = (elements: XmlElement[], path: string) =>
  elements.some((e) => e.path === path || e.path.startsWith(`${path}/`));

// NCMEC's incidentType values: the contract spells them as the XSD does.
const INCIDENT_TYPES: readonly string[] = IncidentType.options;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
// Appendix E: a VIRAL_POTENTIAL_MEME report carries no source details, in the report or per file.
const BATCHED_FORBIDDEN = [
  'incidentSummary/escalateToHighPriority',
  'internetDetails',
  'lawEnforcement',
  'intendedRecipient',
  'victim',
  'additionalInfo',
].map((p) => `report/${p}`);
const BATCHED_FILE_FORBIDDEN = [
  'originalFileName',
  'locationOfFile',
  'originalFileHash',
  'ipCaptureEvent',
  'deviceId',
  'details',
  'additionalInfo',
].map((p) => `fileDetails/${p}`);

/** What NCMEC would reject in a `<report>`, named by its path, or null. */
export function reportProblem(elements: XmlElement[], now: Date): string | null {
  if (elements[0]?.path !== 'report')
    return `the root element must be <report>, not <${elements[0]?.name ?? ''}>`;
  const [type] = textsAt(elements, 'report/incidentSummary/incidentType');
  if (!type) return 'report/incidentSummary/incidentType is required';
  if (!INCIDENT_TYPES.includes(type))
    return `report/incidentSummary/incidentType "${type}" is not an incident type of the schema`;
  const [when] = textsAt(elements, 'report/incidentSummary/incidentDateTime');
  if (!when) return 'report/incidentSummary/incidentDateTime is required';
  if (!ISO_WITH_ZONE.test(when) || Number.isNaN(Date.parse(when)))
    return `report/incidentSummary/incidentDateTime "${when}" must be an ISO 8601 date and time with a zone (Z or ±hh:mm)`;
  if (!has(elements, 'report/reporter/reportingPerson'))
    return 'report/reporter/reportingPerson is required';
  const refused = refusedValue(elements, now);
  if (refused) return refused;
  const batch = elements.find((e) => e.path === 'report/batchedReport');
  if (!batch) return null;
  if (!/\breason\s*=\s*["']VIRAL_POTENTIAL_MEME["']/.test(batch.attributes))
    return 'report/batchedReport@reason must be VIRAL_POTENTIAL_MEME';
  const forbidden = BATCHED_FORBIDDEN.find((path) => has(elements, path));
  if (forbidden) return `${forbidden} is not allowed in a batched (VIRAL_POTENTIAL_MEME) report`;
  const person = elements.find((e) =>
    /^report\/personOrUserReported\/(?!espIdentifier(\/|$))/.test(e.path),
  );
  return person ? `${person.path} is not allowed in a batched report (only espIdentifier)` : null;
}

/** The report and file a `<fileDetails>` document is about, or what is missing. */
export function fileDetailsIds(
  elements: XmlElement[],
): { reportId: string; fileId: string } | string {
  if (elements[0]?.path !== 'fileDetails')
    return `the root element must be <fileDetails>, not <${elements[0]?.name ?? ''}>`;
  const [reportId] = textsAt(elements, 'fileDetails/reportId');
  const [fileId] = textsAt(elements, 'fileDetails/fileId');
  if (!reportId || !/^\d{1,18}$/.test(reportId))
    return 'fileDetails/reportId is required (a report id)';
  return fileId ? { reportId, fileId } : 'fileDetails/fileId is required';
}

/** Appendix E's rules for the details of a file in a batched report, or null. */
export function batchedFileProblem(elements: XmlElement[]): string | null {
  const forbidden = BATCHED_FILE_FORBIDDEN.find((path) => has(elements, path));
  if (forbidden) return `${forbidden} is not allowed for a file of a batched report`;
  if (
    !has(elements, 'fileDetails/fileAnnotations/viral') &&
    !has(elements, 'fileDetails/fileAnnotations/potentialMeme')
  )
    return 'a file of a batched report must be annotated viral or potentialMeme';
  const relevance = textsAt(elements, 'fileDetails/fileRelevance')[0];
  return relevance && relevance !== 'Reported'
    ? 'fileDetails/fileRelevance must be Reported in a batched report'
    : null;
}
