import type { Wellness } from '../../../domain/wellness';
import { formatDuration } from '../../../lib/format-duration';
import { useShiftFigure, type ShiftFigure } from '../api/exposure-shift';

const time = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Said wherever the browser's own figure stands in for the server's. */
export const OFFLINE_FIGURE_NOTE =
  'Offline: this counts only the reveals made in this browser. The figure for all your browsers and sessions returns with the connection.';

function whereCounted(figure: ShiftFigure) {
  return figure.source === 'server'
    ? 'Counted by the server from every reveal of yours, in any browser or session, from each reveal until it blurs again.'
    : OFFLINE_FIGURE_NOTE;
}

/** How much of this shift's exposure budget the user's reveals have used, and who counted it. */
export function ExposureThisShift({ userId, wellness }: { userId: string; wellness: Wellness }) {
  const figure = useShiftFigure(userId, wellness);
  const budgetMs = wellness.exposureBudgetSeconds * 1000;
  if (!figure) return <p className="text-sm text-slate-600">Reading this shift’s exposure…</p>;
  return (
    <div className="space-y-1 text-sm">
      <label htmlFor="exposure-meter" className="font-medium">
        Revealed this shift: {formatDuration(figure.revealedMs / 1000)} of{' '}
        {formatDuration(wellness.exposureBudgetSeconds)}
      </label>
      <meter
        id="exposure-meter"
        min={0}
        max={budgetMs}
        low={budgetMs * 0.75}
        high={budgetMs}
        value={Math.min(figure.revealedMs, budgetMs)}
        className="block h-3 w-full max-w-md"
      />
      <p className="text-slate-600">
        {figure.startedAt === null || figure.endsAt === null
          ? `No shift is running: your next reveal starts one, for ${wellness.shiftHours} hours.`
          : `This shift runs from ${time(figure.startedAt)} to ${time(figure.endsAt)}.`}{' '}
        {whereCounted(figure)}
      </p>
    </div>
  );
}
