import { expect, test } from 'vitest';
import { auditHashInput } from '../../api/audit-canonical';
import hostile from '../fixtures/hostile-strings.json';
import { createAuditLog, sha256Hex } from './audit-log';
import { csvCell, csvRow, exportStream } from './audit-export';

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text.charAt(i + 1) === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

test('formula-looking cells are neutralised, and every cell survives quoting intact', () => {
  for (const value of hostile.csv) {
    const [[read]] = parseCsv(csvCell(value)) as [[string]];
    expect(read).toBe(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
    expect(read.startsWith("'") || !/^[=+\-@\t]/.test(read)).toBe(true);
  }
  expect(csvCell(42)).toBe('42');
  expect(csvCell('plain')).toBe('plain');
});

test('each CSV row carries the canonical JSON its hash can be checked against', async () => {
  const audit = createAuditLog();
  for (const [i, name] of hostile.csv.entries())
    audit.append({
      at: new Date(Date.UTC(2026, 10, 25, 10, 0, i)).toISOString(),
      actor: { id: 'usr_x', name, role: 'analyst' },
      action: 'item.viewed',
      subject: { type: 'item', id: `itm_${i}` },
      detail: { note: name },
    });
  const events = audit.range(1, audit.size);
  const text = await new Response(exportStream(() => events, 'csv')).text();
  const [header, ...rows] = parseCsv(text);
  expect(header?.at(-1)).toBe('canonical');
  expect(rows).toHaveLength(events.length);
  for (const [i, row] of rows.entries()) {
    const event = events[i];
    expect(row.at(-1)).toBe(event && auditHashInput(event));
    expect(sha256Hex(row.at(-1) ?? '')).toBe(row.at(-2));
  }
  expect(events.map(csvRow).join('\n')).toContain("'=HYPERLINK");
  const lines = (await new Response(exportStream(() => events, 'jsonl')).text())
    .trim()
    .split('\r\n');
  expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(events);
});
