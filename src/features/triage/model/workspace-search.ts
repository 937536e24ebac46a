import { z } from '../../../lib/zod';
import { Id } from '../../../api/schemas/common';
import type { ItemSelection } from '../../../api/endpoints/items.queries';
import { ItemSort, ItemStatus, Priority } from '../../../api/schemas/item';

const optional = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

/** A status to show, or `all` of them: a deliberate choice where the view has a default status. */
export const StatusChoice = z.enum([...ItemStatus.options, 'all']);
export type StatusChoice = z.infer<typeof StatusChoice>;

/**
 * The workspace's view lives in the URL, checked by this schema: filters, sort, search and the
 * selected item. A link reproduces the view; anything invalid in it is dropped, not obeyed.
 * Without a status, a queue shows what waits in it and all items show every status.
 */
export const WorkspaceSearch = z.object({
  status: optional(StatusChoice),
  priority: optional(Priority),
  signalKind: optional(z.enum(['hash_match', 'classifier', 'text_rule', 'heuristic'])),
  ruleId: optional(Id),
  supplierId: optional(Id),
  sort: optional(ItemSort),
  q: optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  item: optional(Id),
});
export type WorkspaceSearch = z.infer<typeof WorkspaceSearch>;

/** The queue a workspace shows, and the status of what waits in it. */
export interface QueueScope {
  id: string;
  waiting: ItemStatus;
}

/** The status a view shows when none is chosen: what waits in the queue, or every status. */
export const defaultStatus = (queue: QueueScope | undefined): StatusChoice =>
  queue?.waiting ?? 'all';

/** The status the view shows: the one chosen in the URL, else the view's default. */
export const shownStatus = (search: WorkspaceSearch, queue: QueueScope | undefined) =>
  search.status ?? defaultStatus(queue);

/** The URL's status for a choice: none when it is the view's default, so links stay canonical. */
export const statusInUrl = (choice: StatusChoice, queue: QueueScope | undefined) =>
  choice === defaultStatus(queue) ? undefined : choice;

/** What to ask the list endpoint for, given the URL's view and (for a queue) its scope. */
export function selectionOf(search: WorkspaceSearch, queue: QueueScope | undefined): ItemSelection {
  const { item, status, ...filters } = search;
  const shown = shownStatus(search, queue);
  return {
    ...filters,
    ...(shown === 'all' ? {} : { status: shown }),
    ...(queue === undefined ? {} : { queueId: queue.id }),
  };
}
