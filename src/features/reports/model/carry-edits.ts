import type { ReportEditable } from '../../../api/schemas/report';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where two people changed the same value: `['files', 'ab12…', 'locationOfFile']`. */
export type Overlap = readonly string[];

interface Outcome {
  overlaps: Overlap[];
  /** The files the person changed that were moved out of the report meanwhile, by SHA-256. */
  movedOut: string[];
}

/** Lists whose entries are known by a key, whatever their place: each entry is carried alone. */
const listKeys: Partial<Record<string, string>> = { files: 'sha256', notAvailable: 'field' };

function byKey(list: unknown, key: string): Map<string, unknown> {
  const entries = Array.isArray(list) ? (list as unknown[]) : [];
  return new Map(entries.flatMap((e) => (isRecord(e) ? [[String(e[key]), e] as const] : [])));
}

/**
 * A keyed list: entries in the saved list's order, then those only the person added. The files
 * are the saved report's (a file moved out stays out, the person's changes to it with it).
 */
function carryList(
  section: string,
  key: string,
  [base, mine, theirs]: unknown[],
  outcome: Outcome,
): unknown[] {
  const [b, m, t] = [byKey(base, key), byKey(mine, key), byKey(theirs, key)];
  const merged: unknown[] = [];
  for (const id of new Set([...t.keys(), ...m.keys()])) {
    const at = [section, id];
    if (section === 'files' && !t.has(id)) {
      if (!same(m.get(id), b.get(id))) outcome.movedOut.push(id);
      continue;
    }
    const entry = carry(b.get(id), m.get(id), t.get(id), at, outcome);
    if (entry !== undefined) merged.push(entry);
  }
  return merged;
}

function carry(
  base: unknown,
  mine: unknown,
  theirs: unknown,
  at: string[],
  outcome: Outcome,
): unknown {
  if (same(mine, base)) return theirs;
  if (same(theirs, base) || same(mine, theirs)) return mine;
  const key = at.length === 1 ? listKeys[at[0] ?? ''] : undefined;
  if (key) return carryList(at[0] ?? '', key, [base, mine, theirs], outcome);
  if (isRecord(base) && isRecord(mine) && isRecord(theirs)) {
    const merged: Record<string, unknown> = {};
    for (const name of new Set([...Object.keys(theirs), ...Object.keys(mine)]))
      merged[name] = carry(base[name], mine[name], theirs[name], [...at, name], outcome);
    return merged;
  }
  outcome.overlaps.push(at);
  return mine;
}

/**
 * A person's unsaved edits, carried onto the report as someone else saved it meanwhile: a value
 * they changed from the version they started from (`base`) replaces the saved one, every other
 * value is the saved one. Where both changed the same value differently, the person's own is
 * kept and the place is listed in `overlaps`, so they are told before they save over it. A file
 * moved out of the report meanwhile stays out; the person's changes to it are named in `movedOut`.
 */
export function carryEdits(
  base: ReportEditable,
  mine: ReportEditable,
  theirs: ReportEditable,
): { fields: ReportEditable } & Outcome {
  const outcome: Outcome = { overlaps: [], movedOut: [] };
  const fields = carry(base, mine, theirs, [], outcome) as ReportEditable;
  return { fields, ...outcome };
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
    return `File ${index + 1}`;
  });
  return [...new Set(names)];
}
