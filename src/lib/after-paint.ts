/**
 * Runs `task` once the next frame has been painted (or after `fallbackMs`, should no frame come,
 * as in a hidden tab), and returns a function that cancels it. For the network work a selection
 * starts — claim, release, view record, prefetch — so the item is on screen before any of it
 * runs, and skimming past an item in less than a frame starts none of it.
 */
export function afterNextPaint(task: () => void, fallbackMs = 100): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => (timer = setTimeout(run, 0)))
      : undefined;
  const fallback = setTimeout(run, fallbackMs);
  return () => {
    done = true;
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
}
