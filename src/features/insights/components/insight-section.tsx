import type { ReactNode } from 'react';

/** One insight: a heading, what it counts, its chart and its table. */
export function InsightSection({
  title,
  summary,
  children,
}: {
  title: string;
  summary: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-label={title}
      className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4"
    >
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="max-w-3xl text-sm text-slate-700">{summary}</p>
      {children}
    </section>
  );
}

/** A numbers table: a caption for screen readers, a header row, rows given by the caller. */
export function Table({
  caption,
  head,
  children,
}: {
  caption: string;
  head: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            {head.map((h) => (
              <th key={h} scope="col" className="py-1 pr-3">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
