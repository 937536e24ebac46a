/** A test server's clock: a test moves it by assigning `now`; `rewind` takes it back. */
export interface TestClock {
  now: Date;
  rewind(): void;
}

/**
 * A clock standing at `start` until a test moves it; or, `live`, one that runs with real time
 * (a browser's countdowns agree with it) and that a test can move ahead of it.
 */
export function testClock(start: Date, live: boolean): TestClock {
  let offsetMs = 0;
  const base = () => (live ? Date.now() : start.getTime());
  return {
    get now() {
      return new Date(base() + offsetMs);
    },
    set now(at: Date) {
      offsetMs = at.getTime() - base();
    },
    rewind() {
      offsetMs = 0;
    },
  };
}
