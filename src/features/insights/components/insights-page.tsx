import { useQuery } from '@tanstack/react-query';
import { insightsQueryOptions } from '../../../api/endpoints/insights.queries';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { SelectField } from '../../../components/ui/select-field';
import { useNow } from '../../../lib/use-now';
import { rangeOptions, type RangeDays } from '../model/insights-range';
import { AgreementSection } from './agreement-section';
import { ExposureSection } from './exposure-section';
import { FlowSection } from './flow-section';
import { RulePrecisionSection } from './rule-precision-section';
import { SupplierSection } from './supplier-section';

const MINUTE_MS = 60_000;

/**
 * The supervisors' feedback loops over a chosen range: which rules produce false positives, which
 * suppliers withhold provenance, how far second reviews agree, how work flows, how much people
 * are exposed to.
 */
export function InsightsPage({
  days,
  onDaysChange,
}: {
  days: RangeDays;
  onDaysChange: (days: RangeDays) => void;
}) {
  // The range ends at the current minute: the same minute reads the same (cached) insights.
  const now = useNow(MINUTE_MS).getTime();
  const to = Math.floor(now / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const query = {
    from: new Date(to - days * 86_400_000).toISOString(),
    to: new Date(to).toISOString(),
  };
  const insights = useQuery(insightsQueryOptions(query));
  return (
    <div className="flex flex-col gap-4">
      <SelectField
        label="Range"
        layout="inline"
        value={days}
        options={rangeOptions.map((o) => ({ value: o.days, label: o.label }))}
        onChange={onDaysChange}
      />
      <p role="status" className="text-sm text-slate-600">
        {insights.isFetching && insights.data ? 'Updating…' : ''}
      </p>
      {insights.isPending && <LoadingState label="Computing insights…" />}
      {insights.isError && (
        <ErrorState
          title="Could not load the insights"
          error={insights.error}
          onRetry={() => void insights.refetch()}
        />
      )}
      {insights.data && (
        <>
          <RulePrecisionSection
            rules={insights.data.rules}
            hashes={insights.data.hashes}
            minVolume={insights.data.minVolume}
          />
          <SupplierSection suppliers={insights.data.suppliers} />
          <AgreementSection agreement={insights.data.agreement} />
          <FlowSection flow={insights.data.flow} />
          <ExposureSection exposure={insights.data.exposure} />
        </>
      )}
    </div>
  );
}
