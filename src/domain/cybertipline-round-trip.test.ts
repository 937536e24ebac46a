import { describe, expect, it } from 'vitest';
import type { Report } from '../api/schemas/report';
import hostile from '../server/demo/fixtures/hostile-strings.json';
import { readXml } from '../server/demo/ncmec/ncmec-xml';
import { fileDetailsXml, missingRequired, reportXml } from './cybertipline-xml';
import { completeFile, completeReport, randomReport, seededRng } from './cybertipline-xml.fixtures';

/**
 * Everything the draft knows reaches NCMEC: the generated documents are parsed back and every
 * non-empty value of the report (and every not-available reason, every value set aside) is found,
 * either as the text of its own element or within an `additionalInfo`.
 */

const { _about, ...groups } = hostile;
const pool = Object.values(groups).flat();
/** What XML can carry of a value: the writer drops what XML 1.0 cannot hold. */
const carried = (value: string) =>
  value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').trim();

/** Every value the report holds, by the element it belongs in. */
function draftValues(report: Report): [element: string, value: string][] {
  const s = report.incidentSummary;
  const p = report.reportedPerson;
  return [
    ['incidentType', s.incidentType ?? ''],
    ['escalateToHighPriority', s.escalateToHighPriority ?? ''],
    ['incidentDateTime', s.incidentDateTime ?? ''],
    ['incidentDateTimeDescription', s.incidentDateTimeDescription ?? ''],
    ...s.reportAnnotations.map((a): [string, string] => [a, 'true']),
    ...report.webPages.flatMap((w): [string, string][] => [
      ['url', w.url],
      ['additionalInfo', w.additionalInfo],
    ]),
    ['screenName', p?.screenName ?? ''],
    ['profileUrl', p?.profileUrl ?? ''],
    ...(p?.ipCaptureEvents ?? []).flatMap((e): [string, string][] => [
      ['ipAddress', e.ipAddress],
      ['eventName', e.eventName],
      ['dateTime', e.dateTime ?? ''],
    ]),
    ['additionalInfo', report.additionalInfo],
    ['priorCTReports', report.priorReport?.ncmecReportId ?? ''],
    ...report.notAvailable.map((n): [string, string] => ['additionalInfo', n.reason]),
    ...report.refusedSourceValues.flatMap((v): [string, string][] => [
      ['additionalInfo', v.excerpt],
      ['additionalInfo', v.sha256],
    ]),
    ...report.files.flatMap((f): [string, string][] => [
      ['fileName', f.fileName],
      ['originalFileName', f.originalFileName ?? ''],
      ['locationOfFile', f.locationOfFile ?? ''],
      ...f.otherLocations.map((url): [string, string] => ['url', url]),
      ['originalFileHash', f.originalFileHash?.value ?? ''],
      ['uploadedToEspTimestamp', f.uploadedToEspTimestamp ?? ''],
      ['publiclyAvailable', f.publiclyAvailable === null ? '' : String(f.publiclyAvailable)],
      ['industryClassification', f.industryClassification ?? ''],
      ...f.fileAnnotations.map((a): [string, string] => [a, 'true']),
      ...f.hashDetails.flatMap((d): [string, string][] => [
        ['name', d.name],
        ['value', d.value],
      ]),
      ...f.crawledAt.map((t): [string, string] => ['additionalInfo', t]),
    ]),
  ];
}

/** The values not found in the report's documents, as `element: value`. */
function lost(report: Report): string[] {
  const docs = [
    reportXml(report),
    ...report.files.map((f) => fileDetailsXml(report, f, { reportId: '4564654', fileId: 'f1' })),
  ];
  const elements = docs.flatMap((xml) => {
    const read = readXml(xml);
    if (typeof read === 'string') throw new Error(read);
    return read;
  });
  const infos = elements.filter((e) => e.name === 'additionalInfo').map((e) => e.text);
  return draftValues(report)
    .map(([name, value]): [string, string] => [name, carried(value)])
    .filter(([, value]) => value !== '')
    .filter(
      ([name, value]) =>
        !elements.some((e) => e.name === name && carried(e.text) === value) &&
        !infos.some((info) => info.includes(value)),
    )
    .map(([name, value]) => `${name}: ${value.slice(0, 80)}`);
}

describe('round trip: every draft value reaches the XML', () => {
  it('a complete report, with reasons, values set aside and crawl times', () => {
    const report = completeReport();
    report.files = [completeFile(1), completeFile(2)];
    report.files[1]!.crawledAt.push('2025-02-27T01:00:00.000Z');
    report.notAvailable = [
      { field: 'reported_person', reason: 'The supplier keeps no uploader metadata.' },
      { field: 'ip_capture', reason: 'Crawled data: no uploader IP address.' },
    ];
    report.refusedSourceValues = [
      {
        field: 'web_page_url',
        xsdPath: 'internetDetails/webPageIncident/url',
        itemId: 'item-1',
        fileSha256: null,
        rule: 'must be a valid URL',
        length: 19,
        sha256: 'ab'.repeat(32),
        excerpt: 'javascript:alert(1)',
      },
    ];
    expect(lost(report)).toEqual([]);
    expect(reportXml(report)).toContain(
      'Not available, personOrUserReported: The supplier keeps no uploader metadata.',
    );
  });

  it('300 random reports with hostile text, reasons and values set aside', () => {
    const rng = seededRng(20260115);
    const reports = Array.from({ length: 300 }, (_, i) => randomReport(rng, pool, i)).filter(
      (r) => missingRequired(r).length === 0,
    );
    expect(reports.length).toBeGreaterThan(200);
    const reasons = reports.reduce((n, r) => n + r.notAvailable.length, 0);
    expect(reasons).toBeGreaterThan(100);
    expect(reports.flatMap((r) => lost(r).map((l) => `${r.id} ${l}`))).toEqual([]);
  });
});
