import { describe, expect, it } from 'vitest';
import {
  blockers,
  checklistProgress,
  reportChecklist,
  type ChecklistInput,
} from './report-checklist';

const sha = 'a'.repeat(64);
const NOW = new Date('2026-11-25T12:00:00Z');

/** A report with every field filled. */
function completeReport(): ChecklistInput {
  return {
    incident: {
      supplier: { id: 'sup_1', name: 'Acme Data' },
      dataset: { id: 'ds_1', name: 'webimg', version: '3' },
      batchId: 'b-4471',
    },
    reporter: { userId: 'usr_sasha', name: 'Sasha Reyes', email: 'sasha@verity.test' },
    incidentSummary: {
      incidentType: 'Child Pornography (possession, manufacture, and distribution)',
      escalateToHighPriority: 'A new upload of an ongoing series.',
      reportAnnotations: [],
      incidentDateTime: '2025-08-14T02:11:00Z',
      incidentDateTimeDescription: 'Crawl time',
    },
    webPages: [
      { url: 'https://example.com/page', thirdPartyHostedContent: true, additionalInfo: '' },
    ],
    reportedPerson: {
      screenName: 'user_1',
      profileUrl: null,
      ipCaptureEvents: [{ ipAddress: '198.51.100.7', eventName: 'Upload', dateTime: null }],
    },
    additionalInfo: 'Found by NCMEC hash list, PDQ d=12.',
    excludedFromTraining: true,
    files: [
      {
        sha256: sha,
        originalFileName: 'x.jpg',
        locationOfFile: 'https://example.com/x.jpg',
        publiclyAvailable: true,
        exifViewedByEsp: false,
        industryClassification: 'A1',
        fileAnnotations: ['generativeAi'],
        otherLocations: [],
        originalFileHash: { hashType: 'SHA256', value: sha },
        uploadedToEspTimestamp: '2025-08-15T00:00:00Z',
        hashDetails: [{ name: 'MD5', value: 'b'.repeat(32) }],
      },
    ],
    notAvailable: [],
  };
}

const stateOf = (report: ChecklistInput, id: string) =>
  reportChecklist(report, NOW).find((e) => e.id === id)?.state;

describe('reportChecklist', () => {
  it('settles every entry of a complete report; nothing blocks', () => {
    const entries = reportChecklist(completeReport(), NOW);
    expect(entries.every((e) => e.state === 'present')).toBe(true);
    expect(blockers(entries, 'file')).toEqual([]);
    expect(checklistProgress(entries)).toEqual({ settled: 12, total: 12 });
  });

  it('levels: required and actionability entries block, recommended ones never do', () => {
    const report = completeReport();
    report.incidentSummary.incidentType = null;
    report.webPages = [];
    report.additionalInfo = ' ';
    const entries = reportChecklist(report, NOW);
    expect(blockers(entries, 'approve').map((e) => [e.id, e.level])).toEqual([
      ['incident_type', 'required'],
      ['web_page_url', 'actionability'],
    ]);
    expect(stateOf(report, 'additional_info')).toBe('missing');
  });

  it('an actionability entry marked not available with a reason no longer blocks', () => {
    const report = completeReport();
    report.reportedPerson = null;
    expect(blockers(reportChecklist(report, NOW), 'approve').map((e) => e.id)).toEqual([
      'reported_person',
      'ip_capture',
    ]);
    report.notAvailable = [
      { field: 'reported_person', reason: 'The supplier keeps no uploader metadata.' },
      { field: 'ip_capture', reason: '  n/a     ' },
    ];
    const entries = reportChecklist(report, NOW);
    expect(entries.find((e) => e.id === 'reported_person')).toMatchObject({
      state: 'not_available',
      reason: 'The supplier keeps no uploader metadata.',
    });
    // “n/a” is no reason: a reason says why, in at least ten characters.
    expect(blockers(entries, 'approve').map((e) => e.id)).toEqual(['ip_capture']);
  });

  it('“not available” cannot excuse a required entry', () => {
    const report = completeReport();
    report.incidentSummary.incidentDateTimeDescription = null;
    expect(stateOf(report, 'incident_date')).toBe('missing');
  });

  it('per-file entries say how many files lack them', () => {
    const report = completeReport();
    const [first] = report.files;
    if (!first) throw new Error('fixture');
    report.files = [first, { ...first, sha256: 'c'.repeat(64), locationOfFile: null }];
    expect(reportChecklist(report, NOW).find((e) => e.id === 'location_of_file')).toMatchObject({
      state: 'missing',
      detail: '1 of 2 files',
    });
  });

  it('the reporter is deferred to approval: it blocks filing, not approval', () => {
    const report = { ...completeReport(), reporter: null };
    const entries = reportChecklist(report, NOW);
    expect(stateOf(report, 'reporter_email')).toBe('deferred');
    expect(blockers(entries, 'approve')).toEqual([]);
    expect(blockers(entries, 'file').map((e) => e.id)).toEqual(['reporter_email']);
  });

  it('whether a person viewed each file is always answered', () => {
    const report = completeReport();
    expect(stateOf(report, 'file_viewed')).toBe('present');
  });

  it('an incident time in the future is refused by NCMEC, naming the rule', () => {
    const report = completeReport();
    report.incidentSummary.incidentDateTime = '2026-11-26T00:00:00Z';
    expect(reportChecklist(report, NOW).find((e) => e.id === 'incident_date')).toMatchObject({
      state: 'refused',
      refusals: ['incident date: must be in the past'],
    });
  });

  it('a value NCMEC refuses is its own state, naming the rule, and blocks at every level', () => {
    const report = completeReport();
    report.webPages = [
      { url: 'https://example.com/ok', thirdPartyHostedContent: true, additionalInfo: '' },
      { url: 'javascript:alert(1)', thirdPartyHostedContent: true, additionalInfo: '' },
    ];
    const [file] = report.files;
    if (!file) throw new Error('fixture');
    report.files = [{ ...file, originalFileName: 'a'.repeat(2057) }];
    report.reportedPerson = {
      screenName: 'u'.repeat(257),
      profileUrl: `https://example.com/${'p'.repeat(2100)}`,
      ipCaptureEvents: [
        { ipAddress: '203.0.113.300', eventName: 'Upload', dateTime: '2099-01-01T00:00:00Z' },
      ],
    };
    const entries = reportChecklist(report, NOW);
    const refused = entries.filter((e) => e.state === 'refused');
    expect(refused.map((e) => [e.id, e.level, e.refusals])).toEqual([
      ['web_page_url', 'actionability', ['web page 2: must be a valid URL']],
      [
        'reported_person',
        'actionability',
        ['screen name: max length is 256 characters', 'profile URL: max length is 2083 characters'],
      ],
      [
        'ip_capture',
        'actionability',
        [
          'IP address 1: must be a valid IPv4, IPv6, or IPv4-mapped IPv6 address',
          'IP address 1 time: must be in the past',
        ],
      ],
      ['original_file_name', 'recommended', ['file 1: max length is 2056 characters']],
    ]);
    // A recommended entry refused blocks too: NCMEC would refuse the whole document.
    expect(blockers(entries, 'approve').map((e) => e.id)).toEqual(refused.map((e) => e.id));
    expect(blockers(entries, 'file').map((e) => e.id)).toEqual(refused.map((e) => e.id));
    expect(checklistProgress(entries)).toEqual({ settled: 9, total: 12 });
  });

  it('“Web page URL” is present when the XML carries one: a file found at another URL', () => {
    const report = completeReport();
    report.webPages = [];
    expect(stateOf(report, 'web_page_url')).toBe('missing');
    const [file] = report.files;
    if (!file) throw new Error('fixture');
    report.files = [{ ...file, otherLocations: ['https://mirror.example.net/x.jpg'] }];
    expect(stateOf(report, 'web_page_url')).toBe('present');
    report.files = [{ ...file, otherLocations: ['javascript:alert(1)'] }];
    expect(reportChecklist(report, NOW).find((e) => e.id === 'web_page_url')).toMatchObject({
      state: 'refused',
      refusals: ['file 1, found also at: must be a valid URL'],
    });
  });

  it('asks for what only a person can say: escalation, file annotations, third-party pages, training', () => {
    const report = completeReport();
    report.incidentSummary.escalateToHighPriority = null;
    report.webPages = report.webPages.map((p) => ({ ...p, thirdPartyHostedContent: null }));
    report.files = report.files.map((f) => ({ ...f, fileAnnotations: [] }));
    report.excludedFromTraining = null;
    const entries = reportChecklist(report, NOW);
    const asked = entries.filter((e) => e.state === 'missing');
    expect(asked.map((e) => [e.id, e.level])).toEqual([
      ['escalate_to_high_priority', 'recommended'],
      ['third_party_hosted', 'recommended'],
      ['file_annotations', 'recommended'],
      ['excluded_from_training', 'recommended'],
    ]);
    expect(blockers(entries, 'file')).toEqual([]);
    report.excludedFromTraining = false;
    expect(stateOf(report, 'excluded_from_training')).toBe('present');
  });

  it('source details need dataset, version and batch', () => {
    const report = completeReport();
    report.incident = { ...report.incident, batchId: null };
    expect(stateOf(report, 'source_details')).toBe('missing');
  });
});
