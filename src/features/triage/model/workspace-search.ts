import { z } from '../../../lib/zod';
import { Id } from '../../../api/schemas/common';
import { ItemSort, ItemStatus, Priority } from '../../../api/schemas/item';

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * The workspace's view lives in the URL, checked by this schema: filters, sort, search and the
 * selected item. A link reproduces the view; anything invalid in it is dropped, not obeyed.
 */
export const WorkspaceSearch = z.object({
  status: optional(ItemStatus),
  priority: optional(Priority),
  signalKind: optional(z.enum(['hash_match', 'classifier', 'text_rule', 'heuristic'])),
  ruleId: optional(Id),
  supplierId: optional(Id),
  sort: optional(ItemSort),
  q: optional(z.string().trim().min(1).max(200)),
  item: optional(Id),
});
export type WorkspaceSearch = z.infer<typeof WorkspaceSearch>;

/** What to ask the list endpoint for, given the URL's view and (for a queue) its id. */
export function selectionOf(search: WorkspaceSearch, queueId: string | undefined) {
  const { item, ...filters } = search;
  return { ...filters, ...(queueId === undefined ? {} : { queueId }) };
}
