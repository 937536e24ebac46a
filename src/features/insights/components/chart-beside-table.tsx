import type { ReactNode } from 'react';

/**
 * A chart and the table of its numbers side by side (stacked on a narrow screen), named together
 * by `title`: the chart is a picture of the table, and a person reads either.
 */
export function ChartBesideTable({
  title,
  chart,
  children,
}: {
  title: string;
  chart: ReactNode;
  /** The table. */
  children: ReactNode;
}) {
  return (
    <figure className="grid items-start gap-x-6 gap-y-2 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <figcaption className="font-medium lg:col-span-2">{title}</figcaption>
      <div>{chart}</div>
      <div>{children}</div>
    </figure>
  );
}
