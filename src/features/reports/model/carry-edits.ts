import type { ReportEditable } from '../../../api/schemas/report';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** A list of a report's files, each known by its SHA-256 whatever its place. */
const isFileList = (value: unknown): value is readonly { sha256: string }[] =>
  Array.isArray(value) &&
  value.every((entry) => isRecord(entry) && typeof entry.sha256 === 'string');

/** Where two people changed the same value: `['files', 'ab12…', 'locationOfFile']`. */
export type Overlap = readonly string[];

function carry(
  base: unknown,
  mine: unknown,
  theirs: unknown,
  at: string[],
  overlaps: Overlap[],
): unknown {
  if (same(mine, base)) return theirs;
  if (same(theirs, base) || same(mine, theirs)) return mine;
  if (isRecord(base) && isRecord(mine) && isRecord(theirs)) {
    const merged: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)]))
      merged[key] = carry(base[key], mine[key], theirs[key], [...at, key], overlaps);
    return merged;
  }
  if (isFileList(base) && isFileList(mine) && isFileList(theirs)) {
    // The files are theirs (one moved out stays out): each keeps what was changed in it.
    const by = (list: readonly { sha256: string }[], sha256: string) =>
      list.find((file) => file.sha256 === sha256);
    return theirs.map((file): unknown => {
      const before = by(base, file.sha256);
      const edited = by(mine, file.sha256);
      return before && edited ? carry(before, edited, file, [...at, file.sha256], overlaps) : file;
    });
  }
  overlaps.push(at);
  return mine;
}

/**
 * A person's unsaved edits, carried onto the report as someone else saved it meanwhile: a value
 * they changed from the version they started from (`base`) replaces the saved one, every other
 * value is the saved one. Where both changed the same value differently, the person's own is
 * kept and the place is listed in `overlaps`, so they are told before they save over it.
 */
export function carryEdits(
  base: ReportEditable,
  mine: ReportEditable,
  theirs: ReportEditable,
): { fields: ReportEditable; overlaps: Overlap[] } {
  const overlaps: Overlap[] = [];
  const fields = carry(base, mine, theirs, [], overlaps) as ReportEditable;
  return { fields, overlaps };
}

const sectionNames: Record<keyof ReportEditable, string> = {
  incidentSummary: 'Incident summary',
  webPages: 'Internet details',
  reportedPerson: 'Reported user',
  additionalInfo: 'Additional information',
  excludedFromTraining: 'Additional information',
  notAvailable: 'Completeness (reasons a value is not available)',
  files: 'Files',
};

/** The sections of the editor the overlaps are in, each named once, in the editor's words. */
export function overlapSections(
  overlaps: readonly Overlap[],
  files: readonly { sha256: string }[],
) {
  const names = overlaps.map(([section, sha256]) => {
    if (section !== 'files') return sectionNames[section as keyof ReportEditable];
    const index = files.findIndex((file) => file.sha256 === sha256);
    return index < 0 ? 'Files' : `File ${index + 1}`;
  });
  return [...new Set(names)];
}
