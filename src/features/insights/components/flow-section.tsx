import type { Flow } from '../../../api/schemas/insights';
import { duration } from '../model/insights-range';
import { BarChart } from './charts';
import { ChartBesideTable } from './chart-beside-table';
import { DataTable } from '../../../components/ui/data-table';
import { InsightSection } from './insight-section';

const bandLabels = {
  within_half: 'Under half their SLA',
  within_sla: 'Within their SLA',
  over_sla: 'Past their SLA',
} as const;

/** Items in and decided, day by day; the median time to a decision; what waits, by SLA used. */
export function FlowSection({ flow }: { flow: Flow }) {
  return (
    <InsightSection
      title="Flow"
      summary="Items flagged and items decided in the range, by day (UTC); the median time from flag to final decision; the items waiting now, by how much of their SLA they have used."
    >
      <dl className="grid grid-cols-3 gap-2 text-sm">
        <div>
          <dt className="text-slate-700">Items in</dt>
          <dd className="text-xl font-semibold">{flow.itemsIn}</dd>
        </div>
        <div>
          <dt className="text-slate-700">Decided</dt>
          <dd className="text-xl font-semibold">{flow.decided}</dd>
        </div>
        <div>
          <dt className="text-slate-700">Median time to decision</dt>
          <dd className="text-xl font-semibold">{duration(flow.medianSecondsToDecision)}</dd>
        </div>
      </dl>
      <ChartBesideTable
        title="Items in and decided per day"
        chart={
          <BarChart
            label="Items in and decided per day, a count: bars; the numbers are in the table beside it."
            yLabel="Items (count)"
            categories={flow.days.map((d) => d.day.slice(5))}
            series={[
              { name: 'In', colour: 'slate', values: flow.days.map((d) => d.itemsIn) },
              { name: 'Decided', colour: 'sky', values: flow.days.map((d) => d.decided) },
            ]}
          />
        }
      >
        <DataTable caption="Items in and decided per day" head={['Day', 'In', 'Decided']}>
          {flow.days.map((d) => (
            <tr key={d.day} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                {d.day}
              </th>
              <td>{d.itemsIn}</td>
              <td>{d.decided}</td>
            </tr>
          ))}
        </DataTable>
      </ChartBesideTable>
      <DataTable caption="Items waiting now, by SLA used" head={['Waiting', 'Items']}>
        {flow.pendingByAge.map((b) => (
          <tr key={b.band} className="border-b border-slate-100">
            <th scope="row" className="py-1 pr-3 text-left font-normal">
              {bandLabels[b.band]}
            </th>
            <td>{b.count}</td>
          </tr>
        ))}
      </DataTable>
    </InsightSection>
  );
}
