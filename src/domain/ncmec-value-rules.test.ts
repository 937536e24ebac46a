import { describe, expect, it } from 'vitest';
import hostile from '../server/demo/fixtures/hostile-strings.json';
import { documentRefusals, type DocumentElement } from './ncmec-document-rules';
import { ncmecRefusal } from './ncmec-value-rules';

const NOW = new Date('2026-01-15T12:00:00Z');
const refusal = (path: string, value: string) => ncmecRefusal(path, value, NOW);

describe('NCMEC’s value rules', () => {
  it('a URL must be a valid web address of at most 2,083 characters', () => {
    const path = 'webPageIncident/url';
    for (const good of [
      'https://example.com/',
      'http://xn--exmple-cua.com/',
      'https://example.com/%3Cscript%3Ealert(1)%3C/script%3E',
      'https://user:pass@example.com:8443/path?q=a&b=c#frag',
      'http://198.51.100.7/a.jpg',
      'https://[2001:db8::1]/x',
      'ftp://files.example.org/pub/x.zip',
    ])
      expect(refusal(path, good), good).toBeNull();
    for (const bad of [
      'javascript:alert(document.domain)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      '&#106;avascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'https://user:pass@example.com:8443/path?q=<script>#frag',
      'https://exаmple.com/cyrillic-a',
      'https://example.com/\u202egpj.exe',
      '//evil.example/protocol-relative',
      '<a href="javascript:alert(1)">click</a>',
      'https://example.com/a b',
      'https://[2001:db8::1::2]/x',
      'mailto:someone@example.com',
      'https://',
    ])
      expect(refusal(path, bad), bad).toBe('must be a valid URL');
    const long = `https://example.com/${'a'.repeat(2083 - 20)}`;
    expect(long).toHaveLength(2083);
    expect(refusal(path, long)).toBeNull();
    expect(refusal(path, `${long}a`)).toBe('max length is 2083 characters');
    expect(refusal('personOrUserReported/profileUrl', 'javascript:alert(1)')).toBe(
      'must be a valid URL',
    );
    expect(refusal('fileDetails/locationOfFile', `${long}a`)).toBe('max length is 2083 characters');
  });

  it('every hostile URL of the fixture but the well-formed ones is refused', () => {
    const accepted = hostile.urls.filter((u) => refusal('webPageIncident/url', u) === null);
    expect(accepted).toEqual([
      'http://xn--exmple-cua.com/',
      'https://example.com/%3Cscript%3Ealert(1)%3C/script%3E',
    ]);
  });

  it('file names up to 2,056 characters, screen names up to 256', () => {
    expect(refusal('fileDetails/originalFileName', 'a'.repeat(2056))).toBeNull();
    expect(refusal('fileDetails/originalFileName', 'a'.repeat(2057))).toBe(
      'max length is 2056 characters',
    );
    expect(refusal('report/personOrUserReported/screenName', 'a'.repeat(256))).toBeNull();
    expect(refusal('report/personOrUserReported/screenName', 'a'.repeat(257))).toBe(
      'max length is 256 characters',
    );
    // The most specific path wins: an associated account's names may be longer.
    expect(refusal('reportingPerson/firstName', 'a'.repeat(101))).toBe(
      'max length is 100 characters',
    );
    expect(refusal('associatedAccount/firstName', 'a'.repeat(101))).toBeNull();
  });

  it('IP addresses: IPv4, IPv6 and IPv4-mapped IPv6', () => {
    const path = 'personOrUserReported/ipCaptureEvent/ipAddress';
    for (const good of ['203.0.113.7', '::1', '2001:db8::8a2e:370:7334', '::ffff:192.0.2.1'])
      expect(refusal(path, good), good).toBeNull();
    for (const bad of ['256.1.1.1', '010.1.1.1', '1.2.3', '2001:db8::1::2', 'fe80::1%eth0', 'x'])
      expect(refusal(path, bad), bad).toBe(
        'must be a valid IPv4, IPv6, or IPv4-mapped IPv6 address',
      );
    expect(refusal(path, ' ')).toBe('must not be blank if <ipCaptureEvent> supplied');
  });

  it('email addresses: well-formed, at most 255 characters, a local part of at most 64', () => {
    const path = 'reporter/reportingPerson/email';
    expect(refusal(path, 'sasha.reyes@verity.test')).toBeNull();
    expect(refusal(path, 'sasha@localhost')).toBe('must be a well-formed email address');
    expect(refusal(path, 'a b@verity.test')).toBe('must be a well-formed email address');
    expect(refusal(path, `${'a'.repeat(65)}@verity.test`)).toBe(
      'max length of local part (before @ sign) is 64 characters',
    );
  });

  it('date/times must be in the past, with a time zone', () => {
    expect(refusal('incidentSummary/incidentDateTime', '2025-08-14T02:11:00Z')).toBeNull();
    expect(refusal('incidentSummary/incidentDateTime', '2099-01-01T00:00:00Z')).toBe(
      'must be in the past',
    );
    expect(refusal('ipCaptureEvent/dateTime', '2099-01-01T00:00:00Z')).toBe('must be in the past');
    expect(refusal('fileDetails/uploadedToEspTimestamp', '2026-01-15T12:00:00Z')).toBe(
      'must be in the past',
    );
    expect(refusal('ipCaptureEvent/dateTime', '2025-08-14T02:11:00')).toBe('must be in the past');
  });

  it('an escalation, when supplied, is not blank and at most 3,000 characters', () => {
    const path = 'incidentSummary/escalateToHighPriority';
    expect(refusal(path, '  ')).toBe('must not be blank if <escalateToHighPriority> supplied');
    expect(refusal(path, 'x'.repeat(3001))).toBe('max length is 3000 characters');
  });
});

const el = (path: string, text = '', attributes: Record<string, string> = {}): DocumentElement => ({
  path,
  text,
  attributes,
});

describe('documentRefusals', () => {
  it('names each refused value by its path, attributes too', () => {
    const refusals = documentRefusals(
      [
        el('fileDetails'),
        el('fileDetails/locationOfFile', 'javascript:alert(1)'),
        el('fileDetails/originalFileHash', 'ab', { hashType: 'x'.repeat(65) }),
      ],
      NOW,
    );
    expect(refusals).toEqual([
      { path: 'fileDetails/locationOfFile', says: 'must be a valid URL' },
      { path: 'fileDetails/originalFileHash/@hashType', says: 'max length is 64 characters' },
    ]);
  });

  it('at most one reported person outside a batched report; an email for the reporting person', () => {
    const report = [
      el('report'),
      el('report/reporter'),
      el('report/reporter/reportingPerson'),
      el('report/personOrUserReported'),
      el('report/personOrUserReported'),
    ];
    expect(documentRefusals(report, NOW)).toEqual([
      { path: 'report/reporter/reportingPerson/email', says: '<email> is required' },
      {
        path: 'report/personOrUserReported',
        says: 'element is optional but at most 1 element may be supplied',
      },
    ]);
  });

  it('EXIF viewed needs the file viewed', () => {
    const details = [
      el('fileDetails'),
      el('fileDetails/fileViewedByEsp', 'false'),
      el('fileDetails/exifViewedByEsp', 'true'),
    ];
    expect(documentRefusals(details, NOW)).toEqual([
      {
        path: 'fileDetails/fileViewedByEsp',
        says: 'must be "true" when the value of <exifViewedByEsp> is "true"',
      },
    ]);
  });
});
