import type { Exposure } from '../../../api/schemas/insights';
import { duration, percent } from '../model/insights-range';
import { BarChart } from './charts';
import { ChartBesideTable } from './chart-beside-table';
import { DataTable } from '../../../components/ui/data-table';
import { InsightSection } from './insight-section';

const minutes = (seconds: number) => (seconds / 60).toFixed(1);
const besideIt = 'the numbers are in the table beside it.';

/**
 * How much harmful material people were shown: reveals (a count) and revealed time (minutes) per
 * reviewer, each on its own chart beside its table, then per day; and the share of decisions made
 * without revealing anything (the goal: most).
 */
export function ExposureSection({ exposure }: { exposure: Exposure }) {
  const shown = exposure.reviewers.filter((r) => r.reveals > 0 || r.decisions > 0);
  const names = shown.map((r) => r.actor.name);
  const withoutShare =
    exposure.decisions === 0 ? null : exposure.decisionsWithoutReveal / exposure.decisions;
  return (
    <InsightSection
      title="Exposure"
      summary="Reveals of unblurred media and how long they lasted, per reviewer; decisions made without any reveal of that item by the person deciding."
    >
      <p className="text-sm">
        <span className="text-xl font-semibold">{percent(withoutShare)}</span> of{' '}
        {exposure.decisions} decisions were made without a reveal.
      </p>
      <ChartBesideTable
        title="Reveals per reviewer"
        chart={
          shown.length > 0 && (
            <BarChart
              label={`Reveals per reviewer, a count: bars; ${besideIt}`}
              yLabel="Reveals (count)"
              categories={names}
              series={[{ name: 'Reveals', colour: 'amber', values: shown.map((r) => r.reveals) }]}
            />
          )
        }
      >
        <DataTable
          caption="Reveals per reviewer"
          head={['Reviewer', 'Reveals', 'Decisions', 'Without a reveal']}
        >
          {shown.map((r) => (
            <tr key={r.actor.id} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                {r.actor.name}
              </th>
              <td>{r.reveals}</td>
              <td>{r.decisions}</td>
              <td>{percent(r.decisions === 0 ? null : r.decisionsWithoutReveal / r.decisions)}</td>
            </tr>
          ))}
        </DataTable>
      </ChartBesideTable>
      <ChartBesideTable
        title="Revealed time per reviewer"
        chart={
          shown.length > 0 && (
            <BarChart
              label={`Revealed time per reviewer, in minutes: bars; ${besideIt}`}
              yLabel="Revealed (minutes)"
              categories={names}
              series={[
                {
                  name: 'Revealed',
                  colour: 'sky',
                  values: shown.map((r) => r.revealedSeconds / 60),
                },
              ]}
            />
          )
        }
      >
        <DataTable caption="Revealed time per reviewer" head={['Reviewer', 'Revealed (minutes)']}>
          {shown.map((r) => (
            <tr key={r.actor.id} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                {r.actor.name}
              </th>
              <td>{minutes(r.revealedSeconds)}</td>
            </tr>
          ))}
        </DataTable>
      </ChartBesideTable>
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
