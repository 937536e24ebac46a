import { FileAnnotation, IndustryClassification } from '../api/schemas/decision';
import { REFUSED_EXCERPT_MAX, RefusedSourceValue } from '../api/schemas/refused-source-value';
import { ActionabilityField, type Report } from '../api/schemas/report';
import type { ReportFile } from '../api/schemas/report-file';
import { IncidentType, ReportAnnotation } from '../api/schemas/report-incident';
import { IpEventName } from '../api/schemas/report-person';

/**
 * Test-only reports for `cybertipline-xml.test.ts`: one complete hand-written report, and a
 * seeded generator that fills every field the XML reads with random, often hostile, text.
 * Hostile strings are passed in, because `domain/` may not import the mocks' fixtures.
 */

export type Rng = () => number;

/** mulberry32: small, fast and deterministic; enough to make a failure reproducible. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sha = (n: number) => n.toString(16).padStart(2, '0').repeat(32);
const actor = { id: 'u-sup', name: 'Sam Supervisor', role: 'supervisor' } as const;

export function completeFile(n = 1): ReportFile {
  return {
    sha256: sha(n),
    itemIds: [`item-${n}`],
    fileName: `${sha(n)}.jpg`,
    originalFileName: `IMG_00${n}.jpg`,
    locationOfFile: `https://img.example.com/${n}.jpg`,
    otherLocations: [`https://mirror.example.net/${n}.jpg`],
    originalFileHash: { hashType: 'MD5', value: 'd41d8cd98f00b204e9800998ecf8427e' },
    uploadedToEspTimestamp: '2025-03-02T10:00:00Z',
    publiclyAvailable: true,
    fileViewedByEsp: { viewed: false, evidence: null, sentAt: null, viewedAfterFiling: null },
    exifViewedByEsp: false,
    industryClassification: 'A1',
    fileAnnotations: ['generativeAi'],
    hashDetails: [
      { name: 'PDQ', value: 'f'.repeat(64) },
      { name: 'matchedList', value: 'hash list v12, distance 8' },
    ],
    crawledAt: ['2025-03-01T08:00:00.000Z'],
  };
}

/** A report with every field the XML reads filled in. */
export function completeReport(): Report {
  return {
    id: 'r-1',
    version: 3,
    status: 'approved',
    incident: {
      supplier: { id: 's-1', name: 'Acme Data' },
      dataset: { id: 'd-1', name: 'web-crawl', version: '2025-02' },
      batchId: 'b-7',
    },
    incidentSummary: {
      incidentType: 'Child Pornography (possession, manufacture, and distribution)',
      escalateToHighPriority: 'Signs of ongoing abuse.',
      reportAnnotations: ['spam', 'sextortion'],
      incidentDateTime: '2025-03-01T08:00:00.000Z',
      incidentDateTimeDescription: 'Crawl fetch time.',
    },
    webPages: [
      {
        url: 'https://forum.example.org/t/1',
        thirdPartyHostedContent: true,
        additionalInfo: 'Acme Data, web-crawl 2025-02, record 4411',
      },
    ],
    reportedPerson: null,
    additionalInfo: 'Matched PhotoDNA list v12.',
    excludedFromTraining: true,
    files: [completeFile(1)],
    notAvailable: [],
    refusedSourceValues: [],
    createdAt: '2025-03-03T09:00:00Z',
    updatedAt: '2025-03-03T10:00:00Z',
    reporter: { userId: 'u-sup', name: 'Sam de la Supervisor', email: 'sam@example.com' },
    priorReport: null,
    draftEditors: [],
    amendedBy: [],
    submittedBy: actor,
    review: null,
    filing: null,
    filed: null,
  };
}

const normal = [
  'Acme Data',
  'https://example.com/a.jpg',
  'record 4411',
  'Jane Q. Reviewer',
  'photo.png',
  '',
  ' ',
  '10.0.0.1',
];

/**
 * A random report. `featured` (a pool string) lands in several fields of every report, so that
 * over `pool.length` reports each hostile string is written at least once in each of them.
 */
export function randomReport(rng: Rng, pool: readonly string[], index: number): Report {
  const int = (n: number) => Math.floor(rng() * n);
  const chance = (p: number) => rng() < p;
  const pick = <T>(values: readonly T[]): T => {
    const value = values[int(values.length)];
    if (value === undefined) throw new Error('pick from an empty list');
    return value;
  };
  const list = <T>(max: number, make: () => T) => Array.from({ length: int(max + 1) }, make);
  const orNull = <T>(make: () => T): T | null => (chance(0.25) ? null : make());
  const featured = (pool[index % pool.length] ?? '').slice(0, 4000);
  // Slicing may split a surrogate pair: a lone surrogate is a hostile input of its own.
  const text = (max = 4000) =>
    (chance(0.6) ? pick(pool) : chance(0.5) ? pick(normal) : `${pick(normal)} ${pick(pool)}`).slice(
      0,
      max,
    );
  const time = () => new Date(Date.UTC(2015, 0, 1) + int(10 * 365 * 86_400_000)).toISOString();
  const hex = (length: number) => Array.from({ length }, () => int(16).toString(16)).join('');
  const urls = list(4, () => text());

  const file = (): ReportFile => ({
    sha256: hex(64),
    itemIds: [`item-${hex(6)}`],
    fileName: chance(0.2) ? featured : text(),
    originalFileName: orNull(() => featured),
    locationOfFile: orNull(text),
    otherLocations: list(3, () => (chance(0.5) && urls.length > 0 ? pick(urls) : text())),
    originalFileHash: orNull(() => ({ hashType: pick(['SHA256', 'MD5', 'SHA1']), value: text() })),
    uploadedToEspTimestamp: orNull(time),
    publiclyAvailable: orNull(() => chance(0.5)),
    fileViewedByEsp: {
      ...(chance(0.5)
        ? { viewed: false, evidence: null }
        : { viewed: true, evidence: { seq: 1 + int(999), at: time(), actor, itemId: 'item-1' } }),
      sentAt: null,
      viewedAfterFiling: null,
    },
    exifViewedByEsp: chance(0.5),
    industryClassification: orNull(() => pick(IndustryClassification.options)),
    // Duplicates on purpose: the contract allows them, the XSD's xs:all does not.
    fileAnnotations: list(4, () => pick(FileAnnotation.options)),
    hashDetails: list(3, () => ({ name: text(), value: chance(0.3) ? featured : text() })),
    crawledAt: list(2, time),
  });
  const files = list(4, file);

  return {
    ...completeReport(),
    id: `r-${index}`,
    incidentSummary: {
      incidentType: chance(0.05) ? null : pick(IncidentType.options),
      escalateToHighPriority: orNull(() => featured.slice(0, 2000)),
      reportAnnotations: list(4, () => pick(ReportAnnotation.options)),
      incidentDateTime: chance(0.05) ? null : time(),
      incidentDateTimeDescription: orNull(() => text(500)),
    },
    webPages: urls.map((url) => ({
      url: chance(0.3) ? featured : url,
      thirdPartyHostedContent: orNull(() => chance(0.5)),
      additionalInfo: text(100),
    })),
    reportedPerson: orNull(() => ({
      screenName: orNull(() => featured),
      profileUrl: orNull(text),
      ipCaptureEvents: list(3, () => ({
        ipAddress: text(100) || '192.0.2.1',
        eventName: pick(IpEventName.options),
        dateTime: orNull(time),
      })),
    })),
    additionalInfo: chance(0.5) ? featured : text(),
    excludedFromTraining: orNull(() => chance(0.5)),
    files,
    reporter: chance(0.05) ? null : { userId: 'u-sup', name: text(), email: text() },
    priorReport: orNull(() => ({ id: 'r-0', ncmecReportId: String(1 + int(1e9)) })),
    ...notAvailableAndRefused(index, files, { chance, pick, text, hex }),
  };
}

/** Reasons (hostile ones too) and values set aside, some about a file, some about the report. */
function notAvailableAndRefused(
  index: number,
  files: readonly ReportFile[],
  draw: {
    chance: (p: number) => boolean;
    pick: <T>(values: readonly T[]) => T;
    text: (max?: number) => string;
    hex: (length: number) => string;
  },
): Pick<Report, 'notAvailable' | 'refusedSourceValues'> {
  const fields = ActionabilityField.options.filter(() => draw.chance(0.3));
  return {
    notAvailable: fields.map((field) => ({
      field,
      reason: `Reason given in report ${index}: ${draw.text(1900)}`,
    })),
    refusedSourceValues: Array.from({ length: draw.chance(0.5) ? 2 : 0 }, () => ({
      field: draw.pick(RefusedSourceValue.shape.field.options),
      xsdPath: 'fileDetails/locationOfFile',
      itemId: `item-${draw.hex(6)}`,
      fileSha256: files.length > 0 && draw.chance(0.5) ? draw.pick(files).sha256 : null,
      rule: 'must be a valid URL',
      length: 19,
      sha256: draw.hex(64),
      excerpt: draw.text(REFUSED_EXCERPT_MAX),
    })),
  };
}
