import { afterAll, beforeAll, expect, test } from 'vitest';
import { auditHashInput } from '../../api/audit-canonical';
import type { AuditEvent } from '../../api/schemas/audit';
import { sha256Hex } from '../../lib/sha256-hex';
import { migrateToLatest } from '../db/migrate';
import { openDatabase, type OpenDatabase } from '../db/open-database';
import hostile from '../demo/fixtures/hostile-strings.json';
import { appendAuditEvents, auditRange, type NewAuditEvent } from './audit-chain';
import { csvCell, csvRow, exportStream, jsonLine } from './audit-export';

let database: OpenDatabase;
beforeAll(async () => {
  database = await openDatabase({ dataDir: null });
  await migrateToLatest(database.db);
}, 120_000);
afterAll(() => database.close());

/** The events as the log stores and reads them back. */
async function stored(events: readonly NewAuditEvent[]): Promise<AuditEvent[]> {
  const chained = await database.db.transaction().execute((trx) => appendAuditEvents(trx, events));
  return auditRange(database.db, chained[0]?.seq ?? 1, chained.length);
}

async function* each<T>(values: readonly T[]) {
  for (const value of values) yield await Promise.resolve(value);
}

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

/** What a spreadsheet skips before deciding that a cell is a formula: spaces and invisibles. */
const formulaAfterInvisibles =
  /^[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]*[=+\-@\uff1d\uff0b\uff0d\uff20]/u;

test('formula-looking cells are neutralised, and every cell survives quoting intact', () => {
  for (const value of [...hostile.csv, ...hostile.text]) {
    const [[read]] = parseCsv(csvCell(value)) as [[string]];
    const formula = formulaAfterInvisibles.test(value) || /^[\t\r]/.test(value);
    expect(read, JSON.stringify(value)).toBe(formula ? `'${value}` : value);
  }
  expect(csvCell(42)).toBe('42');
  expect(csvCell(-1)).toBe('-1');
  expect(csvCell('plain')).toBe('plain');
});

test('a formula after spaces, tabs, line breaks, no-break spaces, zero-width or bidi characters is neutralised', () => {
  for (const lead of [
    ' ',
    '   ',
    '\t',
    '\r',
    '\n',
    '\u00a0',
    '\u200b',
    '\u200d',
    '\ufeff',
    '\u202e',
    '\u2066',
    '\u200e\u200f',
    '\u3000',
    '\u2028',
    '\u00ad',
    '\u0000',
  ])
    for (const formula of ['=1+1', '+1+1', '-1+1', '@SUM(1)', '\uff1d1+1']) {
      const value = `${lead}${formula}`;
      const [[read]] = parseCsv(csvCell(value)) as [[string]];
      expect(read, JSON.stringify(value)).toBe(`'${value}`);
    }
  for (const value of ['a =1', 'x-1', 'name@example.com', '{"a":"=1"}', '\u200bplain', ' 12'])
    expect(csvCell(value), JSON.stringify(value)).not.toMatch(/^"?'/);
});

test('JSON Lines escape the line and paragraph separators, so no reader splits an event', async () => {
  const [event] = await stored([
    {
      at: '2026-11-25T10:00:00.000Z',
      actor: { id: 'usr_x', name: 'line\u2028separator', role: 'analyst' },
      action: 'item.viewed',
      subject: { type: 'item', id: 'itm_1' },
      detail: { note: 'paragraph\u2029separator \u2028\u2029' },
    },
  ]);
  if (!event) throw new Error('no event');
  const line = jsonLine(event);
  expect(line).not.toMatch(/[\u2028\u2029]/);
  expect(line).toContain('line\\u2028separator');
  expect(line).toContain('paragraph\\u2029separator \\u2028\\u2029');
  expect(JSON.parse(line)).toEqual(event);
});

test('each CSV row carries the canonical JSON its hash can be checked against', async () => {
  const events = await stored(
    hostile.csv.map((name, i) => ({
      at: new Date(Date.UTC(2026, 10, 25, 10, 0, i)).toISOString(),
      actor: { id: 'usr_x', name, role: 'analyst' },
      action: 'item.viewed',
      subject: { type: 'item', id: `itm_${i}` },
      detail: { note: name },
    })),
  );
  const text = await new Response(exportStream(() => each(events), 'csv')).text();
  const [header, ...rows] = parseCsv(text);
  expect(header?.at(-1)).toBe('canonical');
  expect(rows).toHaveLength(events.length);
  for (const [i, row] of rows.entries()) {
    const event = events[i];
    expect(row.at(-1)).toBe(event && auditHashInput(event));
    expect(sha256Hex(row.at(-1) ?? '')).toBe(row.at(-2));
  }
  expect(events.map(csvRow).join('\n')).toContain("'=HYPERLINK");
  const jsonl = await new Response(exportStream(() => each(events), 'jsonl')).text();
  expect(jsonl).not.toMatch(/[\u2028\u2029]/);
  const lines = jsonl.trim().split('\r\n');
  expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(events);
});
