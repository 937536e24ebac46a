import { auditHashInput, canonicalJson } from '../../api/audit-canonical';
import type { AuditEvent } from '../../api/schemas/audit';

/** Columns of the CSV export; `canonical` is the exact text the event's `hash` is the SHA-256 of. */
export const CSV_COLUMNS = [
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'actor_role',
  'action',
  'subject_type',
  'subject_id',
  'detail',
  'prev_hash',
  'hash',
  'canonical',
] as const;

/**
 * A cell a spreadsheet would read as a formula (OWASP, CSV injection): one whose first visible
 * character is `=`, `+`, `-` or `@` (or their full-width forms), however many spaces, line breaks,
 * no-break spaces, zero-width, bidi or other invisible characters come before it, since
 * spreadsheets skip some of them and a viewer cannot see them; and one starting with a tab or a
 * carriage return.
 */
const formulaLike =
  /^(?:[\t\r]|[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]*[=+\-@\uff1d\uff0b\uff0d\uff20])/u;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A
 * formula-like text cell is neutralised with a leading apostrophe, its text otherwise kept as it
 * was (the invisible characters too: they are evidence). The `canonical` column starts with `{`,
 * so the text a hash is checked against is never altered.
 */
export function csvCell(value: string | number): string {
  const text = String(value);
  const safe = typeof value === 'string' && formulaLike.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(event: AuditEvent): string {
  return [
    event.seq,
    event.at,
    event.actor.id,
    event.actor.name,
    event.actor.role,
    event.action,
    event.subject.type,
    event.subject.id,
    canonicalJson(event.detail),
    event.prevHash,
    event.hash,
    auditHashInput(event),
  ]
    .map(csvCell)
    .join(',');
}

/**
 * The record itself, one event per line, with its hashes: verifiable offline. JSON leaves U+2028
 * and U+2029 raw inside strings, but many readers (JavaScript before ES2019, Python's
 * `splitlines`, editors) take them for line breaks and would split an event in two: they are
 * escaped (`\u2028`, `\u2029`), which parses back to the same text.
 */
export const jsonLine = (event: AuditEvent) =>
  JSON.stringify(event).replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');

/**
 * The export as a stream of lines, a batch at a time, so a million events are never one string:
 * read from `events` as the client takes them. CSV starts with its header row.
 */
export function exportStream(
  events: () => AsyncIterable<AuditEvent>,
  format: 'csv' | 'jsonl',
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<AuditEvent> | undefined;
  return new ReadableStream({
    async pull(controller) {
      const lines: string[] = [];
      if (!iterator) {
        iterator = events()[Symbol.asyncIterator]();
        if (format === 'csv') lines.push(CSV_COLUMNS.join(','));
      }
      for (let i = 0; i < 1000; i++) {
        const next = await iterator.next();
        if (next.done) {
          if (lines.length > 0) controller.enqueue(encoder.encode(`${lines.join('\r\n')}\r\n`));
          controller.close();
          return;
        }
        lines.push(format === 'csv' ? csvRow(next.value) : jsonLine(next.value));
      }
      controller.enqueue(encoder.encode(`${lines.join('\r\n')}\r\n`));
    },
    async cancel() {
      await iterator?.return?.();
    },
  });
}
