import type { ReviewAgreement } from '../../../api/schemas/insights';
import { percent } from '../model/insights-range';
import { DataTable } from '../../../components/ui/data-table';
import { InsightSection } from './insight-section';

const kappa = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/** How often the blind second review agrees with the first, beyond chance; and the disagreements. */
export function AgreementSection({ agreement }: { agreement: ReviewAgreement }) {
  const { overall, pairs, disagreements, minOverlap } = agreement;
  return (
    <InsightSection
      title="Second-review agreement"
      summary={`Confirm or dismiss, first reviewer against the blind second reviewer, for second reviews in the range. Cohen’s kappa is the agreement beyond chance (1 perfect, 0 chance). Pairs (in either order) shown once they shared ${minOverlap} items.`}
    >
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-700">Items compared</dt>
          <dd className="text-xl font-semibold">{overall.compared}</dd>
        </div>
        <div>
          <dt className="text-slate-700">Agreement</dt>
          <dd className="text-xl font-semibold">{percent(overall.rate)}</dd>
        </div>
        <div>
          <dt className="text-slate-700">Cohen’s kappa</dt>
          <dd className="text-xl font-semibold">{kappa(overall.kappa)}</dd>
        </div>
        <div>
          <dt className="text-slate-700">Disagreements: confirmed / dismissed / waiting</dt>
          <dd className="text-xl font-semibold">
            {disagreements.confirmed} / {disagreements.dismissed} / {disagreements.waiting}
          </dd>
        </div>
      </dl>
      {pairs.length === 0 && (
        <p className="text-sm text-slate-700">
          No pair of reviewers shared {minOverlap} items in this range.
        </p>
      )}
      <DataTable
        caption="Agreement per pair of reviewers, least agreement first"
        head={['Reviewer', 'With', 'Items', 'Agreement', 'Kappa']}
      >
        {pairs.map((p) => (
          <tr key={`${p.first.id}>${p.second.id}`} className="border-b border-slate-100">
            <th scope="row" className="py-1 pr-3 text-left font-normal">
              {p.first.name}
            </th>
            <td>{p.second.name}</td>
            <td>{p.compared}</td>
            <td>{percent(p.rate)}</td>
            <td>{kappa(p.kappa)}</td>
          </tr>
        ))}
      </DataTable>
    </InsightSection>
  );
}
