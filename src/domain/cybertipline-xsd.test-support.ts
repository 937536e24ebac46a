import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { Report } from '../api/schemas/report';
import { fileDetailsXml, missingRequired, reportXml } from './cybertipline-xml';

/**
 * Test support: validation against NCMEC's XSD with a real validator (libxml2 in WebAssembly).
 * The XSD is NCMEC's to publish, not ours to copy: its path comes from `CYBERTIPLINE_XSD`.
 */
export const xsdPath = process.env.CYBERTIPLINE_XSD;
export const howToGetXsd =
  'set CYBERTIPLINE_XSD to the path of NCMEC’s cybertipline-report.xsd, which registered reporters download from NCMEC (GET /ispws/xsd)';

/** The XSD's text, read per call: a path that is set but unreadable must fail, never skip. */
export const readXsd = () => readFileSync(xsdPath ?? '', 'utf8');

/** Validates in batches, one xmllint run each; fails with each bad document and its errors. */
export async function expectValid(docs: { fileName: string; contents: string }[]) {
  const schema = { fileName: 'cybertipline-report.xsd', contents: readXsd() };
  for (let start = 0; start < docs.length; start += 200) {
    const batch = docs.slice(start, start + 200);
    const { valid, errors } = await validateXML({ xml: batch, schema, maxMemoryPages: 4096 });
    const bad = [...new Set(errors.map((e) => e.loc?.fileName))].map((name) => {
      const doc = batch.find((d) => d.fileName === name);
      const why = errors.filter((e) => e.loc?.fileName === name).map((e) => e.message);
      return `${name ?? '(no file)'}:\n${doc?.contents ?? ''}\n${why.join('\n')}`;
    });
    expect(bad, bad.join('\n\n')).toEqual([]);
    expect(valid).toBe(true);
  }
  for (const doc of docs) expect(doc.contents).not.toContain('batchedReport');
}

/** Every document of these reports: the <report> when its required fields are there, and each file's <fileDetails>. */
export const documents = (reports: readonly Report[], prefix: string) =>
  reports.flatMap((report, r) => [
    ...(missingRequired(report).length > 0
      ? []
      : [{ fileName: `${prefix}-${r}.xml`, contents: reportXml(report) }]),
    ...report.files.map((file, f) => ({
      fileName: `${prefix}-${r}-file-${f}.xml`,
      contents: fileDetailsXml(report, file, { reportId: String(1000 + r), fileId: `f${f}` }),
    })),
  ]);
