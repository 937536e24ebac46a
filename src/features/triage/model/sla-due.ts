import type { ItemRow } from '../../../api/schemas/item';
import { formatDuration } from '../../../lib/format-duration';

/**
 * `due in 2h 10m` or `overdue 3h`, from an item's SLA due time — for an item still waiting for its
 * first decision only. The SLA runs from flag to that decision: once it is made (an escalation
 * too), the SLA was met or missed then, and a clock still running would call a closed item
 * overdue. Null for those items.
 */
export function slaDueText(
  { status, slaDueAt }: Pick<ItemRow, 'status' | 'slaDueAt'>,
  now: Date,
): { text: string; overdue: boolean } | null {
  if (status !== 'pending') return null;
  const seconds = (Date.parse(slaDueAt) - now.getTime()) / 1000;
  return seconds >= 0
    ? { text: `due in ${formatDuration(seconds)}`, overdue: false }
    : { text: `overdue ${formatDuration(-seconds)}`, overdue: true };
}
