import type { Report } from '../../../api/schemas/report';
import { fileDetailsXml, reportXml } from '../../../domain/cybertipline-xml';
import {
  fileDetailsIds,
  readXml,
  refusedValue,
  reportProblem,
  type XmlElement,
} from '../ncmec/ncmec-xml';

/**
 * The documents of an approved report as the filing would send them (NCMEC's report id and file
 * ids stand in), each read back as the demo NCMEC reads it, with what NCMEC's rules refuse in it.
 */

export interface AuditDocument {
  fileName: string;
  contents: string;
  /** The file's SHA-256 for a `<fileDetails>`, null for the `<report>`. */
  sha256: string | null;
  elements: XmlElement[];
  /** What NCMEC would answer 4100 (or refuse otherwise) for, or null. */
  refused: string | null;
}

function read(fileName: string, contents: string, sha256: string | null, now: Date): AuditDocument {
  const elements = readXml(contents);
  if (typeof elements === 'string')
    return { fileName, contents, sha256, elements: [], refused: elements };
  const ids = sha256 === null ? null : fileDetailsIds(elements);
  const refused =
    sha256 === null
      ? reportProblem(elements, now)
      : typeof ids === 'string'
        ? ids
        : refusedValue(elements, now);
  return { fileName, contents, sha256, elements, refused };
}

/** The `<report>` and each file's `<fileDetails>`, as NCMEC would receive them. */
export function reportDocuments(report: Report, ncmecReportId: string, now: Date) {
  return [
    read(`${report.id}.xml`, reportXml(report), null, now),
    ...report.files.map((file, i) =>
      read(
        `${report.id}-file-${i + 1}.xml`,
        fileDetailsXml(report, file, { reportId: ncmecReportId, fileId: `file-${i + 1}` }),
        file.sha256,
        now,
      ),
    ),
  ];
}

/** The texts of the elements with this name (e.g. `url`, `additionalInfo`) in these documents. */
export const textsOf = (docs: readonly AuditDocument[], name: string) =>
  docs.flatMap((d) => d.elements.filter((e) => e.name === name).map((e) => e.text));
