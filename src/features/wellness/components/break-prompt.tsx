import { Link } from '@tanstack/react-router';
import { Button } from '../../../components/ui/button';
import type { Wellness } from '../../../domain/wellness';
import { formatDuration } from '../../../lib/format-duration';
import { useShiftFigure } from '../api/exposure-shift';
import { OFFLINE_FIGURE_NOTE } from './exposure-this-shift';

/**
 * A gentle suggestion to step away once this shift's revealed seconds reach the exposure budget:
 * the server's figure, from every browser and session of the person (the browser's own only while
 * offline, and it says so). Not a block: reveals still work, and one dismissal lasts the shift.
 * Rendered in a live region that stays mounted, so its appearance is announced without taking
 * the keyboard focus from the analyst's work.
 */
export function BreakPrompt({
  userId,
  wellness,
  className = '',
}: {
  userId: string;
  wellness: Wellness;
  /** For the live region, which takes no room while empty. */
  className?: string | undefined;
}) {
  const figure = useShiftFigure(userId, wellness);
  return (
    <div aria-live="polite" className={`empty:hidden ${className}`}>
      {figure?.breakDue && (
        <section
          aria-labelledby="break-prompt-heading"
          className="space-y-2 rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950"
        >
          <h2 id="break-prompt-heading" className="font-semibold">
            Time for a short break
          </h2>
          <p>
            You have looked at revealed media for {formatDuration(figure.revealedMs / 1000)} this
            shift, which reaches your exposure budget of{' '}
            {formatDuration(wellness.exposureBudgetSeconds)}. A few minutes away from the screen — a
            short walk, some water, a look out of the window — helps. Carry on whenever you are
            ready: nothing is blocked.
          </p>
          {figure.source === 'browser' && <p>{OFFLINE_FIGURE_NOTE}</p>}
          <p className="flex flex-wrap items-center gap-3">
            <Button onClick={figure.dismiss}>Dismiss for this shift</Button>
            <Link to="/settings" className="underline">
              Wellness settings
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}
