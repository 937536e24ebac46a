/**
 * How long a filed report's contents are kept: 18 U.S.C. §2258A(h), as amended by the REPORT Act
 * (2024), asks the provider to preserve them for one year after the report is submitted.
 */

/** Filed reports whose deadline is this close (or past) come first in the report list. */
export const PRESERVATION_DUE_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * One calendar year after `filedAt`, at the same UTC time: never 365 days, which falls a day short
 * across 29 February. A report filed on 29 February is kept until 1 March of the next year.
 */
export function preservationDeadline(filedAt: string): string {
  const date = new Date(filedAt);
  const year = date.getUTCFullYear();
  date.setUTCFullYear(year + 1); // 29 February of a year without one rolls over to 1 March
  return date.toISOString();
}

/** Whether the deadline is within PRESERVATION_DUE_DAYS of `now`, or already past. */
export function preservationDueSoon(deadline: string, now: Date): boolean {
  return Date.parse(deadline) - now.getTime() <= PRESERVATION_DUE_DAYS * DAY_MS;
}

/** Whole days from `now` until the deadline (negative once past). */
export function daysUntil(deadline: string, now: Date): number {
  return Math.floor((Date.parse(deadline) - now.getTime()) / DAY_MS);
}
