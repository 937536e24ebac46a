import type { ReactNode } from 'react';

/**
 * A numbers table: a caption for screen readers, a header row, rows given by the caller — or,
 * with `rowGroups`, the caller's own `<tbody>` groups (rows that open beneath another row).
 */
export function DataTable({
  caption,
  head,
  rowGroups = false,
  children,
}: {
  caption: string;
  head: readonly string[];
  rowGroups?: boolean;
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
        {rowGroups ? children : <tbody>{children}</tbody>}
      </table>
    </div>
  );
}
