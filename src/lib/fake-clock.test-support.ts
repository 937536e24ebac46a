/**
 * A clock a unit test moves by hand (the `Clock` an engine takes, src/lib/clock.ts): `now` stands
 * still until `advance`, which runs each timer that falls due in the order due, letting the
 * promises each one starts settle before the next.
 */
export function createFakeClock(start = 1_000_000) {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; task: () => void }>();
  const due = (until: number) => {
    let first: [number, { at: number; task: () => void }] | undefined;
    for (const timer of timers)
      if (timer[1].at <= until && (!first || timer[1].at < first[1].at)) first = timer;
    return first;
  };
  return {
    now: () => now,
    setTimeout: (task: () => void, ms: number) => {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), task });
      return id;
    },
    clearTimeout: (id: number | undefined) => {
      if (id !== undefined) timers.delete(id);
    },
    /** How many timers wait. */
    pending: () => timers.size,
    /** Moves time on by `ms`, running what falls due meanwhile. */
    async advance(ms: number) {
      const until = now + ms;
      await settle();
      for (let next = due(until); next; next = due(until)) {
        timers.delete(next[0]);
        now = next[1].at;
        next[1].task();
        await settle();
      }
      now = until;
      await settle();
    },
  };
}

/** Lets every promise already started settle (a real macrotask: the fake clock does not move). */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
