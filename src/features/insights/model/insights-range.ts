/** The time ranges insights offer, by days back from now; the URL keeps the choice. */
export const rangeOptions = [
  { days: 1, label: 'Last 24 hours' },
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
] as const;
export type RangeDays = (typeof rangeOptions)[number]['days'];
export const DEFAULT_RANGE_DAYS: RangeDays = 7;

export const isRangeDays = (value: unknown): value is RangeDays =>
  rangeOptions.some((o) => o.days === value);

/** A percentage for people: one decimal below 10%, whole above; a dash for none. */
export const percent = (share: number | null) =>
  share === null ? '—' : `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;

/** A duration in the largest sensible unit. */
export function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} days`;
}
