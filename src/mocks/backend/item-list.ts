import type {
  AllItemsQuery,
  FlaggedItem,
  ItemListQuery,
  ItemPage,
  ItemRow,
} from '../../api/schemas/item';
import { actionabilityScore, provenanceChecklist } from '../../domain/provenance-checklist';
import type { QueueDefinition } from '../../server/directory/directory';
import { queueContains } from './queue-summaries';

export class InvalidPageError extends Error {
  constructor(
    readonly field: 'query.cursor' | 'query.offset',
    message: string,
  ) {
    super(message);
  }
}

/** Cursors are opaque to clients; here they carry the offset of the next page. */
export const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const match = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1]) throw new InvalidPageError('query.cursor', 'not a cursor from this server');
  return Number(match[1]);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every order ends on the id, so ties are ordered and, while the items do not change, pages
 * neither skip nor repeat. (Items that change between pages can shift positions.)
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
    completeness: actionabilityScore(provenanceChecklist(item)),
  };
}

/** An id, or any hash of the item, compared without case. */
function matchesSearch(item: FlaggedItem, q: string): boolean {
  const needle = q.toLowerCase();
  const { media } = item;
  return (
    item.id.toLowerCase() === needle ||
    media.sha256 === needle ||
    media.md5 === needle ||
    media.pdq === needle ||
    media.originalHash?.value.toLowerCase() === needle
  );
}

function matchesFilters(item: FlaggedItem, query: ItemListQuery): boolean {
  return (
    (query.status === undefined || item.status === query.status) &&
    (query.priority === undefined || item.priority === query.priority) &&
    (query.supplierId === undefined || item.provenance.supplier.id === query.supplierId) &&
    (query.signalKind === undefined || item.signals.some((s) => s.kind === query.signalKind)) &&
    (query.ruleId === undefined || item.signals.some((s) => s.ruleId === query.ruleId))
  );
}

export type ListScope = { queue: QueueDefinition } | { queue: null; q: string | undefined };

/**
 * The selection for one scope, filters and sort, computed once per revision of the items: the
 * pages a scrolling list asks for by position reuse it instead of filtering and sorting again.
 */
export function createItemLister() {
  let cachedRevision = -1;
  const selections = new Map<string, FlaggedItem[]>();

  return function listItems(
    items: readonly FlaggedItem[],
    revision: number,
    scope: ListScope,
    query: ItemListQuery | AllItemsQuery,
  ): ItemPage {
    if (query.cursor !== undefined && query.offset !== undefined) {
      throw new InvalidPageError('query.offset', 'give either offset or cursor, not both');
    }
    if (revision !== cachedRevision) {
      selections.clear();
      cachedRevision = revision;
    }
    const { status, priority, signalKind, ruleId, supplierId, sort } = query;
    const key = JSON.stringify([
      scope.queue?.id ?? null,
      'q' in scope ? scope.q : null,
      [status, priority, signalKind, ruleId, supplierId, sort],
    ]);
    let selected = selections.get(key);
    if (!selected) {
      selected = items.filter(
        (item) =>
          (scope.queue
            ? queueContains(scope.queue, item)
            : scope.q === undefined || matchesSearch(item, scope.q)) && matchesFilters(item, query),
      );
      selected.sort(comparators[query.sort]);
      if (selections.size > 50) selections.clear();
      selections.set(key, selected);
    }
    const offset = query.offset ?? (query.cursor === undefined ? 0 : decodeCursor(query.cursor));
    const page = selected.slice(offset, offset + query.limit);
    const next = offset + page.length;
    return {
      items: page.map(toRow),
      total: selected.length,
      offset,
      nextCursor: next < selected.length ? encodeCursor(next) : null,
    };
  };
}
