import { useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import { filterCatalogQueryOptions } from '../../../api/queries/filter-catalog';
import type { ItemSort } from '../../../api/schemas/item';
import { priorityStyles, signalKindLabels, statusStyles } from '../model/labels';
import type { WorkspaceSearch } from '../model/workspace-search';

type FilterKey = 'status' | 'priority' | 'signalKind' | 'ruleId' | 'supplierId' | 'sort';

interface Filter {
  key: FilterKey;
  label: string;
  /** What "no choice" means for this filter. */
  anyLabel: string;
  choices: [value: string, text: string][];
}

const sortChoices: [ItemSort, string][] = [
  ['sla', 'SLA due'],
  ['flagged', 'Newest flagged'],
];

/**
 * The list's filters and sort; every change goes to the URL, so a view is a shareable link.
 * Memoised: moving the selection does not re-render it.
 */
export const ListFilters = memo(function ListFilters({
  search,
  onChange,
}: {
  search: WorkspaceSearch;
  onChange: (change: Partial<WorkspaceSearch>) => void;
}) {
  const catalog = useQuery(filterCatalogQueryOptions());
  const filters: Filter[] = [
    {
      key: 'status',
      label: 'Status',
      anyLabel: 'Any',
      choices: Object.entries(statusStyles).map(([value, style]) => [value, style.label]),
    },
    {
      key: 'priority',
      label: 'Priority',
      anyLabel: 'Any',
      choices: Object.entries(priorityStyles).map(([value, style]) => [value, style.label]),
    },
    {
      key: 'signalKind',
      label: 'Signal',
      anyLabel: 'Any',
      choices: Object.entries(signalKindLabels),
    },
    {
      key: 'ruleId',
      label: 'Rule',
      anyLabel: 'Any',
      choices: (catalog.data?.rules ?? []).map((rule) => [rule.id, rule.name]),
    },
    {
      key: 'supplierId',
      label: 'Supplier',
      anyLabel: 'Any',
      choices: (catalog.data?.suppliers ?? []).map((supplier) => [supplier.id, supplier.name]),
    },
    { key: 'sort', label: 'Sort', anyLabel: 'Priority, then SLA', choices: sortChoices },
  ];
  return (
    <div className="flex flex-wrap items-end gap-3">
      {filters.map(({ key, label, anyLabel, choices }) => (
        <label key={key} className="flex flex-col text-xs text-slate-700">
          {label}
          <select
            value={search[key] ?? ''}
            onChange={(event) => onChange({ [key]: event.target.value || undefined })}
            className="max-w-44 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          >
            <option value="">{anyLabel}</option>
            {/* A value from a shared link that the catalog does not (yet) list still shows. */}
            {search[key] && !choices.some(([value]) => value === search[key]) && (
              <option value={search[key]}>{search[key]}</option>
            )}
            {choices.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
      ))}
      {catalog.isError && (
        <p role="alert" className="text-xs text-red-900">
          Could not load the rules and suppliers: {catalog.error.message}
        </p>
      )}
    </div>
  );
});
