/**
 * Whether the person at this browser is using the console: a key, a pointer, a wheel or a touch
 * within the last minute (loading the page counts). Requests made otherwise — polling, lease
 * renewals, retries — are the console's own, and say so, so that they do not keep an unattended
 * session alive.
 */
export const ACTIVE_WITHIN_MS = 60_000;

let lastInput = Date.now();
let listening = false;

function listen() {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  const seen = () => {
    lastInput = Date.now();
  };
  for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart'])
    window.addEventListener(type, seen, { capture: true, passive: true });
}

/** True when nobody has used this browser's console for `ACTIVE_WITHIN_MS`; never outside one. */
export function isUnattended(now = Date.now()): boolean {
  if (typeof window === 'undefined') return false;
  listen();
  return now - lastInput >= ACTIVE_WITHIN_MS;
}

listen();
