import type { FlaggedItem, ItemListQuery, ItemPage, ItemRow } from '../../api/schemas/item';
import type { QueueDefinition } from './directory';
import { queueContains } from './queue-summaries';

export class InvalidCursorError extends Error {}

/** Cursors are opaque to clients; here they carry the offset of the next page. */
export const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
export function decodeCursor(cursor: string): number {
  const match = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1]) throw new InvalidCursorError(`not a cursor: ${cursor}`);
  return Number(match[1]);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every order ends on the id, so ties are ordered and, while the items do not change, pages
 * neither skip nor repeat. (Cursors are offsets: items that change between pages can shift them.)
 */
const comparators: Record<ItemListQuery['sort'], (a: FlaggedItem, b: FlaggedItem) => number> = {
  // Highest priority first, then the earliest SLA due: the order a reviewer should work in.
  priority: (a, b) =>
    compareText(a.priority, b.priority) ||
    compareText(a.slaDueAt, b.slaDueAt) ||
    compareText(a.id, b.id),
  sla: (a, b) => compareText(a.slaDueAt, b.slaDueAt) || compareText(a.id, b.id),
  flagged: (a, b) => compareText(b.flaggedAt, a.flaggedAt) || compareText(a.id, b.id),
};

export function toRow(item: FlaggedItem): ItemRow {
  const [topSignal] = item.signals;
  if (!topSignal) throw new Error(`${item.id} has no signal`);
  return {
    id: item.id,
    version: item.version,
    queueId: item.queueId,
    status: item.status,
    priority: item.priority,
    flaggedAt: item.flaggedAt,
    slaDueAt: item.slaDueAt,
    lease: item.lease,
    previewMode: item.preview.mode,
    topSignal,
    supplier: { id: item.provenance.supplier.id, name: item.provenance.supplier.name },
  };
}

function matches(item: FlaggedItem, query: ItemListQuery): boolean {
  return (
    (query.status === undefined || item.status === query.status) &&
    (query.priority === undefined || item.priority === query.priority) &&
    (query.supplierId === undefined || item.provenance.supplier.id === query.supplierId) &&
    (query.signalKind === undefined || item.signals.some((s) => s.kind === query.signalKind)) &&
    (query.ruleId === undefined || item.signals.some((s) => s.ruleId === query.ruleId))
  );
}

export function listQueueItems(
  queue: QueueDefinition,
  items: readonly FlaggedItem[],
  query: ItemListQuery,
): ItemPage {
  const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
  const selected = items.filter((item) => queueContains(queue, item) && matches(item, query));
  selected.sort(comparators[query.sort]);
  const page = selected.slice(offset, offset + query.limit);
  const next = offset + page.length;
  return {
    items: page.map(toRow),
    total: selected.length,
    nextCursor: next < selected.length ? encodeCursor(next) : null,
  };
}
