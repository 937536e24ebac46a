import { getRouteApi } from '@tanstack/react-router';
import { DEFAULT_RANGE_DAYS, InsightsPage, isRangeDays } from '../../features/insights/public';

const route = getRouteApi('/_signed-in/insights');

/** Supervisors' insights; the range lives in the URL. */
export function InsightsRoute() {
  const { days } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <main className="flex flex-col gap-4 p-6">
      <h1 className="text-xl font-semibold">Insights</h1>
      <InsightsPage
        days={isRangeDays(days) ? days : DEFAULT_RANGE_DAYS}
        onDaysChange={(next) => void navigate({ search: { days: next } })}
      />
    </main>
  );
}
