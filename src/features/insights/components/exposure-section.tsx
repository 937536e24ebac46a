import type { Exposure } from '../../../api/schemas/insights';
import { duration, percent } from '../model/insights-range';
import { BarChart } from './charts';
import { DataTable } from '../../../components/ui/data-table';
import { InsightSection } from './insight-section';

/**
 * How much harmful material people were shown: reveals and revealed time per reviewer and day,
 * and the share of decisions made without revealing anything (the goal: most).
 */
export function ExposureSection({ exposure }: { exposure: Exposure }) {
  const shown = exposure.reviewers.filter((r) => r.reveals > 0 || r.decisions > 0);
  const withoutShare =
    exposure.decisions === 0 ? null : exposure.decisionsWithoutReveal / exposure.decisions;
  return (
    <InsightSection
      title="Exposure"
      summary="Reveals of unblurred media and the seconds they lasted, per reviewer; decisions made without any reveal of that item by the person deciding."
    >
      <p className="text-sm">
        <span className="text-xl font-semibold">{percent(withoutShare)}</span> of{' '}
        {exposure.decisions} decisions were made without a reveal.
      </p>
      {shown.length > 0 && (
        <BarChart
          label="Reveals and revealed minutes per reviewer; the numbers are in the table below."
          categories={shown.map((r) => r.actor.name)}
          series={[
            { name: 'Reveals', colour: 'amber', values: shown.map((r) => r.reveals) },
            {
              name: 'Revealed minutes',
              colour: 'sky',
              values: shown.map((r) => r.revealedSeconds / 60),
            },
          ]}
        />
      )}
      <DataTable
        caption="Exposure per reviewer"
        head={['Reviewer', 'Reveals', 'Revealed', 'Decisions', 'Without a reveal']}
      >
        {shown.map((r) => (
          <tr key={r.actor.id} className="border-b border-slate-100">
            <th scope="row" className="py-1 pr-3 text-left font-normal">
              {r.actor.name}
            </th>
            <td>{r.reveals}</td>
            <td>{duration(r.revealedSeconds)}</td>
            <td>{r.decisions}</td>
            <td>{percent(r.decisions === 0 ? null : r.decisionsWithoutReveal / r.decisions)}</td>
          </tr>
        ))}
      </DataTable>
      <DataTable
        caption="Reveals per reviewer per day"
        head={['Reviewer', 'Day', 'Reveals', 'Revealed']}
      >
        {shown.flatMap((r) =>
          r.days.map((d) => (
            <tr key={`${r.actor.id}|${d.day}`} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                {r.actor.name}
              </th>
              <td>{d.day}</td>
              <td>{d.reveals}</td>
              <td>{duration(d.revealedSeconds)}</td>
            </tr>
          )),
        )}
      </DataTable>
    </InsightSection>
  );
}
