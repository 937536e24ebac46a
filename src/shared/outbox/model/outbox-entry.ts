import { z } from '../../../lib/zod';
import { Id } from '../../../api/schemas/common';
import { DecisionRequest } from '../../../api/schemas/decision';

/**
 * One decision in the outbox, as this browser keeps it: the decision request and its state only —
 * never media, never a media URL. `userId` is who made it: it is sent only in their session, and
 * its request says so (`madeBy`).
 *
 * States: `sending` waits for (or is in) its attempt; `retrying` after no answer or a 5xx, sent
 * again after a backoff or when the browser is back online; `checking` after an answer that could
 * not be read, so the outcome is unknown: the server is asked whether it recorded the decision;
 * `signin` after a 401, or when someone else is signed in, sent once its maker signs in again;
 * `conflict` after a 409 (nothing was overwritten) and `rejected` after any other refusal —
 * notices the reviewer dismisses; `undone` when the reviewer took it back before the server had
 * it: never sent, and taken back on the server if its request was already on the way.
 */
export const OutboxState = z.enum([
  'sending',
  'retrying',
  'checking',
  'signin',
  'conflict',
  'rejected',
  'undone',
]);

/** The stored shape since version 2: versioned, and the request names its maker. */
export const OutboxEntry = z
  .object({
    version: z.literal(2),
    key: z.string(),
    userId: Id,
    itemId: Id,
    request: DecisionRequest,
    /** When the decision was made (ms since the epoch): the sending order. */
    madeAt: z.number(),
    state: OutboxState,
    /** Failed attempts so far. */
    attempts: z.int().check(z.nonnegative()),
    /** Not before this instant (ms since the epoch), when retrying or checking. */
    retryAt: z.optional(z.number()),
    message: z.optional(z.string()),
  })
  .check(
    z.refine((e) => e.key === e.request.idempotencyKey, 'the key is the request’s idempotency key'),
    z.refine((e) => e.request.madeBy === e.userId, 'the request names the entry’s maker'),
  );
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/**
 * Version 1, as browsers stored entries before they carried a version: the request did not name
 * its maker. Still read, and upgraded, so no decision waiting in a browser is lost.
 */
const OutboxEntryV1 = z.object({
  version: z.optional(z.undefined()),
  key: z.string(),
  userId: Id,
  itemId: Id,
  request: z.omit(DecisionRequest, { madeBy: true }),
  madeAt: z.number(),
  state: z.enum(
    OutboxState.options.filter(
      (state): state is Exclude<z.infer<typeof OutboxState>, 'checking'> => state !== 'checking',
    ),
  ),
  attempts: z.int().check(z.nonnegative()),
  retryAt: z.optional(z.number()),
  message: z.optional(z.string()),
});

/**
 * A stored entry read back, in today's shape, or null when it is neither today's nor an earlier
 * shape. `owner` is the user its storage key names: the maker of an entry of any version, and an
 * entry that claims another maker is refused.
 */
export function parseStoredEntry(value: unknown, owner: string): OutboxEntry | null {
  const current = OutboxEntry.safeParse(value);
  if (current.success) return current.data.userId === owner ? current.data : null;
  const v1 = OutboxEntryV1.safeParse(value);
  if (!v1.success || v1.data.userId !== owner) return null;
  const upgraded = OutboxEntry.safeParse({
    ...v1.data,
    version: 2,
    request: { ...v1.data.request, madeBy: owner },
  });
  return upgraded.success ? upgraded.data : null;
}
