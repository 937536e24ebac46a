import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import type { RulePrecision, RuleVersionPrecision } from '../../../api/schemas/insights';
import { DataTable } from '../../../components/ui/data-table';
import { percent } from '../model/insights-range';

const head = [
  'Rule',
  'Flagged',
  'Confirmed',
  'False positives',
  'Other dismissals',
  'Pending',
  'Precision',
  '95% interval',
] as const;

function Counts({ of }: { of: RuleVersionPrecision | RulePrecision }) {
  const other = of.dismissed.reduce((n, d) => n + d.count, 0) - of.falsePositives;
  return (
    <>
      <td>{of.flagged}</td>
      <td>{of.confirmed}</td>
      <td>{of.falsePositives}</td>
      <td>{other}</td>
      <td>{of.pending}</td>
      <td>{percent(of.precision)}</td>
      <td>{of.interval ? `${percent(of.interval.low)}–${percent(of.interval.high)}` : '—'}</td>
    </>
  );
}

const tooFew = <span className="block text-xs text-slate-600">too few decided to rank</span>;

/** A rule's row, which opens its items, and its versions beneath it behind a disclosure button. */
function RuleRows({ rule }: { rule: RulePrecision }) {
  const [open, setOpen] = useState(false);
  const versionsId = useId();
  const versions = rule.versions.length;
  return (
    <>
      <tbody>
        <tr className="border-b border-slate-100 align-top">
          <th scope="row" className="py-1 pr-3 text-left font-normal">
            <Link to="/items" search={{ ruleId: rule.ruleId }} className="text-sky-800 underline">
              {rule.ruleName}
            </Link>
            {!rule.enoughVolume && tooFew}
            <button
              type="button"
              aria-expanded={open}
              aria-controls={versionsId}
              onClick={() => setOpen((o) => !o)}
              className="mt-0.5 flex items-center gap-1 rounded-sm text-xs text-slate-700 hover:underline focus-visible:outline-2 focus-visible:outline-sky-700"
            >
              <span aria-hidden="true">{open ? '▾' : '▸'}</span>
              {versions} {versions === 1 ? 'version' : 'versions'}
              <span className="sr-only"> of {rule.ruleName}</span>
            </button>
          </th>
          <Counts of={rule} />
        </tr>
      </tbody>
      <tbody id={versionsId} hidden={!open} className="bg-slate-50">
        {rule.versions.map((version) => (
          <tr key={version.ruleVersion} className="border-b border-slate-100 align-top">
            <th scope="row" className="py-1 pr-3 pl-5 text-left font-normal">
              <span className="sr-only">{rule.ruleName}, </span>version {version.ruleVersion}
              {!version.enoughVolume && tooFew}
            </th>
            <Counts of={version} />
          </tr>
        ))}
      </tbody>
    </>
  );
}

/** Rules one row each, in the order given; each rule's versions open beneath it. */
export function RulePrecisionTable({
  caption,
  rules,
}: {
  caption: string;
  rules: readonly RulePrecision[];
}) {
  return (
    <DataTable caption={caption} head={head} rowGroups>
      {rules.map((rule) => (
        <RuleRows key={rule.ruleId} rule={rule} />
      ))}
    </DataTable>
  );
}
