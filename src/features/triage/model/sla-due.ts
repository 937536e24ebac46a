import { formatDuration } from '../../../lib/format-duration';

/** `due in 2h 10m` or `overdue 3h`, from an item's SLA due time. */
export function slaDueText(slaDueAt: string, now: Date): { text: string; overdue: boolean } {
  const seconds = (Date.parse(slaDueAt) - now.getTime()) / 1000;
  return seconds >= 0
    ? { text: `due in ${formatDuration(seconds)}`, overdue: false }
    : { text: `overdue ${formatDuration(-seconds)}`, overdue: true };
}
