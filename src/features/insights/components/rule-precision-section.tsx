import { useId, useState } from 'react';
import type { HashDismissals, RulePrecision } from '../../../api/schemas/insights';
import { Button } from '../../../components/ui/button';
import { rankedAndHidden, rulesAndVersions } from '../model/rule-rows';
import { IntervalChart } from './charts';
import { DataTable } from '../../../components/ui/data-table';
import { InsightSection } from './insight-section';
import { RulePrecisionTable } from './rule-precision-table';

/**
 * Each detector rule's precision with its 95% Wilson interval, one row per rule with its versions
 * beneath. Ranked: the rules with enough decided flags, the most false positives first — where a
 * retune saves the most reviews. The rest are hidden for too little data, and the page says how
 * many. Each rule opens its items. Then the listed hashes most often dismissed: candidates to
 * disable or report upstream.
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
  const { ranked, hidden, hiddenVersions } = rankedAndHidden(rules);
  const [showHidden, setShowHidden] = useState(false);
  const hiddenId = useId();
  const charted = ranked.slice(0, 12);
  return (
    <InsightSection
      title="Rule precision"
      summary={`Precision: confirmed out of confirmed plus false-positive dismissals (duplicates and unusable media count neither way). Ranked: rules with at least ${minVolume} decided flags, the most false positives first (decided flags × (1 − precision): the reviews a retune would save). Open a rule’s versions beneath it.`}
    >
      <p className="text-sm">
        {ranked.length === 0
          ? `No rule has ${minVolume} decided flags in this range.`
          : `${ranked.length} of ${rules.length} rules ranked.`}
        {hidden.length > 0 &&
          ` Hidden for too little data: ${rulesAndVersions(hidden.length, hiddenVersions)} with fewer than ${minVolume} decided flags.`}
      </p>
      {charted.length > 0 && (
        <IntervalChart
          label={`Precision and 95% interval of the ${charted.length} ranked rules with the most false positives; the numbers are in the table below.`}
          rows={charted.map((r) => ({
            label: r.ruleName,
            value: r.precision,
            low: r.interval?.low ?? null,
            high: r.interval?.high ?? null,
          }))}
        />
      )}
      {ranked.length > 0 && (
        <RulePrecisionTable caption="Rule precision, most false positives first" rules={ranked} />
      )}
      {hidden.length > 0 && (
        <>
          <Button
            aria-expanded={showHidden}
            aria-controls={hiddenId}
            onClick={() => setShowHidden((shown) => !shown)}
            className="self-start"
          >
            {showHidden ? 'Hide' : 'Show'} the{' '}
            {hidden.length === 1 ? 'rule' : `${hidden.length} rules`} with too little data
          </Button>
          <div id={hiddenId} hidden={!showHidden}>
            {showHidden && (
              <RulePrecisionTable
                caption={`Rules with fewer than ${minVolume} decided flags, not ranked`}
                rules={hidden}
              />
            )}
          </div>
        </>
      )}
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
