import type { AuditResult } from './audit';

/** The audit as plain text: the counts, each finding list (its first entries), the field table. */

const SHOWN = 10;

function findings(name: string, list: readonly string[] | null): string[] {
  if (list === null) return [`${name}: not checked`];
  const head = `${name}: ${list.length}`;
  if (list.length === 0) return [head];
  const more = list.length > SHOWN ? [`  … and ${list.length - SHOWN} more`] : [];
  return [head, ...list.slice(0, SHOWN).map((line) => `  ${line}`), ...more];
}

const pad = (text: string, width: number) => text.padEnd(width);
const padLeft = (text: string, width: number) => text.padStart(width);

export function fieldTable(result: AuditResult): string[] {
  const head = ['field', 'sent', 'not available', 'places sent', 'acceptable, not sent'];
  const rows = result.fields.map((f) => [
    f.field,
    String(f.sent),
    String(f.notAvailable),
    `${f.places.sent} of ${f.places.of}`,
    String(f.unsent),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? pad(c, widths[i] ?? 0) : padLeft(c, widths[i] ?? 0))).join('  ');
  return [line(head), ...rows.map(line)];
}

export function auditText(result: AuditResult): string {
  return [
    `Report audit, seed ${result.seed}, ${result.items} items: ${result.drafts} drafts, ${result.approved} approved, ${result.documents} documents`,
    ...findings('XSD failures', result.xsdFailures),
    ...findings('Documents NCMEC’s rules refuse', result.refused),
    ...findings('Drafts that cannot be read or saved', result.unsaveable),
    ...findings('Drafts not approved', result.notApproved),
    ...findings('Reasons, values set aside, uploaders, crawl times not in the XML', result.lost),
    ...findings('Acceptable values of the data not sent', result.unsent),
    '',
    'Per actionability field (reports; places: one per report, or one per file):',
    ...fieldTable(result),
  ].join('\n');
}
