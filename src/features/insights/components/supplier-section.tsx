import type { SupplierScore } from '../../../api/schemas/insights';
import { percent } from '../model/insights-range';
import { DataTable } from '../../../components/ui/data-table';
import { InsightSection } from './insight-section';

/** A share as a number and a small bar, the bar only for the eye. */
function ShareCell({ share }: { share: number }) {
  return (
    <td className="pr-3">
      <span className="flex items-center gap-1">
        {percent(share)}
        <meter aria-hidden="true" min={0} max={1} value={share} className="h-2 w-10" />
      </span>
    </td>
  );
}

/**
 * Per supplier, how much of what makes a report actionable its provenance carries, the reasons
 * given when it did not, and the reports filed: the evidence for holding suppliers to provenance
 * standards. Worst provenance first.
 */
export function SupplierSection({ suppliers }: { suppliers: readonly SupplierScore[] }) {
  const fields = suppliers[0]?.fields ?? [];
  return (
    <InsightSection
      title="Supplier provenance scorecard"
      summary="Share of each supplier’s items flagged in the range whose provenance holds each field a report needs to be actionable; the reasons all reports so far gave for what was not available, and the reports filed so far."
    >
      <DataTable
        caption="Supplier provenance, worst first"
        head={[
          'Supplier',
          'Items',
          'Confirmed',
          ...fields.map((f) => f.label),
          'Reports filed (all time)',
        ]}
      >
        {suppliers.map((s) => (
          <tr key={s.supplierId} className="border-b border-slate-100">
            <th scope="row" className="py-1 pr-3 text-left font-normal">
              {s.name}
            </th>
            <td>{s.items}</td>
            <td>{s.confirmed}</td>
            {s.fields.map((f) => (
              <ShareCell key={f.id} share={f.share} />
            ))}
            <td>{s.reportsFiled}</td>
          </tr>
        ))}
      </DataTable>
      {suppliers.some((s) => s.notAvailable.length > 0) && (
        <>
          <h3 className="font-semibold">Reasons given for missing fields (all reports)</h3>
          <ul className="flex flex-col gap-1 text-sm">
            {suppliers.flatMap((s) =>
              s.notAvailable.map((n) => (
                <li key={`${s.supplierId}|${n.field}|${n.reason}`}>
                  <span className="font-medium">{s.name}</span>, {n.field.replaceAll('_', ' ')}: “
                  {n.reason}” ({n.reports} {n.reports === 1 ? 'report' : 'reports'})
                </li>
              )),
            )}
          </ul>
        </>
      )}
    </InsightSection>
  );
}
