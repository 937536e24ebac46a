import { expect, test } from 'vitest';
import type { ReportEditable } from '../../../api/schemas/report';
import { carryEdits, overlapSections } from './carry-edits';

type File = ReportEditable['files'][number];
const file = (sha256: string, locationOfFile: string | null = null): File => ({
  sha256,
  originalFileName: null,
  locationOfFile,
  publiclyAvailable: null,
  exifViewedByEsp: false,
  industryClassification: null,
  fileAnnotations: [],
});

const base: ReportEditable = {
  incidentSummary: {
    incidentType: null,
    escalateToHighPriority: null,
    reportAnnotations: [],
    incidentDateTime: null,
    incidentDateTimeDescription: null,
  },
  webPages: [],
  reportedPerson: null,
  additionalInfo: 'first notes',
  excludedFromTraining: null,
  notAvailable: [],
  files: [file('a'.repeat(64)), file('b'.repeat(64))],
};

const withFiles = (fields: ReportEditable, files: File[]) => ({ ...fields, files });

test('each side keeps what only it changed; nothing is reported as changed by both', () => {
  const mine = { ...base, additionalInfo: 'mine', excludedFromTraining: true };
  const theirs = {
    ...base,
    incidentSummary: { ...base.incidentSummary, incidentDateTimeDescription: 'theirs' },
  };
  const { fields, overlaps } = carryEdits(base, mine, theirs);
  expect(fields.additionalInfo).toBe('mine');
  expect(fields.excludedFromTraining).toBe(true);
  expect(fields.incidentSummary.incidentDateTimeDescription).toBe('theirs');
  expect(overlaps).toEqual([]);
});

test('a value both changed differently keeps the person’s own, and names where', () => {
  const mine = { ...base, additionalInfo: 'mine' };
  const theirs = { ...base, additionalInfo: 'theirs' };
  const { fields, overlaps } = carryEdits(base, mine, theirs);
  expect(fields.additionalInfo).toBe('mine');
  expect(overlaps).toEqual([['additionalInfo']]);
  expect(overlapSections(overlaps, base.files)).toEqual(['Additional information']);
});

test('the same change made by both is no overlap', () => {
  const both = { ...base, additionalInfo: 'same words' };
  expect(carryEdits(base, both, { ...both }).overlaps).toEqual([]);
});

test('files follow the saved report: edits stay with their file, a file moved out stays out', () => {
  const [first, second] = base.files as [File, File];
  const mine = withFiles(base, [first, file(second.sha256, 'shard 7')]);
  // Meanwhile the first file was moved out and the second's place changed.
  const theirs = withFiles(base, [{ ...second, originalFileName: 'theirs.jpg' }]);
  const { fields, overlaps, movedOut } = carryEdits(base, mine, theirs);
  expect(fields.files).toEqual([
    { ...second, originalFileName: 'theirs.jpg', locationOfFile: 'shard 7' },
  ]);
  expect(overlaps).toEqual([]);
  expect(movedOut).toEqual([]);
});

test('a file the person changed that was moved out meanwhile stays out, and is named', () => {
  const [first, second] = base.files as [File, File];
  const mine = withFiles(base, [file(first.sha256, 'shard 3'), second]);
  const theirs = withFiles(base, [second]);
  const { fields, overlaps, movedOut } = carryEdits(base, mine, theirs);
  expect(fields.files).toEqual([second]);
  expect(overlaps).toEqual([]);
  expect(movedOut).toEqual([first.sha256]);
});

test('reasons a value is not available are carried one field at a time, whatever their order', () => {
  type Reason = ReportEditable['notAvailable'][number];
  const reason = (field: string, text: string) => ({ field, reason: text }) as Reason;
  const kept = reason('web_page_url', 'no page: found in an archive');
  const start = { ...base, notAvailable: [kept] };
  // The person explains the IP capture and drops their earlier reason's place to the end; the
  // other explained the reported person.
  const mine = {
    ...start,
    notAvailable: [reason('ip_capture', 'no capture in the manifest'), kept],
  };
  const theirs = {
    ...start,
    notAvailable: [kept, reason('reported_person', 'no uploader is known')],
  };
  const { fields, overlaps } = carryEdits(start, mine, theirs);
  expect(fields.notAvailable).toEqual([
    kept,
    reason('reported_person', 'no uploader is known'),
    reason('ip_capture', 'no capture in the manifest'),
  ]);
  expect(overlaps).toEqual([]);
  // A reason one removed and the other left alone is gone.
  expect(carryEdits(start, { ...start, notAvailable: [] }, start).fields.notAvailable).toEqual([]);
});

test('a file’s field both changed is named by the file’s place in the saved report', () => {
  const [first, second] = base.files as [File, File];
  const mine = withFiles(base, [first, file(second.sha256, 'mine')]);
  const theirs = withFiles(base, [first, file(second.sha256, 'theirs')]);
  const { fields, overlaps } = carryEdits(base, mine, theirs);
  expect(fields.files[1]?.locationOfFile).toBe('mine');
  expect(overlaps).toEqual([['files', second.sha256, 'locationOfFile']]);
  expect(overlapSections(overlaps, theirs.files)).toEqual(['File 2']);
});

test('a list both changed (web pages) is taken whole from the person, and named once', () => {
  const page = (url: string) => ({ url }) as unknown as ReportEditable['webPages'][number];
  const mine = { ...base, webPages: [page('https://mine.example/')] };
  const theirs = { ...base, webPages: [page('https://theirs.example/')] };
  const { fields, overlaps } = carryEdits(base, mine, theirs);
  expect(fields.webPages).toEqual(mine.webPages);
  expect(overlapSections([...overlaps, ...overlaps], theirs.files)).toEqual(['Internet details']);
});
