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
