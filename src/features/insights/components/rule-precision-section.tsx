import { Link } from '@tanstack/react-router';
import type { HashDismissals, RulePrecision } from '../../../api/schemas/insights';
import { percent } from '../model/insights-range';
import { IntervalChart } from './charts';
import { DataTable } from '../../../components/ui/data-table';
import { InsightSection } from './insight-section';

const interval = (rule: RulePrecision) =>
  rule.interval ? `${percent(rule.interval.low)}–${percent(rule.interval.high)}` : '—';

/**
 * Each detector rule's precision with its 95% Wilson interval, the worst with enough volume first:
 * the rules to retune. Each row opens the rule's items. Then the listed hashes most often
 * dismissed: candidates to disable or report upstream.
 */
export function RulePrecisionSection({
  rules,
  hashes,
  minVolume,
}: {
  rules: readonly RulePrecision[];
  hashes: readonly HashDismissals[];
  minVolume: number;
}) {
  const charted = rules.filter((r) => r.enoughVolume).slice(0, 12);
  return (
    <InsightSection
      title="Rule precision"
      summary={`Confirmed out of confirmed plus false-positive dismissals (duplicates and unusable media count neither way). Rules with at least ${minVolume} decided items first, the least precise first.`}
    >
      {charted.length > 0 && (
        <IntervalChart
          label={`Precision and 95% interval of the ${charted.length} least precise rules with enough volume; the numbers are in the table below.`}
          rows={charted.map((r) => ({
            label: `${r.ruleName} ${r.ruleVersion}`,
            value: r.precision,
            low: r.interval?.low ?? null,
            high: r.interval?.high ?? null,
          }))}
        />
      )}
      <DataTable
        caption="Rule precision, least precise first"
        head={[
          'Rule',
          'Flagged',
          'Confirmed',
          'False positives',
          'Other dismissals',
          'Pending',
          'Precision',
          '95% interval',
        ]}
      >
        {rules.map((rule) => {
          const other = rule.dismissed.reduce((n, d) => n + d.count, 0) - rule.falsePositives;
          return (
            <tr key={`${rule.ruleId}@${rule.ruleVersion}`} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                <Link
                  to="/items"
                  search={{ ruleId: rule.ruleId }}
                  className="text-sky-800 underline"
                >
                  {rule.ruleName} {rule.ruleVersion}
                </Link>
                {!rule.enoughVolume && (
                  <span className="block text-xs text-slate-600">too few decided to rank</span>
                )}
              </th>
              <td>{rule.flagged}</td>
              <td>{rule.confirmed}</td>
              <td>{rule.falsePositives}</td>
              <td>{other}</td>
              <td>{rule.pending}</td>
              <td>{percent(rule.precision)}</td>
              <td>{interval(rule)}</td>
            </tr>
          );
        })}
      </DataTable>
      <h3 className="mt-4 font-semibold">Listed hashes most often dismissed</h3>
      {hashes.length === 0 ? (
        <p className="text-sm text-slate-700">
          No listed hash was dismissed as a false positive in this range.
        </p>
      ) : (
        <DataTable
          caption="Listed hashes by false-positive dismissals"
          head={['Hash', 'List', 'Algorithm', 'False positives', 'Confirmed']}
        >
          {hashes.map((h) => (
            <tr
              key={`${h.hashList}|${h.algorithm}|${h.hash}`}
              className="border-b border-slate-100"
            >
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                <code className="text-xs break-all">{h.hash}</code>
              </th>
              <td>{h.hashList}</td>
              <td>{h.algorithm}</td>
              <td>{h.falsePositives}</td>
              <td>{h.confirmed}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </InsightSection>
  );
}
