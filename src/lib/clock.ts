/**
 * Time as an engine sees it: the current instant and one-shot timers. The console passes
 * `systemClock`; a unit test passes a clock it moves by hand, so an engine's waits (backoffs,
 * renewals, re-blurs) run in no time and in a known order.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(task: () => void, ms: number): number;
  clearTimeout(timer: number | undefined): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (task, ms) => window.setTimeout(task, ms),
  clearTimeout: (timer) => window.clearTimeout(timer),
};
