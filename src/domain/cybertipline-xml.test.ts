import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { Report } from '../api/schemas/report';
import type { ReportFile } from '../api/schemas/report-file';
import hostile from '../server/demo/fixtures/hostile-strings.json';
import { fileDetailsXml, missingRequired, reportXml, xmlText } from './cybertipline-xml';
import { completeFile, completeReport, randomReport, seededRng } from './cybertipline-xml.fixtures';
import {
  documents,
  expectValid,
  howToGetXsd,
  readXsd,
  xsdPath,
} from './cybertipline-xsd.test-support';

const { _about, ...groups } = hostile;
/** Every hostile string, plus what only XML chokes on: lone surrogates, U+FFFE/U+FFFF, astral. */
const pool = [
  ...Object.values(groups).flat(),
  '\uD800 lone high',
  'lone low \uDFFF',
  '\uFFFE\uFFFF nonchars',
  '\u{1F9EA}\u{10FFFF} astral',
  'CR\rLF\r\n',
];

/** Open tags in document order: enough to check the XSD's sequences. */
const tags = (xml: string) => [...xml.matchAll(/<([A-Za-z]\w*)[\s/>]/g)].map((m) => m[1]);
const ids = { reportId: '4564654', fileId: 'b0754af766b426f2928a02c651ed4b99' };

describe('xmlText', () => {
  it('escapes markup and keeps CR from being normalised away', () => {
    expect(xmlText(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(xmlText('&amp; &#x0;')).toBe('&amp;amp; &amp;#x0;');
    expect(xmlText('a\r\nb\tc')).toBe('a&#13;\nb\tc');
  });

  it('drops every character XML 1.0 cannot carry', () => {
    expect(xmlText('a\u0000b\u0001\u0008\u000B\u000C\u001Fc')).toBe('abc');
    expect(xmlText('x\uD800y\uDFFFz')).toBe('xyz');
    expect(xmlText('\uFFFE\uFFFF!')).toBe('!');
  });

  it('keeps emoji, astral and private-use characters, and U+FFFD', () => {
    const kept = '🧪 é \u{10FFFF} \uE000 \uFFFD \u{1F600}';
    expect(xmlText(kept)).toBe(kept);
  });
});

describe('reportXml', () => {
  it('writes the report children in XSD order, and never batchedReport', () => {
    const xml = reportXml(completeReport());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<report>')).toBe(true);
    expect(tags(xml)).toEqual([
      'report',
      ...['incidentSummary', 'incidentType', 'escalateToHighPriority', 'reportAnnotations'],
      ...['spam', 'sextortion', 'incidentDateTime', 'incidentDateTimeDescription'],
      ...['internetDetails', 'webPageIncident', 'url', 'additionalInfo'],
      ...['internetDetails', 'webPageIncident', 'url', 'additionalInfo'],
      ...['reporter', 'reportingPerson', 'firstName', 'lastName', 'email'],
      'additionalInfo',
    ]);
    expect(xml).not.toContain('batchedReport');
    expect(xml).toContain('<firstName>Sam</firstName>\n');
    expect(xml).toContain('<lastName>de la Supervisor</lastName>');
    expect(xml).toContain('<webPageIncident thirdPartyHostedContent="true">');
  });

  it('reports a file’s other locations as web pages, briefly (the console keeps them to 100)', () => {
    const report = { ...completeReport(), files: [completeFile(1), completeFile(2)] };
    report.files[1]!.otherLocations.push('https://forum.example.org/t/1', 'https://x.example/1');
    report.files[0]!.otherLocations.push('https://x.example/1');
    const xml = reportXml(report);
    const infos = [...xml.matchAll(/<additionalInfo>(.*?)<\/additionalInfo>/g)].map((m) => m[1]);
    // Single-line ones only: the web pages' (the report's own spans lines).
    expect(infos.slice(1)).toEqual([
      `Same file (SHA-256 ${'01'.repeat(32)}) found here.`,
      '2 reported files found here; see the report&apos;s additionalInfo.',
      `Same file (SHA-256 ${'02'.repeat(32)}) found here.`,
    ]);
    expect(infos[1]!.length).toBeLessThanOrEqual(100);
    // The web page already listed is not repeated.
    expect(xml.match(/forum\.example\.org/g)).toHaveLength(2);
  });

  it('escapes hostile text and writes the uploader and prior report', () => {
    const report = completeReport();
    report.reportedPerson = {
      screenName: "<script>alert('x')</script>",
      profileUrl: null,
      ipCaptureEvents: [{ ipAddress: '192.0.2.1', eventName: 'Upload', dateTime: null }],
    };
    report.priorReport = { id: 'r-0', ncmecReportId: '123' };
    const xml = reportXml(report);
    expect(xml).toContain(
      '<screenName>&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;</screenName>',
    );
    expect(xml).not.toContain('<script');
    expect(tags(xml.slice(xml.indexOf('<personOrUserReported>')))).toEqual([
      ...['personOrUserReported', 'screenName', 'ipCaptureEvent', 'ipAddress', 'eventName'],
      ...['thirdPartyUserReported', 'priorCTReports', 'additionalInfo'],
    ]);
  });

  it('writes each annotation once, and no blank escalation', () => {
    const report = completeReport();
    report.incidentSummary.reportAnnotations = ['spam', 'spam'];
    report.incidentSummary.escalateToHighPriority = ' \u0000 ';
    const xml = reportXml(report);
    expect(xml.match(/<spam>true<\/spam>/g)).toHaveLength(1);
    expect(xml).not.toContain('escalateToHighPriority');
  });

  it('names the missing required fields, and refuses to write without them', () => {
    const report = completeReport();
    expect(missingRequired(report)).toEqual([]);
    report.incidentSummary.incidentType = null;
    report.incidentSummary.incidentDateTime = null;
    report.reporter = null;
    const missing = ['incidentSummary/incidentType', 'incidentSummary/incidentDateTime'];
    expect(missingRequired(report)).toEqual([...missing, 'reporter/reportingPerson']);
    expect(() => reportXml(report)).toThrow(/incidentSummary\/incidentType.*reporter/);
    report.reporter = { userId: 'u', name: 'A B', email: ' ' };
    expect(missingRequired(report)).toEqual([...missing, 'reporter/reportingPerson/email']);
  });
});

describe('fileDetailsXml', () => {
  it('writes the file children in XSD order', () => {
    const report = completeReport();
    expect(tags(fileDetailsXml(report, report.files[0]!, ids))).toEqual([
      ...['fileDetails', 'reportId', 'fileId', 'fileName', 'originalFileName'],
      ...['uploadedToEspTimestamp', 'locationOfFile', 'fileViewedByEsp', 'exifViewedByEsp'],
      ...['publiclyAvailable', 'fileAnnotations', 'generativeAi', 'industryClassification'],
      ...['originalFileHash', 'details', 'nameValuePair', 'name', 'value'],
      ...['nameValuePair', 'name', 'value', 'additionalInfo', 'additionalInfo'],
    ]);
  });

  it('says in words what its fields cannot: other URLs, every crawl time, the reasons for its gaps', () => {
    const report = completeReport();
    const file: ReportFile = {
      ...completeFile(1),
      locationOfFile: null,
      crawledAt: ['2025-02-27T01:00:00.000Z', '2025-03-01T08:00:00.000Z'],
    };
    report.files = [file];
    report.notAvailable = [
      { field: 'location_of_file', reason: 'Generated: the supplier gave only javascript: URLs.' },
      { field: 'ip_capture', reason: 'Crawled data: no uploader IP address.' },
    ];
    const infos = [...fileDetailsXml(report, file, ids).matchAll(/<additionalInfo>([^<]*)</g)].map(
      (m) => m[1],
    );
    expect(infos).toEqual([
      'The same file was also found at:\nhttps://mirror.example.net/1.jpg',
      'Fetched from the web by a crawler at: 2025-02-27T01:00:00.000Z, 2025-03-01T08:00:00.000Z',
      'Not available, fileDetails/locationOfFile: Generated: the supplier gave only javascript: URLs.',
    ]);
  });

  it('never claims the file viewed when only its EXIF was', () => {
    const file: ReportFile = { ...completeFile(1), exifViewedByEsp: true, otherLocations: [] };
    const xml = fileDetailsXml({ ...completeReport(), files: [file] }, file, ids);
    expect(xml).toContain('<fileViewedByEsp>false</fileViewedByEsp>');
    expect(xml).not.toContain('exifViewedByEsp');
    expect(xml).toContain('viewed the EXIF metadata, not the whole file');
  });

  it('refuses a file of another report and an id NCMEC could not have given', () => {
    const report = completeReport();
    expect(() => fileDetailsXml(report, completeFile(9), ids)).toThrow(/not part of report/);
    const file = report.files[0]!;
    expect(() => fileDetailsXml(report, file, { ...ids, reportId: '12a' })).toThrow(/reportId/);
  });
});

/** Hand-written reports: complete, minimal, with an uploader, with several files. */
function handWritten(): Report[] {
  const complete = completeReport();
  const minimal: Report = {
    ...complete,
    incidentSummary: {
      ...complete.incidentSummary,
      escalateToHighPriority: null,
      reportAnnotations: [],
      incidentDateTimeDescription: null,
    },
    webPages: [],
    additionalInfo: '',
    files: [
      {
        ...completeFile(3),
        ...{ originalFileName: null, locationOfFile: null, otherLocations: [] },
        ...{ originalFileHash: null, uploadedToEspTimestamp: null, publiclyAvailable: null },
        ...{ industryClassification: null, fileAnnotations: [], hashDetails: [] },
      },
    ],
    reporter: { userId: 'u-sup', name: 'Sam', email: 'sam@example.com' },
  };
  const person: Report = {
    ...complete,
    reportedPerson: {
      screenName: 'uploader_77',
      profileUrl: 'https://social.example/uploader_77',
      ipCaptureEvents: [
        { ipAddress: '192.0.2.1', eventName: 'Upload', dateTime: '2024-12-01T10:00:00Z' },
        { ipAddress: '2001:db8::1', eventName: 'Login', dateTime: null },
      ],
    },
    priorReport: { id: 'r-0', ncmecReportId: '987654321' },
  };
  const files = [1, 2, 3].map(completeFile);
  files[1]!.otherLocations.push(
    'https://forum.example.org/t/1',
    'https://mirror.example.net/1.jpg',
  );
  files[2]!.fileViewedByEsp = {
    viewed: true,
    evidence: null,
    sentAt: null,
    viewedAfterFiling: null,
  };
  return [complete, minimal, person, { ...complete, files }];
}

if (!xsdPath) console.info(`Skipping CyberTipline XSD validation: ${howToGetXsd}`);

describe.skipIf(!xsdPath)(`validates against NCMEC’s XSD (${xsdPath ?? howToGetXsd})`, () => {
  it('the validator rejects children out of order (so a pass means something)', async () => {
    const xml = reportXml(completeReport()).replace(
      /(<incidentType>.*<\/incidentType>)\n(.*)(<escalateToHighPriority>.*<\/escalateToHighPriority>)/,
      '$3\n$2$1',
    );
    const schema = readXsd();
    const result = await validateXML({ xml: [{ fileName: 'swapped.xml', contents: xml }], schema });
    expect(result.valid).toBe(false);
  });

  it('hand-written reports and their files', async () => {
    const docs = documents(handWritten(), 'hand');
    expect(docs).toHaveLength(4 + 6); // reports + files
    await expectValid(docs);
  });

  it('300 random reports with hostile text, random nulls and 0–4 files', async () => {
    const rng = seededRng(20250311);
    const reports = Array.from({ length: 300 }, (_, i) => randomReport(rng, pool, i));
    for (const report of reports) expect(Report.safeParse(report).error).toBeUndefined();
    for (const report of reports.filter((r) => missingRequired(r).length > 0))
      expect(() => reportXml(report)).toThrow(missingRequired(report)[0]);
    const docs = documents(reports, 'random');
    for (const xml of hostile.xml)
      expect(docs.some((d) => d.contents.includes(xmlText(xml).trim()))).toBe(true);
    expect(docs.length).toBeGreaterThan(600);
    await expectValid(docs);
    const reportDocs = docs.filter((d) => !d.fileName.includes('-file-')).length;
    console.info(
      `validated ${docs.length} documents (${reportDocs} <report>, ${docs.length - reportDocs} <fileDetails>), 0 failures; ${reports.length - reportDocs} reports lacking a required field were refused`,
    );
  }, 120_000);
});
